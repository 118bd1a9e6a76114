using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Package.Tests;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Tool.Tests;

/// <summary><c>npmrc-buildcheck scan</c> on folders, projects and solutions, in every output format.</summary>
[TestClass]
public sealed class ScanTests
{
    private static readonly string Sample = Path.Combine(PackageFeed.RepositoryRoot, "samples", "LeakyClientApp");

    // The sample's (fake) token, read from its .npmrc: it must never be printed.
    private static readonly string SampleToken =
        Regex.Match(File.ReadAllText(Path.Combine(Sample, "ClientApp", ".npmrc")), @"_authToken=(\w+)").Groups[1].Value;

    [TestMethod]
    [DataRow(".")]
    [DataRow("LeakyClientApp.csproj")]
    public void TheBundledSampleExitsOneWithTheNpmrc001Line(string path)
    {
        var result = InstalledTool.Run(Sample, "scan", path);

        Assert.AreEqual(1, result.ExitCode, result.Output);
        string npmrc = Path.Combine(Sample, "ClientApp", ".npmrc");
        StringAssert.Contains(result.StandardOutput, $"{npmrc}(4,32): error NPMRC001: Hard-coded token in '//npm.acme.example/:_authToken'");
        Assert.IsTrue(SampleToken.Length > 8, "the sample's token was found");
        Assert.IsFalse(result.Output.Contains(SampleToken), "the token was printed");
        StringAssert.Contains(result.StandardError, "1 error");
    }

