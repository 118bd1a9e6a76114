using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>
/// Visual Studio's MSBuild runs on .NET Framework and loads the package's netstandard2.0 tasks.
/// Here a net472 host (tests/NpmrcBuildCheck.FrameworkHost) loads them from the packed nupkg,
/// with their bundled dependencies, under Mono, and runs a scan through MSBuild's task
/// interfaces: the netstandard2.0 build of the walker, cache, detection and reporting.
/// </summary>
[TestClass]
public sealed class FrameworkTaskHostTests
{
    [TestMethod]
    public void PackagedNetStandardTasksScanAWindowsLikeTreeUnderAFrameworkRuntime()
    {
        string mono = FindOnPath("mono") ?? throw new AssertInconclusiveException("mono is not installed (.ci/run installs mono-devel)");
        string work = Path.Combine(PackageFeed.WorkDirectory, "framework-host-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        string tasks = Path.Combine(work, "tasks");
        using (var package = ZipFile.OpenRead(Path.Combine(PackageFeed.FeedDirectory, $"NpmrcBuildCheck.{PackageFeed.Version}.nupkg")))
        {
            Directory.CreateDirectory(tasks);
            foreach (var entry in package.Entries.Where(e => e.FullName.StartsWith("tasks/netstandard2.0/", StringComparison.Ordinal)))
            {
                entry.ExtractToFile(Path.Combine(tasks, entry.Name));
            }
        }

        string tree = Path.Combine(work, "tree");
        string npmToken = FakeTokens.NpmToken(9101);
        string scriptToken = FakeTokens.NpmToken(9104);
        Write(tree, "ClientApp/.npmrc", $"registry=http://npm.acme.example/\r\n//registry.npmjs.org/:_authToken={npmToken}\r\n");
        Write(tree, "scripts/publish.cmd", $"@echo off\r\nset NPM_TOKEN={scriptToken}\r\nnpm publish\r\n");
        // A case-sensitive file system: npm on Linux never reads Node_Modules as node_modules, so it is scanned.
        Write(tree, "Node_Modules/dep/.npmrc", $"//registry.npmjs.org/:_authToken={FakeTokens.NpmToken(9102)}\r\n");
        Write(tree, "node_modules/dep/.npmrc", $"//registry.npmjs.org/:_authToken={FakeTokens.NpmToken(9103)}\r\n");

        var cold = RunHost(mono, tasks, tree);
        var warm = RunHost(mono, tasks, tree);

        foreach (var run in new[] { cold, warm })
        {
            Assert.AreEqual(0, run.ExitCode, run.Output);
            StringAssert.Contains(run.Output, "runtime: Mono", run.Output);
            var found = Diagnostic.Parse(run.Output).Select(d => $"{d.Severity} {d.Code} {Path.GetRelativePath(tree, d.File).Replace('\\', '/')}({d.Line},{d.Column})").OrderBy(s => s, StringComparer.Ordinal).ToArray();
            CollectionAssert.AreEqual(
                new[]
                {
                    "error NPMRC001 ClientApp/.npmrc(2,34)",
                    "error NPMRC001 Node_Modules/dep/.npmrc(1,34)",
                    "error NPMRC003 scripts/publish.cmd(2,15)",
                    "warning NPMRC005 ClientApp/.npmrc(1,10)",
                },
                found,
                run.Output);
            Assert.IsFalse(run.Output.Contains(npmToken) || run.Output.Contains(scriptToken), "a secret is printed");
        }

        StringAssert.Contains(warm.Output, "(0 bytes read)", "the second scan is served by the cache the first wrote:\n" + warm.Output);
    }

    private static DotNet.Result RunHost(string mono, string tasks, string tree)
    {
        string host = Path.Combine(PackageFeed.RepositoryRoot, "tests", "NpmrcBuildCheck.FrameworkHost", "bin", Configuration, "net472", "NpmrcBuildCheck.FrameworkHost.exe");
        Assert.IsTrue(File.Exists(host), "the host is built with this project: " + host);
        return DotNet.Run(mono, PackageFeed.WorkDirectory, environment: null, isolatedPackages: false, host, tasks, tree);
    }

    // bin/<Configuration>/net10.0/ of this test assembly: the host is built in the same configuration.
    private static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    private static void Write(string root, string relativePath, string content)
    {
        string path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
