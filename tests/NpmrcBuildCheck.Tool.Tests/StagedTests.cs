using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Tool.Tests;

/// <summary><c>npmrc-buildcheck staged</c> reads what the next commit holds: the index, not the work tree.</summary>
[TestClass]
public sealed class StagedTests
{
    [TestMethod]
    public void ATokenStagedThenDeletedFromTheWorkTreeIsStillCaught()
    {
        string token = FakeTokens.NpmToken(1201);
        var repository = GitRepository.Create("staged-deleted");
        repository.Write("ClientApp/.npmrc", $"//npm.acme.example/:_authToken={token}\n");
        repository.Git("add", "-A");
        System.IO.File.Delete(repository.PathOf("ClientApp/.npmrc"));

        var result = InstalledTool.Run(repository.Directory, "staged");

        Assert.AreEqual(1, result.ExitCode, result.Output);
        StringAssert.Contains(result.StandardOutput, $"{repository.PathOf("ClientApp/.npmrc")}(1,32): error NPMRC001: ");
        Assert.IsFalse(result.Output.Contains(token), "the token was printed");
    }

    [TestMethod]
    public void AnUnstagedTokenIsNotReported()
    {
        var repository = GitRepository.Create("staged-unstaged");
        repository.Write("ClientApp/.npmrc", "//npm.acme.example/:_authToken=${NPM_TOKEN}\n");
        repository.Git("add", "-A");
        repository.Write("ClientApp/.npmrc", $"//npm.acme.example/:_authToken={FakeTokens.NpmToken(1202)}\n");

        var staged = InstalledTool.Run(repository.Directory, "staged");
        var workTree = InstalledTool.Run(repository.Directory, "scan");

        Assert.AreEqual(0, staged.ExitCode, staged.Output);
        Assert.AreEqual(string.Empty, staged.StandardOutput);
        Assert.AreEqual(1, workTree.ExitCode, "the work tree does hold the token: " + workTree.Output);
    }

    [TestMethod]
    public void StagedContentIsFoundFromASubfolderAndInNestedFolders()
    {
        var repository = GitRepository.Create("staged-subfolder");
        repository.Write("src/Web/ClientApp/.yarnrc.yml", $"npmAuthToken: \"{FakeTokens.NpmToken(1203)}\"\n");
        repository.Write("src/Web/node_modules/pkg/.npmrc", $"//npm.acme.example/:_authToken={FakeTokens.NpmToken(1204)}\n");
        repository.Git("add", "-A", "-f");
        repository.Git("commit", "-q", "-m", "history");

        var result = InstalledTool.Run(repository.PathOf("src"), "staged", "--format", "json");

        Assert.AreEqual(1, result.ExitCode, result.Output);
        StringAssert.Contains(result.StandardOutput, "\"path\": \"src/Web/ClientApp/.yarnrc.yml\"");
        Assert.IsFalse(result.StandardOutput.Contains("node_modules"), "node_modules is pruned as in the build: " + result.Output);
    }
}
