using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Engine.Tests.Scanning;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.History;
using NpmrcBuildCheck.Scanning;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Engine.Tests.History;

[TestClass]
public sealed class HistoryScannerTests
{
    private static HistoryResult Scan(string path, string? state = null, int workers = 2) =>
        HistoryScanner.Scan(new HistoryOptions(path) { StateDirectory = state, MaxParallelism = workers });

    private static Finding For(HistoryResult result, string path)
    {
        var matching = result.Findings.Where(f => f.Rule.Code == "NPMRC011" && f.Path == path).ToList();
        Assert.AreEqual(1, matching.Count, $"NPMRC011 at {path}: {Describe(result)}");
        return matching[0];
    }

    private static string Describe(HistoryResult result) =>
        string.Join(" | ", result.Findings.Select(f => $"{f.Rule.Code} {f.Path}:{f.Line} {f.Message}"));

    private static string Places(HistoryResult result) =>
        string.Join(" | ", result.Findings.Select(f => $"{f.Rule.Code} {f.Path}:{f.Line}"));

    private static string Short(string commit) => commit.Substring(0, 7);

    [TestMethod]
    public void TheRepositoryRootIsTheWorkTreeFromAnyFolderInItAndTheGitDirectoryFromThere()
    {
        using var repo = new HistoryRepository();
        string workTree = System.IO.Path.GetFullPath(repo.Root).TrimEnd('/');
        Assert.AreEqual(workTree, Scan(System.IO.Path.Combine(repo.Root, "ClientApp")).RepositoryRoot, "paths are reported from the work tree's root");
        Assert.AreEqual(workTree + "/.git", Scan(System.IO.Path.Combine(repo.Root, ".git")).RepositoryRoot?.TrimEnd('/'));
    }

    [TestMethod]
    public void EachLeakInTheHistoryIsOneNpmrc011NamingItsCommit()
    {
        using var repo = new HistoryRepository();
        var result = Scan(repo.Root);

        var removed = For(result, "ClientApp/.npmrc");
        Assert.AreEqual(2, removed.Line);
        StringAssert.Contains(removed.Message, "committed in " + Short(repo.RemovedCommit) + " (2023-11-15)");
        StringAssert.Contains(removed.Message, "ClientApp/.npmrc:2");
        StringAssert.Contains(removed.Message, "branch main");
        StringAssert.Contains(removed.Message, "git filter-repo");
        StringAssert.Contains(removed.Message, "revoke");
        StringAssert.Contains(removed.Message, "baseline");
        Assert.AreEqual("//registry.npmjs.org/:_authToken", removed.Key);

        var deleted = For(result, "scripts/publish.sh");
        Assert.AreEqual(3, deleted.Line);
        StringAssert.Contains(deleted.Message, Short(repo.DeletedFileCommit));

        var side = For(result, "tools/release.js");
        StringAssert.Contains(side.Message, Short(repo.SideBranchCommit));
        StringAssert.Contains(side.Message, "branch feature");
        Assert.IsFalse(side.Message.Contains("branch main"), side.Message);

        var tagged = For(result, "ci/.npmrc");
        StringAssert.Contains(tagged.Message, Short(repo.TagOnlyCommit));
        StringAssert.Contains(tagged.Message, "Still reachable from tag v0.1.");

        StringAssert.Contains(For(result, "web/app.env").Message, "Still reachable from a stash (stash@{1}).");
        StringAssert.Contains(For(result, "web/other.env").Message, "Still reachable from a stash (stash@{0}).");

        // Still in the tree: the tree scan reports it, the history scan does not.
        Assert.IsFalse(result.Findings.Any(f => f.Path == "web/.npmrc"), Describe(result));
        Assert.AreEqual(6, result.Findings.Count, Describe(result));
        Assert.IsFalse(result.IsShallow);
        Assert.AreEqual(0, result.Notes.Count, string.Join(" ", result.Notes));
        AssertNoSecret(repo, Describe(result) + string.Join(" ", result.Findings.Select(f => f.Redacted)));
    }

    [TestMethod]
    public void TheSameRepositoryPackedGivesTheSameFindings()
    {
        using var repo = new HistoryRepository();
        string loose = Describe(Scan(repo.Root, workers: 1));
        repo.Tree.Git("gc", "-q", "--aggressive");
        Assert.AreEqual(loose, Describe(Scan(repo.Root, workers: 2)));
    }

