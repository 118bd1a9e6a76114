using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Engine.Tests.Scanning;
using NpmrcBuildCheck.Scanning;

namespace NpmrcBuildCheck.Engine.Tests.Git;

[TestClass]
public sealed class GitAwarenessTests
{
    [TestMethod]
    public void IgnoredUntrackedFileGetsNpmrc009NamingTheOriginalCode()
    {
        using var tree = new TestTree();
        tree.GitInit();
        tree.Write(".gitignore", ".npmrc\n");
        tree.Write("ClientApp/.npmrc", TestTree.NpmrcWithToken());
        var result = tree.Scan();
        var finding = result.Findings.Single();
        Assert.AreEqual("NPMRC009", finding.Rule.Code);
        StringAssert.Contains(finding.Message, "NPMRC001");
        StringAssert.Contains(finding.Message, "git-ignored");
        Assert.AreEqual("//registry.npmjs.org/:_authToken", finding.Key);
        Assert.AreEqual(1, finding.Line);
    }

    [TestMethod]
    public void CachedCredentialFindingsAreRelabelledByCurrentGitState()
    {
        // A warm scan serves the findings from the cache and reads git state early (on its own thread):
        // the labels must be those of a cold scan, and follow git changes between scans.
        using var tree = new TestTree();
        tree.GitInit();
        tree.Write(".gitignore", "ignored/\n");
        tree.Write("ignored/.npmrc", TestTree.NpmrcWithToken(1));
        tree.Write("tracked/.npmrc", TestTree.NpmrcWithToken(2));
        tree.Write("later/.npmrc", TestTree.NpmrcWithToken(3));
        tree.Git("add", "tracked/.npmrc", ".gitignore");
        tree.Git("commit", "-qm", "x");
        string cache = Path.Combine(tree.Root, "obj", "cache");
        ScanOptions Cached(ScanOptions o) => new(o.Root) { CacheDirectory = cache, MaxParallelism = 2 };
        string Labels(ScanResult r) => string.Join("|", r.Findings.Select(f => f.Rule.Code + " " + f.Path + " " + f.Message.Contains("tracked by git")));

        var cold = tree.Scan(Cached);
        var warm = tree.Scan(Cached);
        Assert.AreEqual(0, warm.BytesRead);
        Assert.AreEqual(Labels(cold), Labels(warm));
        StringAssert.Contains(Labels(warm), "NPMRC009 ignored/.npmrc False");
        StringAssert.Contains(Labels(warm), "NPMRC001 tracked/.npmrc True");
        StringAssert.Contains(Labels(warm), "NPMRC001 later/.npmrc False");

        tree.Git("add", "later/.npmrc");
        var afterAdd = tree.Scan(Cached);
        Assert.AreEqual(0, afterAdd.BytesRead);
        StringAssert.Contains(Labels(afterAdd), "NPMRC001 later/.npmrc True");
        Assert.AreEqual(Labels(tree.Scan(o => new ScanOptions(o.Root) { MaxParallelism = 1 })), Labels(afterAdd));
    }

    [TestMethod]
    public void FilesInIgnoredFoldersAreWalkedAndGetNpmrc009()
    {
        using var tree = new TestTree();
        tree.GitInit();
        tree.Write(".gitignore", "secrets/\n");
        tree.Write("secrets/deep/.npmrc", TestTree.NpmrcWithToken());
        tree.Write("secrets/deep/.gitignore", "!.npmrc\n");
        var result = tree.Scan();
        CollectionAssert.AreEqual(new[] { "NPMRC009 secrets/deep/.npmrc" }, TestTree.Codes(result));
    }

    [TestMethod]
    public void TrackedAndIgnoredKeepsItsCodeWithAHistoryRemark()
    {
        using var tree = new TestTree();
        tree.GitInit();
        tree.Write(".gitignore", ".npmrc\n");
        tree.Write(".npmrc", TestTree.NpmrcWithToken());
        tree.Git("add", "-f", ".npmrc", ".gitignore");
        tree.Git("commit", "-qm", "x");
        var finding = tree.Scan().Findings.Single();
        Assert.AreEqual("NPMRC001", finding.Rule.Code);
        StringAssert.Contains(finding.Message, "tracked by git");
        StringAssert.Contains(finding.Message, "history");
    }

