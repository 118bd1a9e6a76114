using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>NpmrcBuildCheckHistory=true in a real build: NPMRC011 reported like any finding, never the secret.</summary>
[TestClass]
public sealed class HistoryBuildTests
{
    [TestMethod]
    public void RemovedTokenInTheHistoryFailsTheBuildUntilAcceptedInTheBaseline()
    {
        string token = FakeTokens.NpmToken(11011);
        var consumer = Consumer.WithProject(
            "history",
            "<NpmrcBuildCheckHistory>true</NpmrcBuildCheckHistory><NpmrcBuildCheckBaseline>npmrc-baseline.json</NpmrcBuildCheckBaseline><NpmrcBuildCheckSarifLog>$(MSBuildProjectDirectory)/artifacts/npmrc.sarif</NpmrcBuildCheckSarifLog>");
        consumer.Write(".gitignore", "bin/\nobj/\nartifacts/\n*.binlog\n");
        consumer.Write("ClientApp/.npmrc", $"registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken={token}\n");
        Git(consumer, "init", "-q");
        Git(consumer, "add", "-A");
        Git(consumer, "commit", "-qm", "add the private registry");
        string leakCommit = Git(consumer, "rev-parse", "--short=7", "HEAD").Trim();
        consumer.Write("ClientApp/.npmrc", "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n");
        Git(consumer, "commit", "-qam", "read the token from the environment");

        var first = consumer.Build("-bl:first.binlog");

        Assert.AreEqual(1, first.ExitCode, first.ToString());
        var leak = first.Ours.Single(d => d.Code == "NPMRC011");
        Assert.AreEqual("error", leak.Severity);
        Assert.AreEqual(consumer.PathOf("ClientApp/.npmrc"), leak.File);
        Assert.AreEqual(2, leak.Line);
        StringAssert.Contains(leak.Message, "committed in " + leakCommit);
        StringAssert.Contains(leak.Message, "git filter-repo");
        Assert.AreEqual(1, first.Ours.Count, "the current tree is clean:\n" + first);
        var summary = Regex.Match(first.Output, @"NpmrcBuildCheck: scanned (\d+) blobs \((\d+) bytes read\) in \d+ ms");
        Assert.IsTrue(summary.Success, first.ToString());
        Assert.AreNotEqual("0", summary.Groups[1].Value);
        StringAssert.Contains(File.ReadAllText(consumer.PathOf("artifacts/npmrc.sarif")), "NPMRC011");

        // The next build reads no old blob and reports the same.
        var second = consumer.Build("--no-restore", "-bl:second.binlog");
        Assert.AreEqual(1, second.ExitCode, second.ToString());
        Assert.AreEqual(leak.ToString(), second.Ours.Single().ToString());
        StringAssert.Contains(second.Output, "NpmrcBuildCheck: scanned 0 blobs (0 bytes read)", second.ToString());

        // Revoked and accepted: the baseline takes it like any finding.
        var write = consumer.Build("--no-restore", "-t:NpmrcBuildCheckWriteBaseline");
        Assert.AreEqual(0, write.ExitCode, write.ToString());
        var accepted = consumer.Build("--no-restore");
        Assert.AreEqual(0, accepted.ExitCode, accepted.ToString());
        Assert.AreEqual(0, accepted.Ours.Count, accepted.ToString());

        // Not in the output, the binlogs, the SARIF log, the baseline or the history state.
        foreach (var build in new[] { first, second, write, accepted })
        {
            Assert.IsFalse(build.Output.Contains(token), "the secret is printed");
        }

        Assert.AreEqual(0, consumer.FilesContaining(token).Count, string.Join(", ", consumer.FilesContaining(token)));
        Assert.IsTrue(Directory.GetFiles(consumer.PathOf("obj"), "history.state", SearchOption.AllDirectories).Length == 1, "no history state was written");
    }

    [TestMethod]
    public void HistoryIsOffByDefaultAndAShallowCloneBuildsWithANote()
    {
        var origin = Consumer.WithProject("history-origin", "<NpmrcBuildCheckHistory>$(ScanHistory)</NpmrcBuildCheckHistory>");
        origin.Write(".gitignore", "bin/\nobj/\n");
        origin.Write("scripts/publish.sh", $"export NPM_TOKEN={FakeTokens.NpmToken(11012)}\n");
        Git(origin, "init", "-q");
        Git(origin, "add", "-A");
        Git(origin, "commit", "-qm", "publish script");
        Git(origin, "rm", "-q", "scripts/publish.sh");
        Git(origin, "commit", "-qm", "remove the script");

        var off = origin.Build();
        Assert.AreEqual(0, off.ExitCode, off.ToString());
        Assert.IsFalse(off.Output.Contains("blobs"), "history is scanned only when asked");

        var clone = Consumer.Create("history-shallow");
        Directory.Delete(clone.Directory, recursive: true);
        Git(origin, "clone", "-q", "--depth", "1", "file://" + origin.Directory, clone.Directory);
        var shallow = clone.Build("-p:ScanHistory=true");
        Assert.AreEqual(0, shallow.ExitCode, shallow.ToString());
        StringAssert.Contains(shallow.Output, "The history is partial: this is a shallow clone", shallow.ToString());
    }

    private static readonly Dictionary<string, string?> GitEnvironment = new()
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_AUTHOR_NAME"] = "test",
        ["GIT_AUTHOR_EMAIL"] = "test@example.invalid",
        ["GIT_COMMITTER_NAME"] = "test",
        ["GIT_COMMITTER_EMAIL"] = "test@example.invalid",
    };

    private static string Git(Consumer consumer, params string[] arguments)
    {
        var result = ProcessRunner.Run("git", consumer.Directory, GitEnvironment, arguments);
        Assert.AreEqual(0, result.ExitCode, $"git {string.Join(" ", arguments)}: {result.Output}");
        return result.StandardOutput;
    }
}
