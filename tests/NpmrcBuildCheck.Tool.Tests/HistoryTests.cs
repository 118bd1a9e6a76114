using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Tool.Tests;

/// <summary><c>npmrc-buildcheck history</c>: NPMRC011 for what the history holds and the tree does not, incrementally.</summary>
[TestClass]
public sealed class HistoryTests
{
    private static GitRepository RemovedToken(string name, string token)
    {
        var repository = GitRepository.Create(name);
        repository.Write("ClientApp/.npmrc", $"//npm.acme.example/:_authToken={token}\n");
        repository.Git("add", "-A");
        repository.Git("commit", "-q", "-m", "add npmrc");
        repository.Write("ClientApp/.npmrc", "//npm.acme.example/:_authToken=${NPM_TOKEN}\n");
        repository.Git("commit", "-q", "-a", "-m", "read it from the environment");
        return repository;
    }

    [TestMethod]
    public void ARemovedTokenIsReportedOnceAndTheSecondRunReadsNoBlob()
    {
        string token = FakeTokens.NpmToken(1301);
        var repository = RemovedToken("history-removed", token);
        string commit = repository.Git("rev-parse", "--short=7", "HEAD~1").Trim();

        var first = InstalledTool.Run(repository.Directory, "history");

        Assert.AreEqual(1, first.ExitCode, first.Output);
        var lines = first.StandardOutput.Split('\n').Where(l => l.Length > 0).ToList();
        Assert.AreEqual(1, lines.Count, first.Output);
        StringAssert.StartsWith(lines[0], $"{repository.PathOf("ClientApp/.npmrc")}(1,32): error NPMRC011: ");
        StringAssert.Contains(lines[0], "committed in " + commit);
        Assert.IsTrue(Regex.IsMatch(first.StandardError.TrimEnd(), @"NpmrcBuildCheck: scanned [1-9]\d* blobs \(\d+ bytes read\) in \d+ ms$"), first.StandardError);
        Assert.IsFalse(first.StandardError.Contains('\r'), "no progress display when stderr is redirected");
        Assert.IsFalse(first.Output.Contains(token), "the token was printed");

        var second = InstalledTool.Run(repository.Directory, "history", "--format", "json");
        Assert.AreEqual(1, second.ExitCode, second.Output);
        StringAssert.Contains(second.StandardOutput, "\"NPMRC011\"");
        StringAssert.Contains(second.StandardError, "NpmrcBuildCheck: scanned 0 blobs (0 bytes read)");
    }

    [TestMethod]
    public void ABareRepositoryIsScannedAndNotARepositoryIsAUsageError()
    {
        var repository = RemovedToken("history-bare-origin", FakeTokens.NpmToken(1302));
        string bare = repository.Directory + ".git";
        repository.Git("clone", "-q", "--bare", repository.Directory, bare);

        var result = InstalledTool.Run(bare, "history", "--nowarn", "NPMRC011");
        Assert.AreEqual(0, result.ExitCode, result.Output);
        Assert.AreEqual(string.Empty, result.StandardOutput);

        var reported = InstalledTool.Run(bare, "history", bare);
        Assert.AreEqual(1, reported.ExitCode, reported.Output);

        var outside = InstalledTool.Run(System.IO.Path.GetTempPath(), "history", System.IO.Path.GetTempPath());
        Assert.AreEqual(2, outside.ExitCode, outside.Output);
        StringAssert.Contains(outside.StandardError, "is not in a git repository");
    }
}
