using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Scanning;

namespace NpmrcBuildCheck.Engine.Tests.Scanning;

/// <summary>The libc reader (Linux) returns exactly what .NET's file APIs return, in every mode.</summary>
[TestClass]
public sealed class FileReaderTests
{
    private static readonly int[] Sizes = { 0, 1, 4095, 65535, 65536, 65537, 200_000, 3_000_001 };

    [TestMethod]
    public void LibcAndManagedReadsAgree()
    {
        using var tree = new TestTree();
        var random = new Random(3);
        foreach (int size in Sizes)
        {
            var content = new byte[size];
            random.NextBytes(content);
            string path = tree.WriteBytes("f" + size + ".bin", content);
            foreach (long expected in new long[] { size, -1 })
            {
                foreach (long limit in new long[] { 16 * 1024 * 1024, 100_000 })
                {
                    var (libcCount, libcBytes) = ReadWith(path, expected, limit, managed: false);
                    var (managedCount, managedBytes) = ReadWith(path, expected, limit, managed: true);
                    string what = $"size {size}, expected {expected}, limit {limit}";
                    Assert.AreEqual(managedCount, libcCount, what);
                    CollectionAssert.AreEqual(managedBytes, libcBytes, what);
                    if (expected >= 0 && size <= limit)
                    {
                        CollectionAssert.AreEqual(content, libcBytes, what);
                    }
                }
            }
        }
    }

    [TestMethod]
    public void MissingFileIsNotFoundForBoth()
    {
        using var tree = new TestTree();
        string path = tree.Full("missing.txt");
        using var buffer = new ReadBuffer(16);
        Assert.ThrowsExactly<FileNotFoundException>(() => FileReader.Read(path, 10, 100, buffer));
        Assert.ThrowsExactly<FileNotFoundException>(() => FileReader.Read(path, 10, 100, buffer, managed: true));
    }

    [TestMethod]
    public void BufferGrowsAndKeepsWhatWasRead()
    {
        using var buffer = new ReadBuffer(4);
        "abcd"u8.CopyTo(buffer.Slice(0, 4));
        buffer.EnsureCapacity(5, keep: 4);
        Assert.IsTrue(buffer.Capacity >= 8, "grows at least 2x");
        CollectionAssert.AreEqual("abcd"u8.ToArray(), buffer.Slice(0, 4).ToArray());
    }

    private static (int Count, byte[] Bytes) ReadWith(string path, long expected, long limit, bool managed)
    {
        using var buffer = new ReadBuffer(1024);
        int count = FileReader.Read(path, expected, limit, buffer, managed);
        return (count, buffer.Slice(0, Math.Abs(count)).ToArray());
    }
}