    [TestMethod]
    public void CredentialsTheHostFoundInTheWorkTreeStayTheTreesFindings()
    {
        using var repo = new HistoryRepository();
        var tree = TreeScanner.Scan(new ScanOptions(repo.Root));
        var result = HistoryScanner.Scan(new HistoryOptions(repo.Root) { CurrentDigests = tree.Findings.Select(f => f.SubjectDigest).ToArray() });
        Assert.AreEqual(6, result.Findings.Count, Describe(result));

        // A removed token put back in a file of the work tree is the tree's finding again.
        repo.Tree.Write("ClientApp/.npmrc", "//registry.npmjs.org/:_authToken=" + repo.Removed + "\n");
        var again = TreeScanner.Scan(new ScanOptions(repo.Root));
        var without = HistoryScanner.Scan(new HistoryOptions(repo.Root) { CurrentDigests = again.Findings.Select(f => f.SubjectDigest).ToArray() });
        Assert.AreEqual(5, without.Findings.Count, Describe(without));
        Assert.IsFalse(without.Findings.Any(f => f.Path == "ClientApp/.npmrc"));
    }

    [TestMethod]
    public void SecondRunReadsNoOldBlobAndOneNewCommitReadsOnlyItsBlobs()
    {
        using var repo = new HistoryRepository();
        string state = repo.Root + "-state";
        var first = Scan(repo.Root, state);
        Assert.IsTrue(first.BlobsScanned >= 9, first.Summary);
        Assert.IsTrue(first.BytesRead > 0);

        var second = Scan(repo.Root, state);
        Assert.AreEqual(0, second.BlobsScanned, second.Summary);
        Assert.AreEqual(0, second.BytesRead);
        Assert.AreEqual(Describe(first), Describe(second));

        repo.Commit("docs/readme.txt", "hello\n", "docs", at: 20);
        var third = Scan(repo.Root, state);
        Assert.AreEqual(1, third.BlobsScanned, third.Summary);
        Assert.AreEqual(Describe(first), Describe(third));

        // A removed branch: the walk is redone (its leak disappears), still no blob is read again.
        repo.Tree.Git("branch", "-q", "-D", "feature");
        var fourth = Scan(repo.Root, state);
        Assert.AreEqual(0, fourth.BlobsScanned, fourth.Summary);
        Assert.IsFalse(fourth.Findings.Any(f => f.Path == "tools/release.js"), Describe(fourth));
        Assert.AreEqual(5, fourth.Findings.Count, Describe(fourth));

        // The state holds ids and digests, never a secret.
        foreach (var file in Directory.GetFiles(state))
        {
            AssertNoSecret(repo, Encoding.UTF8.GetString(File.ReadAllBytes(file)));
        }

        Directory.Delete(state, recursive: true);
    }

    [TestMethod]
    public void DamagedStateIsIgnored()
    {
        using var repo = new HistoryRepository();
        string state = repo.Root + "-state";
        var first = Scan(repo.Root, state);
        string file = Directory.GetFiles(state).Single();
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(file, bytes);
        var second = Scan(repo.Root, state);
        Assert.AreEqual(first.BlobsScanned, second.BlobsScanned);
        Assert.AreEqual(Describe(first), Describe(second));
        Directory.Delete(state, recursive: true);
    }

    [TestMethod]
    public void ShallowCloneSaysTheHistoryIsPartialAndScansWhatIsThere()
    {
        using var repo = new HistoryRepository();
        repo.Tree.Git("checkout", "-q", "feature");
        string clone = repo.Root + "-shallow";
        try
        {
            TestTree.Run(Path.GetTempPath(), "git", "clone", "-q", "--depth", "1", "--no-single-branch", "file://" + repo.Root, clone);
            var result = Scan(clone);
            Assert.IsTrue(result.IsShallow);
            Assert.IsTrue(result.Notes.Any(n => n.Contains("shallow")), string.Join(" ", result.Notes));
            Assert.IsFalse(result.Findings.Any(f => f.Rule.Code == "NPMRC900"), Describe(result));

            // The clone checked out feature (the origin's HEAD): release.js is current, main's web/.npmrc is history.
            Assert.IsFalse(result.Findings.Any(f => f.Path == "tools/release.js"), Describe(result));
            StringAssert.Contains(For(result, "web/.npmrc").Message, "remote-tracking origin/main");
        }
        finally
        {
            TestTree.Run(Path.GetTempPath(), "rm", "-rf", clone);
        }
    }

    [TestMethod]
    public void PartialCloneSaysWhatWasSkippedAndNeverFetches()
    {
        using var repo = new HistoryRepository();
        repo.Tree.Git("config", "uploadpack.allowFilter", "true");
        string clone = repo.Root + "-partial";
        try
        {
            TestTree.Run(Path.GetTempPath(), "git", "clone", "-q", "--no-checkout", "--filter=blob:none", "file://" + repo.Root, clone);
            string count = TestTree.Run(clone, "git", "count-objects", "-v");
            var result = Scan(clone);
            Assert.IsTrue(result.MissingBlobs > 0);
            Assert.IsTrue(result.Notes.Any(n => n.Contains("partial clone") && n.Contains("not scanned")), string.Join(" ", result.Notes));
            Assert.IsFalse(result.Findings.Any(f => f.Rule.Code == "NPMRC900"), Describe(result));
            Assert.AreEqual(count, TestTree.Run(clone, "git", "count-objects", "-v"), "an object was fetched");
        }
        finally
        {
            TestTree.Run(Path.GetTempPath(), "rm", "-rf", clone);
        }
    }

