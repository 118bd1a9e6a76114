using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Package.Tests;

namespace NpmrcBuildCheck.Tool.Tests;

/// <summary>A throw-away git repository in the run's folder, with a fixed identity and no user or system git config.</summary>
internal sealed class GitRepository
{
    private GitRepository(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>What git and the hooks it starts run with: the run's packages folder (local tools), an isolated git config and pre-commit cache.</summary>
    public Dictionary<string, string?> Environment { get; } = DotNet.Environment(
        new Dictionary<string, string>
        {
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_AUTHOR_NAME"] = "Test",
            ["GIT_AUTHOR_EMAIL"] = "test@example.invalid",
            ["GIT_COMMITTER_NAME"] = "Test",
            ["GIT_COMMITTER_EMAIL"] = "test@example.invalid",
            ["PRE_COMMIT_HOME"] = Path.Combine(PackageFeed.WorkDirectory, "pre-commit-home"),
        },
        isolatedPackages: true);

    public static GitRepository Create(string name)
    {
        string directory = Path.Combine(PackageFeed.WorkDirectory, "repositories", name + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        System.IO.Directory.CreateDirectory(directory);
        var repository = new GitRepository(directory);
        repository.Git("init", "-q", "-b", "main", ".");
        return repository;
    }

    public string Write(string relativePath, string content)
    {
        string path = PathOf(relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Runs git and asserts it succeeded.</summary>
    public string Git(params string[] arguments)
    {
        var result = TryGit(arguments);
        Assert.AreEqual(0, result.ExitCode, $"git {string.Join(' ', arguments)}\n{result.Output}");
        return result.StandardOutput;
    }

    public ProcessRunner.Result TryGit(params string[] arguments) => ProcessRunner.Run("git", Directory, Environment, arguments);

    /// <summary>Runs a dotnet command in the repository with git's environment and asserts it succeeded.</summary>
    public void RunDotNet(params string[] arguments)
    {
        var result = ProcessRunner.Run("dotnet", Directory, Environment, arguments);
        Assert.AreEqual(0, result.ExitCode, $"dotnet {string.Join(' ', arguments)}\n{result.Output}");
    }

    public int CommitCount() => TryGit("rev-list", "--count", "HEAD") is { ExitCode: 0 } count ? int.Parse(count.StandardOutput.Trim()) : 0;
}
