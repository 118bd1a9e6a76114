using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Package.Tests;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Tool.Tests;

/// <summary>
/// The README's pre-commit recipes, run for real: the tool in the repository's local tool
/// manifest, a hook from Husky.Net or the pre-commit framework, and `git commit` blocked on a
/// staged token, then allowed once the token is replaced by an environment reference.
/// </summary>
[TestClass]
public sealed class HookTests
{
    [TestMethod]
    public void AHuskyNetHookBlocksACommitWithAStagedToken()
    {
        var repository = RepositoryWithTool("husky");
        repository.RunDotNet("tool", "install", "Husky", "--version", "0.9.1");
        repository.RunDotNet("husky", "install");
        repository.RunDotNet("husky", "add", "pre-commit", "-c", "dotnet npmrc-buildcheck staged");

        AssertCommitBlockedThenAllowed(repository);
    }

    [TestMethod]
    public void APreCommitFrameworkHookBlocksACommitWithAStagedToken()
    {
        if (ProcessRunner.Run("sh", PackageFeed.WorkDirectory, null, new[] { "-c", "command -v pre-commit" }).ExitCode != 0)
        {
            Assert.Inconclusive("The pre-commit framework is not installed (apt-get install pre-commit; .ci/run installs it).");
        }

        var repository = RepositoryWithTool("pre-commit");
        repository.Write(".pre-commit-config.yaml", """
            repos:
              - repo: local
                hooks:
                  - id: npmrc-buildcheck
                    name: npm credentials in staged files
                    entry: dotnet npmrc-buildcheck staged
                    language: system
                    pass_filenames: false
                    always_run: true
            """);
        var install = ProcessRunner.Run("pre-commit", repository.Directory, repository.Environment, new[] { "install" });
        Assert.AreEqual(0, install.ExitCode, install.Output);

        AssertCommitBlockedThenAllowed(repository);
    }

    /// <summary>A repository whose local tool manifest holds the tool from the run's feed.</summary>
    private static GitRepository RepositoryWithTool(string name)
    {
        var repository = GitRepository.Create(name);
        repository.RunDotNet("new", "tool-manifest");
        repository.RunDotNet("tool", "install", "NpmrcBuildCheck.Tool", "--version", InstalledTool.Version, "--add-source", InstalledTool.Feed);
        repository.Git("add", "-A");
        repository.Git("commit", "-q", "--no-verify", "-m", "tools");
        return repository;
    }

    private static void AssertCommitBlockedThenAllowed(GitRepository repository)
    {
        string token = FakeTokens.NpmToken(1301);
        repository.Write("ClientApp/.npmrc", $"//npm.acme.example/:_authToken={token}\n");
        repository.Git("add", "-A");
        int before = repository.CommitCount();

        var blocked = repository.TryGit("commit", "-m", "leak");

        Assert.AreNotEqual(0, blocked.ExitCode, "the commit went through:\n" + blocked.Output);
        Assert.AreEqual(before, repository.CommitCount(), "a commit was made");
        StringAssert.Contains(blocked.Output, "error NPMRC001");
        Assert.IsFalse(blocked.Output.Contains(token), "the hook printed the token");

        repository.Write("ClientApp/.npmrc", "//npm.acme.example/:_authToken=${NPM_TOKEN}\n");
        repository.Git("add", "-A");
        var allowed = repository.TryGit("commit", "-m", "read the token from the environment");

        Assert.AreEqual(0, allowed.ExitCode, allowed.Output);
        Assert.AreEqual(before + 1, repository.CommitCount());
        Assert.IsFalse(File.ReadAllText(repository.PathOf("ClientApp/.npmrc")).Contains(token));
    }
}
