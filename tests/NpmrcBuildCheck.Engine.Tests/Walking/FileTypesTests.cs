using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Engine.Tests.Scanning;
using NpmrcBuildCheck.Walking;

namespace NpmrcBuildCheck.Engine.Tests.Walking;

/// <summary>libc's fstatat tells the file types that .NET's APIs (and mkfifo) say the entries have.</summary>
[TestClass]
public sealed class FileTypesTests
{
    [TestMethod]
    public void TypesAgreeWithDotNetAndMkfifo()
    {
        if (!UnixStat.Available)
        {
            Assert.Inconclusive("the stat layout is known for 64-bit Linux and macOS");
        }

        using var tree = new TestTree();
        string file = tree.Write("a.txt", "x");
        string empty = tree.Write("empty", string.Empty);
        string folder = tree.Full("sub");
        Directory.CreateDirectory(folder);
        string fifo = tree.Full("pipe");
        TestTree.Run(tree.Root, "mkfifo", fifo);
        File.CreateSymbolicLink(tree.Full("to-file"), file);
        File.CreateSymbolicLink(tree.Full("to-fifo"), fifo);
        Directory.CreateSymbolicLink(tree.Full("to-folder"), folder);
        File.CreateSymbolicLink(tree.Full("dangling"), tree.Full("missing"));

        Assert.IsTrue(File.Exists(file) && File.Exists(empty) && Directory.Exists(folder));
        Assert.AreEqual(FileTypes.Kind.Regular, FileTypes.Get(file));
        Assert.AreEqual(FileTypes.Kind.Regular, FileTypes.Get(empty));
        Assert.AreEqual(FileTypes.Kind.Directory, FileTypes.Get(folder));
        Assert.AreEqual(FileTypes.Kind.Special, FileTypes.Get(fifo));
        Assert.AreEqual(FileTypes.Kind.Special, FileTypes.Get("/dev/null"));
        Assert.AreEqual(FileTypes.Kind.Regular, FileTypes.Get(tree.Full("to-file")), "links are followed");
        Assert.AreEqual(FileTypes.Kind.Special, FileTypes.Get(tree.Full("to-fifo")));
        Assert.AreEqual(FileTypes.Kind.Directory, FileTypes.Get(tree.Full("to-folder")));
        Assert.AreEqual(FileTypes.Kind.Missing, FileTypes.Get(tree.Full("dangling")));
        Assert.AreEqual(FileTypes.Kind.Missing, FileTypes.Get(tree.Full("missing")));
        Assert.AreEqual(FileTypes.Kind.Regular, FileTypes.Get(tree.Write("ünïcødé.npmrc", "y")));
    }
}
