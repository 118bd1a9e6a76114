using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Tasks.Tests;

/// <summary>ScanNpmrcHistory driven directly: history paths become scan-root paths, like the tree's.</summary>
[TestClass]
public sealed class HistoryTaskTests
{
    [TestMethod]
    public void AProjectInASubfolderGetsItsHistoryFindingsRelativeToItsRoot()
    {
        string repository = Path.Combine(Path.GetTempPath(), "npmrc-history-task-" + System.Guid.NewGuid().ToString("N").Substring(0, 8));
        string project = Path.Combine(repository, "src", "Web");
        Directory.CreateDirectory(Path.Combine(project, "ClientApp"));
        string token = FakeTokens.NpmToken(4343);
        File.WriteAllText(Path.Combine(project, "ClientApp", ".npmrc"), $"//registry.npmjs.org/:_authToken={token}\n");
        File.WriteAllText(Path.Combine(repository, "deploy.sh"), $"export NPM_TOKEN={FakeTokens.NpmToken(4344)}\n");
        Git(repository, "init", "-q");
        Git(repository, "add", "-A");
        Git(repository, "commit", "-qm", "leaks");
        Git(repository, "rm", "-q", "-r", "src/Web/ClientApp/.npmrc", "deploy.sh");
        Git(repository, "commit", "-qm", "removed");

        var engine = new RecordingBuildEngine();
        var task = new ScanNpmrcHistory { BuildEngine = engine, Root = project };
        Assert.IsTrue(task.Execute());

        var paths = task.Findings.Select(f => (f.GetMetadata("Code"), f.GetMetadata("RelativePath"), f.ItemSpec)).OrderBy(p => p.Item2).ToList();
        CollectionAssert.AreEqual(
            new[]
            {
                ("NPMRC011", "../../deploy.sh", Path.Combine(project, "..", "..", "deploy.sh")),
                ("NPMRC011", "ClientApp/.npmrc", Path.Combine(project, "ClientApp", ".npmrc")),
            },
            paths,
            string.Join(", ", paths));
        Assert.IsFalse(engine.AllText().Any(text => text.Contains(token)));
        Directory.Delete(repository, recursive: true);
    }

    private static void Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_AUTHOR_NAME"] = "test",
            ["GIT_AUTHOR_EMAIL"] = "test@example.invalid",
            ["GIT_COMMITTER_NAME"] = "test",
            ["GIT_COMMITTER_EMAIL"] = "test@example.invalid",
        })
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, error);
    }
}
