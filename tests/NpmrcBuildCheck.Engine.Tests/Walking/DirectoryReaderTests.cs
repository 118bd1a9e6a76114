using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Engine.Tests.Scanning;
using NpmrcBuildCheck.Walking;

namespace NpmrcBuildCheck.Engine.Tests.Walking;

[TestClass]
public sealed class DirectoryReaderTests
{
    [TestMethod]
    public void NativeListingAgreesWithDotNet()
    {
        if (!LinuxDirectoryReader.Enabled)
        {
            Assert.Inconclusive("the native reader is for 64-bit Linux");
        }

        using var tree = new TestTree();
        tree.Write("a.txt", "hello\n");
        tree.Write(".hidden", "x");
        tree.Write("ünïcødé.npmrc", "y\n");
        tree.Write("empty", string.Empty);
        Directory.CreateDirectory(tree.Full("sub"));
        Directory.CreateSymbolicLink(tree.Full("dirlink"), tree.Full("sub"));
        File.CreateSymbolicLink(tree.Full("filelink"), tree.Full("a.txt"));
        File.CreateSymbolicLink(tree.Full("dangling"), tree.Full("missing"));
        TestTree.Run(tree.Root, "mkfifo", tree.Full("fifo"));
        var native = TreeWalker.ListForTest(tree.Root, managed: false).OrderBy(e => e.Name, System.StringComparer.Ordinal).ToArray();
        var managed = TreeWalker.ListForTest(tree.Root, managed: true).OrderBy(e => e.Name, System.StringComparer.Ordinal).ToArray();
        Assert.AreEqual(managed.Length, native.Length);
        for (int i = 0; i < managed.Length; i++)
        {
            var m = managed[i];
            var n = native[i];
            Assert.AreEqual(m.Name, n.Name);
            Assert.AreEqual(m.IsDirectory, n.IsDirectory, m.Name);
            Assert.AreEqual(m.IsLink, n.IsLink, m.Name);
            if (!m.IsDirectory)
            {
                Assert.AreEqual(m.Length, n.Length, m.Name);
                Assert.AreEqual(m.Ticks, n.Ticks, m.Name);
            }
        }

        Assert.IsTrue(native.Single(e => e.Name == "dirlink").IsDirectory);
        Assert.IsTrue(native.Single(e => e.Name == "dirlink").IsLink);
    }

    [TestMethod]
    public void NativeListingAgreesWithDotNetOnEveryFolderOfANestedTree()
    {
        if (!LinuxDirectoryReader.Enabled)
        {
            Assert.Inconclusive("the native reader is for 64-bit Linux");
        }

        using var tree = new TestTree();
        for (int i = 0; i < 300; i++)
        {
            tree.Write($"many/file{i:D3}.js", new string('x', i));
        }

        tree.Write("a/b/c/d/e/f/deep.npmrc", "registry=https://example.test/\n");
        tree.Write("a/" + new string('n', 255), "long name");
        tree.Write("a/b/space name.txt", " ");
        File.SetLastWriteTimeUtc(tree.Full("a/b/space name.txt"), new System.DateTime(1999, 12, 31, 23, 59, 59, 123, System.DateTimeKind.Utc));
        foreach (string folder in Directory.EnumerateDirectories(tree.Root, "*", SearchOption.AllDirectories).Append(tree.Root))
        {
            var native = TreeWalker.ListForTest(folder, managed: false).OrderBy(e => e.Name, System.StringComparer.Ordinal).ToArray();
            var managed = TreeWalker.ListForTest(folder, managed: true).OrderBy(e => e.Name, System.StringComparer.Ordinal).ToArray();
            CollectionAssert.AreEqual(managed.Select(e => e.Name).ToArray(), native.Select(e => e.Name).ToArray(), folder);
            CollectionAssert.AreEqual(managed.Select(e => (e.IsDirectory, e.IsLink, e.Length, e.Ticks)).ToArray(), native.Select(e => (e.IsDirectory, e.IsLink, e.Length, e.Ticks)).ToArray(), folder);
        }
    }
}
