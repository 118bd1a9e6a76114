using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Engine.Tests.Scanning;
using NpmrcBuildCheck.Scanning;
using NpmrcBuildCheck.Sources;

namespace NpmrcBuildCheck.Engine.Tests.Sources;

/// <summary>The staged content source: the index's blobs, pruned like the walk, detected like files on disk.</summary>
[TestClass]
public sealed class StagedSourceTests
{
    private static ScanResult ScanStaged(TestTree tree, params string[] excludes) =>
        StagedSource.Open(tree.Root, ObjectStoreBlobs.Open, excludes).Scan();

    [TestMethod]
    public void TheIndexNotTheWorkTreeIsScanned()
    {
        using var tree = new TestTree();
        tree.GitInit();
        tree.Write("deleted/.npmrc", TestTree.NpmrcWithToken(1));
        tree.Write("edited/.npmrc", "registry=https://registry.npmjs.org/\n");
        tree.Git("add", "-A");
        File.Delete(tree.Full("deleted/.npmrc"));
        tree.Write("edited/.npmrc", TestTree.NpmrcWithToken(2));
        tree.Write("untracked/.npmrc", TestTree.NpmrcWithToken(3));

        var staged = ScanStaged(tree);

        CollectionAssert.AreEqual(new[] { "NPMRC001 deleted/.npmrc" }, TestTree.Codes(staged));
        Assert.AreEqual(2, staged.FilesScanned);
        var disk = new WorkTreeSource(new ScanOptions(tree.Root)).Scan();
        CollectionAssert.AreEquivalent(new[] { "NPMRC001 edited/.npmrc", "NPMRC001 untracked/.npmrc" }, TestTree.Codes(disk));
    }

    [TestMethod]
    public void TheWalksPruningAndExcludesApply()
    {
        using var tree = new TestTree();
        tree.GitInit();
        tree.Write("Web/Web.csproj", "<Project />");
        tree.Write("Web/bin/.npmrc", TestTree.NpmrcWithToken(1));
        tree.Write("Web/ClientApp/node_modules/pkg/.npmrc", TestTree.NpmrcWithToken(2));
        tree.Write("Web/ClientApp/.yarn/cache/.npmrc", TestTree.NpmrcWithToken(3));
        tree.Write("tools/bin/.npmrc", TestTree.NpmrcWithToken(4));
        tree.Write("vendor/lib/.npmrc", TestTree.NpmrcWithToken(5));
        tree.Write("Web/ClientApp/.npmrc", TestTree.NpmrcWithToken(6));
        tree.Write("Web/ClientApp/logo.png", TestTree.NpmrcWithToken(7));
        tree.Git("add", "-A", "-f");

        var staged = ScanStaged(tree, "vendor/**");

        // bin/ is pruned only beside a project file, as in the walk; a binary name is skipped.
        CollectionAssert.AreEqual(new[] { "NPMRC001 Web/ClientApp/.npmrc", "NPMRC001 tools/bin/.npmrc" }, TestTree.Codes(staged));
        Assert.AreEqual(1, staged.BinaryFilesSkipped);
        CollectionAssert.AreEqual(new[] { "Web" }, staged.ProjectDirectories.ToArray());
    }

    [TestMethod]
    public void PackedAndDeltifiedBlobsAreRead()
    {
        using var tree = new TestTree();
        tree.GitInit();
        tree.Write("ClientApp/.npmrc", "registry=https://registry.npmjs.org/\n" + string.Concat(Enumerable.Repeat("# a comment line to make a delta worthwhile\n", 50)));
        tree.Git("add", "-A");
        tree.Git("commit", "-qm", "one");
        tree.Write("ClientApp/.npmrc", File.ReadAllText(tree.Full("ClientApp/.npmrc")) + TestTree.NpmrcWithToken(1));
        tree.Git("add", "-A");
        tree.Git("commit", "-qm", "two");
        tree.Git("gc", "-q", "--aggressive");

        var staged = ScanStaged(tree);

        Assert.AreEqual("NPMRC001 ClientApp/.npmrc", TestTree.Codes(staged).Single());
        Assert.AreEqual(52, staged.Findings.Single().Line);
    }

    [TestMethod]
    public void OutsideAWorkTreeTheSourceIsUnavailable()
    {
        using var tree = new TestTree();
        var error = Assert.ThrowsExactly<SourceUnavailableException>(() => StagedSource.Open(tree.Root, ObjectStoreBlobs.Open, System.Array.Empty<string>()));
        StringAssert.Contains(error.Message, "not inside a git work tree");
    }
}
