using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>
/// The build shapes real repositories use: graph and isolated builds, multi-targeting, project
/// references, read-only output folders, dotnet watch. The check must watch them, never break them.
/// </summary>
[TestClass]
public sealed class BuildShapeTests
{
    /// <summary>
    /// A shared-root solution: App (net10.0, a C# literal leak and a .npmrc leak) references Lib
    /// (two target frameworks, a .npmrc leak).
    /// </summary>
    private static Consumer SharedRootSolution(string name)
    {
        var consumer = Consumer.Create(name);
        consumer.Write("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <NpmrcBuildCheckRoot>$(MSBuildThisFileDirectory)</NpmrcBuildCheckRoot>
              </PropertyGroup>
            </Project>
            """);
        consumer.AddProject("src/Lib/Lib.csproj", targetFrameworks: "net10.0;netstandard2.0");
        consumer.AddProject("src/App/App.csproj", extraItems: """<ProjectReference Include="../Lib/Lib.csproj" />""");
        consumer.UseMachinePackagesAsFeed();
        consumer.Write("src/Lib/.npmrc", $"//registry.npmjs.org/:_authToken={FakeTokens.NpmToken(9001)}\n");
        consumer.Write("src/App/ClientApp/.npmrc", $"//registry.npmjs.org/:_authToken={FakeTokens.NpmToken(9002)}\n");
        consumer.Write("src/App/Publishing.cs", $$"""
            namespace App;

            public static class Publishing
            {
                public const string Token = "{{FakeTokens.NpmToken(9003)}}";
            }
            """);
        Assert.AreEqual(0, DotNet.Run(consumer.Directory, "new", "sln", "-n", "All").ExitCode);
        Assert.AreEqual(0, DotNet.Run(consumer.Directory, "sln", "add", "src/App/App.csproj", "src/Lib/Lib.csproj").ExitCode);
        return consumer;
    }

    private static string[] Findings(BuildOutput build) =>
        build.Ours.Select(d => $"{d.Code} {d.File}({d.Line},{d.Column})").OrderBy(s => s, StringComparer.Ordinal).ToArray();

    [TestMethod]
    public void OneBuildShowsEveryLeakOfTheSolutionOnce_PlainGraphAndIsolated()
    {
        var consumer = SharedRootSolution("shapes");

        var plain = consumer.Build();
        var graph = consumer.Build("-graph");
        Assert.AreEqual(0, consumer.Run("restore").ExitCode);
        var isolated = consumer.Build("--no-restore", "-graph", "-isolate");

        Assert.AreEqual(1, plain.ExitCode, plain.ToString());
        CollectionAssert.AreEqual(
            new[] { "NPMRC001 " + consumer.PathOf("src/App/ClientApp/.npmrc"), "NPMRC001 " + consumer.PathOf("src/Lib/.npmrc"), "NPMRC003 " + consumer.PathOf("src/App/Publishing.cs") },
            plain.Ours.Select(d => d.Code + " " + d.File).OrderBy(s => s, StringComparer.Ordinal).ToArray(),
            "both projects' leaks and the C# literal, each once (not once per target framework):\n" + plain);
        // Lib's leak did not stop its compilation, so App (which needs Lib's output) was checked and compiled too.
        StringAssert.Contains(plain.Output, "Lib -> ", plain.ToString());
        foreach (var other in new[] { graph, isolated })
        {
            Assert.AreEqual(1, other.ExitCode, other.ToString());
            Assert.IsFalse(Regex.IsMatch(other.Output, @"\bMSB4252\b|\bMSB4254\b"), other.ToString());
            CollectionAssert.AreEqual(Findings(plain), Findings(other), other.ToString());
        }
    }

    [TestMethod]
    public void MultiTargetingProjectReportsEachFindingOnce_AlsoForOneFrameworkAndInGraphBuilds()
    {
        var consumer = Consumer.Create("multitarget-once");
        consumer.AddProject("Lib.csproj", targetFrameworks: "net10.0;netstandard2.0");
        consumer.UseMachinePackagesAsFeed();
        consumer.Write("ClientApp/.npmrc", "registry=http://npm.acme.example/\n");

        var plain = consumer.Build();
        var second = consumer.Build("-f", "netstandard2.0");
        Assert.AreEqual(0, consumer.Run("restore").ExitCode);
        var isolated = consumer.Build("--no-restore", "-graph", "-isolate");

        foreach (var build in new[] { plain, second, isolated })
        {
            Assert.AreEqual(0, build.ExitCode, build.ToString());
            var finding = build.Ours.Single();
            Assert.AreEqual(("NPMRC005", consumer.PathOf("ClientApp/.npmrc"), 1), (finding.Code, finding.File, finding.Line), build.ToString());
        }
    }

    [TestMethod]
    public void NoOpBuildWithAReadOnlyObjFolderSucceedsAndStillReports()
    {
        var consumer = Consumer.WithProject("readonly-obj");
        consumer.Write("ClientApp/.npmrc", "registry=http://npm.acme.example/\n");
        Assert.AreEqual(0, consumer.Build().ExitCode);

        BuildOutput noOp;
        using (ReadOnlyFolder.Make(consumer.PathOf("obj")))
        {
            noOp = consumer.Build("--no-restore");
        }

        Assert.AreEqual(0, noOp.ExitCode, noOp.ToString());
        Assert.IsFalse(noOp.Output.Contains("MSB3374"), noOp.ToString());
        Assert.AreEqual("NPMRC005", noOp.Ours.Single().Code, noOp.ToString());
    }

    [TestMethod]
    public void UnwritableCacheFolderSaysOnceThatCachingIsOffAndHidesNothing()
    {
        var consumer = Consumer.WithProject("unwritable-cache", "<NpmrcBuildCheckCacheDirectory>$(MSBuildProjectDirectory)/blocker/cache</NpmrcBuildCheckCacheDirectory>");
        consumer.Write("blocker", "a file where the cache folder should be");
        consumer.Write("ClientApp/.npmrc", "registry=http://npm.acme.example/\n");

        var build = consumer.Build("-v:d");

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        // Detailed output repeats diagnostics in other contexts: one distinct finding.
        Assert.AreEqual("NPMRC005", build.Ours.Select(d => (d.Code, d.File, d.Line)).Distinct().Single().Code, build.ToString());
        Assert.AreEqual(1, Regex.Matches(build.Output, "caching is off").Count, build.ToString());
        Assert.AreEqual(0, consumer.Build().Output.Split('\n').Count(line => line.Contains("caching is off")), "at low importance only");
    }

    [TestMethod]
    [DataRow("does-not-exist", "does not exist")]
    [DataRow("App.csproj", "is a file")]
    public void UnusableRootIsAWarningNamingThePropertyAndItsValue(string root, string problem)
    {
        var consumer = Consumer.WithProject("bad-root", $"<NpmrcBuildCheckRoot>{root}</NpmrcBuildCheckRoot>");

        var build = consumer.Build();

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        var warning = build.Ours.Single();
        Assert.AreEqual(("warning", "NPMRC900"), (warning.Severity, warning.Code), build.ToString());
        StringAssert.Contains(warning.Message, $"NpmrcBuildCheckRoot is '{root}'");
        StringAssert.Contains(warning.Message, problem);
    }

    [TestMethod]
    public void EnabledFalseTurnsTheAnalyzerOffToo()
    {
        var consumer = Consumer.WithProject("disabled-analyzer", "<NpmrcBuildCheckEnabled>false</NpmrcBuildCheckEnabled>");
        consumer.Write("Publishing.cs", $$"""
            namespace App;

            public static class Publishing
            {
                public const string Token = "{{FakeTokens.NpmToken(9004)}}";
            }
            """);

        var build = consumer.Build();

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.AreEqual(0, build.Ours.Count, build.ToString());
    }

    [TestMethod]
    public void SameSizeEditWithRestoredModificationTimeIsSeen()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Inconclusive("ctime and inode come from the Linux listing; elsewhere size and modification time decide.");
        }

        var consumer = Consumer.WithProject("touch-r");
        string npmrc = consumer.Write("ClientApp/.npmrc", "registry=https://registry.npmjs.org/\n");
        var modified = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(npmrc, modified);
        Assert.AreEqual(0, consumer.Build().Ours.Count);

        // What `touch -r` does after an edit: the same size, the old modification time.
        File.WriteAllText(npmrc, "registry=http://registry.npmjs.org//\n");
        File.SetLastWriteTimeUtc(npmrc, modified);
        var build = consumer.Build("--no-restore");

        Assert.AreEqual("NPMRC005", build.Ours.Single().Code, build.ToString());
    }

    [TestMethod]
    public void DotnetWatchWatchesFrontendConfigFiles()
    {
        var consumer = Consumer.WithProject("watch");
        consumer.Write("ClientApp/.npmrc", "registry=https://registry.npmjs.org/\n");
        consumer.Write("ClientApp/.yarnrc.yml", "npmRegistryServer: https://registry.npmjs.org\n");
        consumer.Write("ClientApp/node_modules/dep/.npmrc", "registry=https://registry.npmjs.org/\n");
        Assert.AreEqual(0, consumer.Run("restore").ExitCode);

        var watched = DotNet.Run(consumer.Directory, "msbuild", "App.csproj", "-getItem:Watch", "-p:DotNetWatchBuild=true");
        var ordinary = DotNet.Run(consumer.Directory, "msbuild", "App.csproj", "-getItem:Watch");

        Assert.AreEqual(0, watched.ExitCode, watched.Output);
        StringAssert.Contains(watched.Output, Json(consumer.PathOf("ClientApp/.npmrc")), watched.Output);
        StringAssert.Contains(watched.Output, Json(consumer.PathOf("ClientApp/.yarnrc.yml")), watched.Output);
        Assert.IsFalse(watched.Output.Contains("node_modules"), watched.Output);
        Assert.IsFalse(ordinary.Output.Contains(".npmrc"), "ordinary builds do not pay for the glob:\n" + ordinary.Output);
    }

    private static string Json(string path) => path.Replace("\\", "\\\\");
}
