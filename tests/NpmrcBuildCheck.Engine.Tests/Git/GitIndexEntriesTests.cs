using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Engine.Tests.Scanning;
using NpmrcBuildCheck.Git;

namespace NpmrcBuildCheck.Engine.Tests.Git;

/// <summary>The index's entries with their staged object ids, as <c>git ls-files --stage</c> lists them.</summary>
[TestClass]
public sealed class GitIndexEntriesTests
{
    [TestMethod]
    [DataRow("sha1", 2)]
    [DataRow("sha1", 3)]
    [DataRow("sha1", 4)]
    [DataRow("sha256", 2)]
    [DataRow("sha256", 4)]
    public void EntriesMatchGitLsFilesStage(string objectFormat, int indexVersion)
    {
        using var tree = new TestTree();
        tree.GitInit();
        if (objectFormat == "sha256")
        {
            Directory.Delete(Path.Combine(tree.Root, ".git"), recursive: true);
            tree.Git("init", "-q", "--object-format=sha256");
        }

        tree.Write("ClientApp/.npmrc", TestTree.NpmrcWithToken());
        tree.Write("ClientApp/src/app/main.ts", "export {};\n");
        tree.Write("ClientApp/src/app/main.spec.ts", "export {};\n");
        tree.Write("run.sh", "#!/bin/sh\n");
        tree.Write("é/ü.txt", "umlaut\n");
        tree.Git("add", "-A");
        tree.Git("update-index", "--chmod=+x", "run.sh");
        tree.Git("update-index", "--index-version", indexVersion.ToString());
        tree.Git("update-index", "--add", "--cacheinfo", "120000," + tree.Git("hash-object", "-w", "run.sh").Trim() + ",link");

        int hashSize = GitIndex.HashSizeFor(Path.Combine(tree.Root, ".git", "config"));
        var entries = GitIndex.ReadEntries(Path.Combine(tree.Root, ".git", "index"), hashSize);

        Assert.IsNotNull(entries);
        var expected = tree.Git("-c", "core.quotepath=false", "ls-files", "--stage").Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        var actual = entries.Select(e => $"{System.Convert.ToString(e.Mode, 8)} {e.Id} {e.Stage}\t{e.Path}").ToArray();
        CollectionAssert.AreEqual(expected, actual);
        Assert.AreEqual(5, entries.Count(e => e.IsRegularFile), "the link is not a regular file");
    }

    [TestMethod]
    public void ConflictStagesAreListed()
    {
        using var tree = new TestTree();
        tree.GitInit();
        tree.Write("a.txt", "base\n");
        tree.Git("add", "-A");
        tree.Git("commit", "-qm", "base");
        tree.Git("checkout", "-qb", "other");
        tree.Write("a.txt", "other\n");
        tree.Git("commit", "-qam", "other");
        tree.Git("checkout", "-q", "-");
        tree.Write("a.txt", "main\n");
        tree.Git("commit", "-qam", "main");
        TestTree.Run(tree.Root, "sh", "-c", "git merge other >/dev/null 2>&1 || true");

        var entries = GitIndex.ReadEntries(Path.Combine(tree.Root, ".git", "index"), 20);

        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, entries!.Where(e => e.Path == "a.txt").Select(e => e.Stage).ToArray());
    }

    [TestMethod]
    public void AMissingIndexIsEmptyAndABrokenOneUnknown()
    {
        using var tree = new TestTree();
        Assert.AreEqual(0, GitIndex.ReadEntries(Path.Combine(tree.Root, "index"), 20)!.Count);
        tree.Write("index", "DIRC not really an index");
        Assert.IsNull(GitIndex.ReadEntries(Path.Combine(tree.Root, "index"), 20));
    }
}
