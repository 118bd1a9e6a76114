using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Engine.Tests.Scanning;

namespace NpmrcBuildCheck.Engine.Tests.Walking;

[TestClass]
public sealed class PruningTests
{
    [TestMethod]
    [DataRow("node_modules/pkg/.npmrc")]
    [DataRow("ClientApp/node_modules/pkg/.npmrc")]
    [DataRow("a/b/bower_components/x/.npmrc")]
    [DataRow("jspm_packages/x/.npmrc")]
    [DataRow(".git/.npmrc")]
    [DataRow("sub/.vs/.npmrc")]
    [DataRow(".idea/.npmrc")]
    [DataRow("ClientApp/.yarn/cache/.npmrc")]
    public void AlwaysPrunedFoldersAreNotScanned(string path)
    {
        using var tree = new TestTree();
        tree.Write(path, TestTree.NpmrcWithToken());
        tree.Write("keep/.npmrc", TestTree.NpmrcWithToken(2));
        var result = tree.Scan(o => new(o.Root) { UseGit = false });
        CollectionAssert.AreEqual(new[] { "NPMRC001 keep/.npmrc" }, TestTree.Codes(result));
    }

    [TestMethod]
    public void YarnFoldersOtherThanCacheAreScanned()
    {
        using var tree = new TestTree();
        tree.Write(".yarn/releases/.npmrc", TestTree.NpmrcWithToken());
        tree.Write("cache/.npmrc", TestTree.NpmrcWithToken(2));
        var result = tree.Scan(o => new(o.Root) { UseGit = false });
        CollectionAssert.AreEqual(new[] { "NPMRC001 .yarn/releases/.npmrc", "NPMRC001 cache/.npmrc" }, TestTree.Codes(result));
    }

    [TestMethod]
    public void BinAndObjBesideAProjectFileArePruned_AFrontendBinIsScanned()
    {
        using var tree = new TestTree();
        tree.Write("App/App.csproj", "<Project />");
        tree.Write("App/bin/Debug/.npmrc", TestTree.NpmrcWithToken(1));
        tree.Write("App/obj/.npmrc", TestTree.NpmrcWithToken(2));
        tree.Write("App/ClientApp/bin/.npmrc", TestTree.NpmrcWithToken(3));
        tree.Write("Lib/Lib.fsproj", "<Project />");
        tree.Write("Lib/obj/.npmrc", TestTree.NpmrcWithToken(4));
        tree.Write("Vb/Vb.vbproj", "<Project />");
        tree.Write("Vb/bin/.npmrc", TestTree.NpmrcWithToken(5));
        tree.Write("tools/bin/.npmrc", TestTree.NpmrcWithToken(6));
        var result = tree.Scan(o => new(o.Root) { UseGit = false });
        CollectionAssert.AreEqual(new[] { "NPMRC001 App/ClientApp/bin/.npmrc", "NPMRC001 tools/bin/.npmrc" }, TestTree.Codes(result));
        CollectionAssert.AreEqual(new[] { "App", "Lib", "Vb" }, result.ProjectDirectories.ToArray());
    }

    [TestMethod]
    public void ProjectAtTheRootIsReportedAsEmptyPath()
    {
        using var tree = new TestTree();
        tree.Write("Root.csproj", "<Project />");
        tree.Write("bin/.npmrc", TestTree.NpmrcWithToken());
        var result = tree.Scan(o => new(o.Root) { UseGit = false });
        Assert.AreEqual(0, result.Findings.Count);
        CollectionAssert.AreEqual(new[] { string.Empty }, result.ProjectDirectories.ToArray());
    }

    [TestMethod]
    public void PrunedDirectoriesAreAbsoluteAndNeverListed()
    {
        using var tree = new TestTree();
        tree.Write("out/custom/.npmrc", TestTree.NpmrcWithToken());
        tree.Write("out/other/.npmrc", TestTree.NpmrcWithToken(2));
        var result = tree.Scan(o => new(o.Root) { UseGit = false, PrunedDirectories = new[] { tree.Full("out/custom") + Path.DirectorySeparatorChar } });
        CollectionAssert.AreEqual(new[] { "NPMRC001 out/other/.npmrc" }, TestTree.Codes(result));
    }

    [TestMethod]
    public void RootWithATrailingSeparatorAndRelativePrunedFolders()
    {
        using var tree = new TestTree();
        tree.Write("App/App.csproj", "<Project />");
        tree.Write("App/out/.npmrc", TestTree.NpmrcWithToken(1));
        tree.Write("App/src/.npmrc", TestTree.NpmrcWithToken(2));
        var result = NpmrcBuildCheck.Scanning.TreeScanner.Scan(new NpmrcBuildCheck.Scanning.ScanOptions(tree.Root + Path.DirectorySeparatorChar)
        {
            UseGit = false,
            PrunedDirectories = new[] { "App/out/" },
        });
        CollectionAssert.AreEqual(new[] { "NPMRC001 App/src/.npmrc" }, TestTree.Codes(result));
        CollectionAssert.AreEqual(new[] { "App" }, result.ProjectDirectories.ToArray());
    }

    [TestMethod]
    public void ExcludeGlobs()
    {
        using var tree = new TestTree();
        tree.Write("ClientApp/dist/.npmrc", TestTree.NpmrcWithToken(1));
        tree.Write("ClientApp/src/.npmrc", TestTree.NpmrcWithToken(2));
        tree.Write("a/b/c/old.npmrc", TestTree.NpmrcWithToken(3));
        tree.Write("docs/x/y/.npmrc", TestTree.NpmrcWithToken(4));
        tree.Write("samples/.npmrc", TestTree.NpmrcWithToken(5));
        tree.Write("samples2/.npmrc", TestTree.NpmrcWithToken(6));
        tree.Write("keep/.npmrc", TestTree.NpmrcWithToken(7));
        var globs = new[] { "ClientApp/dist/", "**/old.npmrc", "docs/**", "sample?/.npmrc", @"samples\.npmrc" };
        var result = tree.Scan(o => new(o.Root) { UseGit = false, ExcludeGlobs = globs });
        CollectionAssert.AreEqual(new[] { "NPMRC001 ClientApp/src/.npmrc", "NPMRC001 keep/.npmrc", "NPMRC001 samples2/.npmrc" }, TestTree.Codes(result));
    }

    [TestMethod]
    public void AGlobMatchingAFolderPrunesIt_ItsContentIsNeverListed()
    {
        if (TestTree.IsWindows)
        {
            Assert.Inconclusive("FIFOs are Unix-only");
        }

        using var tree = new TestTree();
        Directory.CreateDirectory(tree.Full("gen"));
        TestTree.Run(tree.Root, "mkfifo", tree.Full("gen/pipe"));
        var result = tree.Scan(o => new(o.Root) { UseGit = false, ExcludeGlobs = new[] { "gen" } });
        Assert.AreEqual(0, result.Findings.Count);
        Assert.AreEqual(1, result.DirectoriesListed);
    }
}