    [TestMethod]
    public void StagedFileCountsAsTracked()
    {
        using var tree = new TestTree();
        tree.GitInit();
        tree.Write("a/.npmrc", TestTree.NpmrcWithToken());
        tree.Git("add", "a/.npmrc");
        var finding = tree.Scan().Findings.Single();
        Assert.AreEqual("NPMRC001", finding.Rule.Code);
        StringAssert.Contains(finding.Message, "tracked by git");
    }

    [TestMethod]
    public void UntrackedNotIgnoredKeepsItsCodeWithoutRemark()
    {
        using var tree = new TestTree();
        tree.GitInit();
        tree.Write(".gitignore", "*.log\n");
        tree.Write(".npmrc", TestTree.NpmrcWithToken());
        var finding = tree.Scan().Findings.Single();
        Assert.AreEqual("NPMRC001", finding.Rule.Code);
        Assert.IsFalse(finding.Message.Contains("tracked by git"));
    }

    [TestMethod]
    public void OutsideAWorkTreeEveryFileIsCommittable()
    {
        using var tree = new TestTree();
        if (NpmrcBuildCheck.Git.GitRepository.Discover(tree.Root) is not null)
        {
            Assert.Inconclusive("the temp folder is inside a git work tree");
        }

        tree.Write(".gitignore", ".npmrc\n");
        tree.Write(".npmrc", TestTree.NpmrcWithToken());
        var finding = tree.Scan().Findings.Single();
        Assert.AreEqual("NPMRC001", finding.Rule.Code);
        Assert.IsFalse(finding.Message.Contains("git"));
    }

    [TestMethod]
    public void NonCredentialFindingsAreNotRelabelled()
    {
        using var tree = new TestTree();
        tree.GitInit();
        tree.Write(".gitignore", ".npmrc\n");
        tree.Write(".npmrc", "registry=http://example.com/\n");
        var finding = tree.Scan().Findings.Single();
        Assert.AreEqual("NPMRC005", finding.Rule.Code);
    }

    [TestMethod]
    public void InfoExcludeCounts()
    {
        using var tree = new TestTree();
        tree.GitInit();
        File.AppendAllText(Path.Combine(tree.Root, ".git", "info", "exclude"), "\nlocal.npmrc\n");
        tree.Write("x/local.npmrc", TestTree.NpmrcWithToken());
        Assert.AreEqual("NPMRC009", tree.Scan().Findings.Single().Rule.Code);
    }

    [TestMethod]
    public void ScanRootBelowTheWorkTreeRoot()
    {
        using var tree = new TestTree();
        tree.GitInit();
        tree.Write(".gitignore", "/src/App/ClientApp/.npmrc\n");
        tree.Write("src/App/ClientApp/.npmrc", TestTree.NpmrcWithToken(1));
        tree.Write("src/App/.npmrc", TestTree.NpmrcWithToken(2));
        tree.Git("add", "src/App/.npmrc");
        var result = TreeScanner.Scan(new ScanOptions(tree.Full("src/App")));
        CollectionAssert.AreEqual(new[] { "NPMRC001 .npmrc", "NPMRC009 ClientApp/.npmrc" }, TestTree.Codes(result));
        StringAssert.Contains(result.Findings[0].Message, "tracked by git");
    }

