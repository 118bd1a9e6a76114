using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>
/// The package's ReadyToRun task images (tasks/net10.0-&lt;rid&gt;): present, precompiled, loaded by
/// a build on their runtime and platform, and NpmrcBuildCheckReadyToRun=false (or any other
/// runtime) loads the IL build, which finds the same leak.
/// </summary>
[TestClass]
public sealed class ReadyToRunTests
{
    private static readonly string Token = FakeTokens.NpmToken(1301);

    private static readonly string[] Assemblies = { "NpmrcBuildCheck.Tasks.dll", "NpmrcBuildCheck.Engine.dll", "NpmrcBuildCheck.Detection.dll" };

    /// <summary>The folder a build on this machine's SDK loads, e.g. net10.0-linux-x64.</summary>
    private static readonly string ThisRuntimeFolder = $"net{Environment.Version.Major}.0-{RuntimeInformation.RuntimeIdentifier}";

    [TestMethod]
    [DataRow("linux-x64")]
    [DataRow("win-x64")]
    [DataRow("osx-arm64")]
    public void PackageShipsPrecompiledImagesBesideTheIlBuild(string runtime)
    {
        using var package = ZipFile.OpenRead(Path.Combine(PackageFeed.FeedDirectory, $"NpmrcBuildCheck.{PackageFeed.Version}.nupkg"));
        foreach (string name in Assemblies)
        {
            Assert.IsTrue(IsReadyToRun(package, $"tasks/net10.0-{runtime}/{name}"), $"{runtime}/{name} is precompiled");
            Assert.IsFalse(IsReadyToRun(package, $"tasks/net8.0/{name}"), $"the fallback {name} is IL");
        }

        Assert.IsFalse(package.Entries.Any(e => e.FullName.StartsWith("tasks/", StringComparison.Ordinal) && e.Name.StartsWith("Microsoft.Build", StringComparison.Ordinal)), "MSBuild's own assemblies come from the host");
    }

    [TestMethod]
    public void BuildOnThisRuntimeLoadsItsImageAndFindsTheLeak()
    {
        using (var package = ZipFile.OpenRead(Path.Combine(PackageFeed.FeedDirectory, $"NpmrcBuildCheck.{PackageFeed.Version}.nupkg")))
        {
            if (package.GetEntry($"tasks/{ThisRuntimeFolder}/NpmrcBuildCheck.Tasks.dll") is null)
            {
                Assert.Inconclusive($"no image for {ThisRuntimeFolder}");
            }
        }

        AssertBuildLoadsAndFindsTheLeak(ThisRuntimeFolder);
    }

    /// <summary>
    /// Every build runs the tasks in a fresh process: none of the package's code (nor a generic the runtime
    /// instantiates over its types) is JIT-compiled there, on a cold scan that reports a leak and writes SARIF
    /// as on a warm one.
    /// </summary>
    [TestMethod]
    public void BuildOnThisRuntimeJitCompilesNoneOfThePackagesMethods()
    {
        using (var package = ZipFile.OpenRead(Path.Combine(PackageFeed.FeedDirectory, $"NpmrcBuildCheck.{PackageFeed.Version}.nupkg")))
        {
            if (package.GetEntry($"tasks/{ThisRuntimeFolder}/NpmrcBuildCheck.Tasks.dll") is null)
            {
                Assert.Inconclusive($"no image for {ThisRuntimeFolder}");
            }
        }

        var consumer = Consumer.WithProject("r2r-jit", "<NpmrcBuildCheckSarifLog>obj/npmrc.sarif</NpmrcBuildCheckSarifLog>");
        consumer.Write("ClientApp/.npmrc", $"//registry.npmjs.org/:_authToken={Token}\nstrict-ssl=false\n");
        consumer.Write("ClientApp/package.json", "{ \"name\": \"app\" }\n");
        Assert.AreEqual(1, consumer.Build().ExitCode, "restore and the first scan");
        foreach (string scan in new[] { "cold", "warm" })
        {
            if (scan == "cold")
            {
                System.IO.Directory.Delete(consumer.PathOf("obj/NpmrcBuildCheck"), recursive: true);
            }

            string jitLog = consumer.PathOf($"jit-{scan}.txt");
            var build = consumer.Run("build", new Dictionary<string, string> { ["DOTNET_JitStdOutFile"] = jitLog, ["DOTNET_JitDisasmSummary"] = "1" }, "--no-restore");

            CollectionAssert.AreEqual(new[] { "NPMRC001" }, build.Ours.Where(d => d.Severity == "error").Select(d => d.Code).Distinct().ToArray(), build.ToString());
            Assert.IsTrue(File.Exists(jitLog), "the runtime wrote its JIT log");
            var ours = File.ReadAllLines(jitLog).Where(line => line.Contains("NpmrcBuildCheck.", StringComparison.Ordinal)).ToList();
            Assert.AreEqual(0, ours.Count, $"{scan} scan JIT-compiled:\n" + string.Join("\n", ours));
        }
    }

    [TestMethod]
    public void ReadyToRunFalseLoadsTheIlBuildAndFindsTheLeak()
    {
        AssertBuildLoadsAndFindsTheLeak("net8.0", "-p:NpmrcBuildCheckReadyToRun=false");
    }

    private static void AssertBuildLoadsAndFindsTheLeak(string expectedFolder, params string[] arguments)
    {
        var consumer = Consumer.WithProject("r2r");
        consumer.Write("ClientApp/.npmrc", $"//registry.npmjs.org/:_authToken={Token}\n");

        // Detailed verbosity logs which assembly each task came from.
        var build = consumer.Build(arguments.Append("-v:d").ToArray());

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        // Detailed verbosity repeats a task's errors: one distinct error, the leak.
        CollectionAssert.AreEqual(new[] { "NPMRC001" }, build.Ours.Where(d => d.Severity == "error").Select(d => d.Code).Distinct().ToArray(), build.ToString());
        string expected = Path.Combine("tasks", expectedFolder, "NpmrcBuildCheck.Tasks.dll");
        var loaded = build.Output.Split('\n').Where(l => l.Contains("task from assembly", StringComparison.Ordinal) && l.Contains("Npmrc", StringComparison.Ordinal)).ToList();
        Assert.IsTrue(loaded.Count > 0, build.ToString());
        foreach (string line in loaded)
        {
            StringAssert.Contains(line, expected);
        }

        Assert.IsFalse(build.Output.Contains(Token), "the secret is printed");
    }

    private static bool IsReadyToRun(ZipArchive package, string entryName)
    {
        var entry = package.GetEntry(entryName);
        Assert.IsNotNull(entry, entryName + " is in the package");
        using var stream = new MemoryStream();
        using (var input = entry.Open())
        {
            input.CopyTo(stream);
        }

        stream.Position = 0;
        using var reader = new PEReader(stream);
        return reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }
}