    [TestMethod]
    public void ATwoProjectSolutionGivesTheFindingsOfDotnetBuild()
    {
        // A shared root (every project scans the whole repository), so ownership matters: the
        // root .npmrc belongs to both projects, each with its own NoWarn, rule items and
        // warnings-as-errors; A/ClientApp belongs to A alone.
        var consumer = Consumer.Create("solution");
        consumer.Write("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <NpmrcBuildCheckRoot>$(MSBuildThisFileDirectory)</NpmrcBuildCheckRoot>
              </PropertyGroup>
            </Project>
            """);
        consumer.AddProject("A/A.csproj", "<NoWarn>$(NoWarn);NPMRC005</NoWarn>");
        consumer.AddProject("B/B.csproj", "<WarningsAsErrors>$(WarningsAsErrors);NPMRC006</WarningsAsErrors>", "<NpmrcBuildCheckRule Include=\"NPMRC005\" Severity=\"error\" />");
        consumer.Write(".npmrc", "registry=http://npm.acme.example/\nstrict-ssl=false\n");
        consumer.Write("A/ClientApp/.npmrc", $"//npm.acme.example/:_authToken={FakeTokens.NpmToken(1101)}\n");
        consumer.Write("B/ClientApp/.npmrc", "//npm.acme.example/:_authToken=${NPM_TOKEN}\nstrict-ssl=false\n");
        Assert.AreEqual(0, DotNet.Run(consumer.Directory, "new", "sln", "-n", "Two", "--format", "sln").ExitCode);
        Assert.AreEqual(0, DotNet.Run(consumer.Directory, "sln", "Two.sln", "add", "A/A.csproj", "B/B.csproj").ExitCode);

        var build = consumer.Build("Two.sln");
        var tool = InstalledTool.Run(consumer.Directory, "scan", "Two.sln");

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        Assert.AreEqual(1, tool.ExitCode, tool.Output);
        var expected = build.Ours.Select(d => d with { Project = string.Empty }).Distinct().OrderBy(d => d.ToString()).ToList();
        var actual = Diagnostic.Parse(tool.StandardOutput).OrderBy(d => d.ToString()).ToList();
        CollectionAssert.AreEqual(expected, actual, $"build:\n{string.Join("\n", expected)}\ntool:\n{string.Join("\n", actual)}");
        // The settings really differ per project: the same root line is an error for B and hidden for A.
        Assert.IsTrue(actual.Any(d => d.Code == "NPMRC001" && d.Severity == "error" && d.File.EndsWith("A/ClientApp/.npmrc")), tool.Output);
        Assert.IsTrue(actual.Any(d => d.Code == "NPMRC005" && d.Severity == "error" && d.File == consumer.PathOf(".npmrc")), tool.Output);
        Assert.AreEqual(1, actual.Count(d => d.Code == "NPMRC005"), tool.Output);
        Assert.IsTrue(actual.Any(d => d.Code == "NPMRC006" && d.Severity == "warning" && d.File == consumer.PathOf(".npmrc")), tool.Output);
    }

    [TestMethod]
    public void SarifOutputIsValidSarif210WithoutTheSecret()
    {
        string log = Path.Combine(PackageFeed.WorkDirectory, "sample.sarif");

        var result = InstalledTool.Run(Sample, "scan", ".", "--format", "sarif", "--output", log);

        Assert.AreEqual(1, result.ExitCode, result.Output);
        Assert.AreEqual(string.Empty, result.StandardOutput, "with --output, stdout stays empty");
        string sarif = File.ReadAllText(log);
        Assert.IsFalse(sarif.Contains(SampleToken), "the SARIF log holds the secret");
        using var document = JsonDocument.Parse(sarif);
        Assert.AreEqual(string.Empty, SarifSchema.Problems(document.RootElement));
        var run = document.RootElement.GetProperty("runs")[0];
        Assert.AreEqual(InstalledTool.Version, run.GetProperty("tool").GetProperty("driver").GetProperty("version").GetString());
        var leak = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "NPMRC001");
        Assert.AreEqual("error", leak.GetProperty("level").GetString());
        var location = leak.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.AreEqual("ClientApp/.npmrc", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.AreEqual(4, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [TestMethod]
    public void JsonOutputListsTheFindingsWithoutTheSecret()
    {
        var result = InstalledTool.Run(Sample, "scan", "--format", "json");

        Assert.AreEqual(1, result.ExitCode, result.Output);
        Assert.IsFalse(result.Output.Contains(SampleToken), "the JSON holds the secret");
        using var document = JsonDocument.Parse(result.StandardOutput);
        var findings = document.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var leak = findings.Single(f => f.GetProperty("code").GetString() == "NPMRC001");
        Assert.AreEqual("error", leak.GetProperty("level").GetString());
        Assert.AreEqual("ClientApp/.npmrc", leak.GetProperty("path").GetString());
        Assert.AreEqual(4, leak.GetProperty("line").GetInt32());
        Assert.AreEqual(1, document.RootElement.GetProperty("summary").GetProperty("errors").GetInt32());
    }

    [TestMethod]
    public void FolderSettingsComeFromTheCommandLine()
    {
        var consumer = Consumer.Create("folder-settings");
        consumer.Write("web/.npmrc", "registry=http://npm.acme.example/\n");
        consumer.Write("vendor/.npmrc", $"//npm.acme.example/:_authToken={FakeTokens.NpmToken(1102)}\n");

        var plain = InstalledTool.Run(consumer.Directory, "scan");
        var configured = InstalledTool.Run(consumer.Directory, "scan", "--exclude", "vendor/**", "--warnaserror", "NPMRC005");

        Assert.AreEqual(1, plain.ExitCode, plain.Output);
        StringAssert.Contains(plain.StandardOutput, "error NPMRC001");
        Assert.AreEqual(1, configured.ExitCode, configured.Output);
        Assert.IsFalse(configured.StandardOutput.Contains("NPMRC001"), configured.Output);
        StringAssert.Contains(configured.StandardOutput, "error NPMRC005");
        var quiet = InstalledTool.Run(consumer.Directory, "scan", "--exclude", "vendor/**", "--nowarn", "NPMRC005");
        Assert.AreEqual(0, quiet.ExitCode, quiet.Output);
        Assert.AreEqual(string.Empty, quiet.StandardOutput);
    }
}