    [TestMethod]
    [DataRow("2")]
    [DataRow("3")]
    [DataRow("4")]
    public void IndexVersionsMatchGitLsFiles(string version)
    {
        using var tree = new TestTree();
        tree.GitInit();
        string[] files =
        {
            "a.txt", "dir/b.txt", "dir/sub/c.txt", "dir/sub/cc.txt", "dir/sub/ccc/d.txt", "e f.txt", "ünï/ç.txt",
            "zz/" + new string('x', 200) + "/long.txt", "zz/" + new string('x', 200) + "/long2.txt",
        };
        foreach (var f in files)
        {
            tree.Write(f, "x\n");
        }

        tree.Git("add", ".");
        if (version == "3")
        {
            tree.Write("intent.txt", "x\n");
            tree.Git("add", "-N", "intent.txt");
        }

        tree.Git("update-index", "--index-version", version);
        var index = NpmrcBuildCheck.Git.GitIndex.Load(Path.Combine(tree.Root, ".git", "index"), 20);
        Assert.IsNotNull(index);
        Assert.AreEqual(int.Parse(version), index!.Version);
        var expected = tree.Git("-c", "core.quotepath=off", "ls-files", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(expected.Length, index.Count);
        foreach (var path in expected)
        {
            Assert.IsTrue(index.IsTracked(path), path);
        }

        Assert.IsFalse(index.IsTracked("dir/sub/c"));
        Assert.IsFalse(index.IsTracked("nope.txt"));
    }

    [TestMethod]
    public void Sha256Repository()
    {
        using var tree = new TestTree();
        if (!TestTree.HasGit())
        {
            Assert.Inconclusive("git is not installed");
        }

        try
        {
            tree.Git("init", "-q", "--object-format=sha256");
        }
        catch (InvalidOperationException)
        {
            Assert.Inconclusive("this git cannot make SHA-256 repositories");
        }

        tree.Write(".gitignore", ".npmrc\n");
        tree.Write("tracked/.npmrc", TestTree.NpmrcWithToken(1));
        tree.Write("ignored/.npmrc", TestTree.NpmrcWithToken(2));
        tree.Git("add", "-f", "tracked/.npmrc", ".gitignore");
        var result = tree.Scan();
        CollectionAssert.AreEqual(new[] { "NPMRC009 ignored/.npmrc", "NPMRC001 tracked/.npmrc" }, TestTree.Codes(result));
        StringAssert.Contains(result.Findings[1].Message, "tracked by git");
    }

    [TestMethod]
    public void SplitIndexMeansUnknown_NoDowngrade()
    {
        using var tree = new TestTree();
        tree.GitInit();
        tree.Write(".gitignore", ".npmrc\n");
        tree.Write("a.txt", "x\n");
        tree.Git("add", "a.txt", ".gitignore");
        tree.Git("update-index", "--split-index");
        tree.Write(".npmrc", TestTree.NpmrcWithToken());
        Assert.AreEqual("NPMRC001", tree.Scan().Findings.Single().Rule.Code);
    }

    [TestMethod]
    public void CorruptIndexMeansUnknown_NoDowngrade()
    {
        using var tree = new TestTree();
        tree.GitInit();
        tree.Write(".gitignore", ".npmrc\n");
        tree.Write(".npmrc", TestTree.NpmrcWithToken());
        File.WriteAllBytes(Path.Combine(tree.Root, ".git", "index"), new byte[] { (byte)'D', (byte)'I', (byte)'R', (byte)'C', 0, 0, 0, 9, 1, 2 });
        Assert.AreEqual("NPMRC001", tree.Scan().Findings.Single().Rule.Code);
    }

    [TestMethod]
    public void LinkedWorkTreeUsesItsOwnIndex()
    {
        using var tree = new TestTree();
        tree.GitInit();
        tree.Write("main/readme.txt", "x\n");
        tree.Write("main/.gitignore", "*.npmrc\n");
        tree.Git("add", ".");
        tree.Git("commit", "-qm", "init");
        tree.Git("worktree", "add", "-q", tree.Full("linked"));
        tree.Write("linked/main/app/.npmrc", TestTree.NpmrcWithToken());
        var result = TreeScanner.Scan(new ScanOptions(tree.Full("linked")));
        CollectionAssert.AreEqual(new[] { "NPMRC009 main/app/.npmrc" }, TestTree.Codes(result));
    }
}