    [TestMethod]
    public void Sha256RepositoryBareCloneAndLinkedWorkTree()
    {
        using var repo = new HistoryRepository("--object-format=sha256");
        var result = Scan(repo.Root);
        Assert.AreEqual(6, result.Findings.Count, Describe(result));

        string bare = repo.Root + "-bare.git";
        string linked = repo.Root + "-linked";
        try
        {
            TestTree.Run(Path.GetTempPath(), "git", "clone", "-q", "--mirror", repo.Root, bare);
            var fromBare = Scan(bare);

            // A mirror copies refs/stash but not its reflog: the four committed leaks and the newest stash.
            Assert.AreEqual(5, fromBare.Findings.Count, Describe(fromBare));
            Assert.IsFalse(fromBare.Findings.Any(f => f.Path == "web/app.env"));

            repo.Tree.Git("worktree", "add", "-q", "-b", "linked", linked, "main");
            Assert.AreEqual(Places(Scan(repo.Root)), Places(Scan(Path.Combine(linked, "web"))));
        }
        finally
        {
            TestTree.Run(Path.GetTempPath(), "rm", "-rf", bare, linked);
        }
    }

    [TestMethod]
    public void DamagedBlobIsNpmrc900AndTheScanGoesOn()
    {
        using var repo = new HistoryRepository();
        string id = repo.Tree.Git("rev-parse", repo.DeletedFileCommit + ":scripts/publish.sh").Trim();
        string path = Path.Combine(repo.Root, ".git", "objects", id.Substring(0, 2), id.Substring(2));
        File.SetAttributes(path, FileAttributes.Normal);
        File.WriteAllBytes(path, new byte[] { 0x78, 0x9C, 1, 2, 3 });
        var result = Scan(repo.Root);
        var problem = result.Findings.Single(f => f.Rule.Code == "NPMRC900");
        Assert.AreEqual("scripts/publish.sh", problem.Path);
        StringAssert.Contains(problem.Message, id);
        Assert.AreEqual(5, result.Findings.Count(f => f.Rule.Code == "NPMRC011"), Describe(result));
    }

    [TestMethod]
    public void DamagedPackNeverCrashesTheScan()
    {
        using var repo = new HistoryRepository();
        repo.Tree.Git("gc", "-q", "--aggressive");
        string pack = Directory.GetFiles(Path.Combine(repo.Root, ".git", "objects", "pack"), "*.pack").Single();
        File.SetAttributes(pack, FileAttributes.Normal);
        byte[] bytes = File.ReadAllBytes(pack);
        var random = new Random(5);
        for (int i = 0; i < bytes.Length / 50; i++)
        {
            bytes[12 + random.Next(bytes.Length - 40)] ^= (byte)(1 + random.Next(255));
        }

        File.WriteAllBytes(pack, bytes);
        var result = Scan(repo.Root);
        Assert.IsTrue(result.Findings.Any(f => f.Rule.Code == "NPMRC900"), Describe(result));
        Assert.IsFalse(result.Findings.Any(f => f.Key == ScanProblems.InternalError), Describe(result));
    }

    [TestMethod]
    public void SubmoduleHistoryIsNotTheSuperprojects()
    {
        using var sub = new TestTree();
        sub.GitInit();
        sub.Write("lib/.npmrc", "//registry.npmjs.org/:_authToken=" + FakeTokens.Opaque(300) + "\n");
        sub.Git("add", "-A");
        sub.Git("commit", "-qm", "sub leak");
        sub.Git("rm", "-q", "lib/.npmrc");
        sub.Git("commit", "-qm", "sub fix");

        using var super = new TestTree();
        super.GitInit();
        super.Write("README.md", "super\n");
        super.Git("add", "-A");
        super.Git("commit", "-qm", "init");
        super.Git("-c", "protocol.file.allow=always", "submodule", "add", "-q", sub.Root, "vendor/sub");
        super.Git("commit", "-qm", "add submodule");
        var result = Scan(super.Root);
        Assert.AreEqual(0, result.Findings.Count, Describe(result));
        Assert.IsTrue(result.Commits == 2, result.Commits.ToString());
    }

    [TestMethod]
    public void NotARepositoryIsANoteNotAFailure()
    {
        using var tree = new TestTree();
        var result = Scan(tree.Root);
        Assert.AreEqual(0, result.Findings.Count);
        StringAssert.Contains(result.Notes.Single(), "Not in a git repository");
    }

    private static void AssertNoSecret(HistoryRepository repo, string text)
    {
        foreach (var token in repo.AllTokens)
        {
            Assert.IsFalse(text.Contains(token), "a secret leaked");
            Assert.IsFalse(text.Contains(token.Substring(0, token.Length - 4)), "most of a secret leaked");
        }
    }
}
