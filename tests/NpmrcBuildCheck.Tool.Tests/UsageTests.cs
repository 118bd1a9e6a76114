using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Package.Tests;

namespace NpmrcBuildCheck.Tool.Tests;

/// <summary>Help, version and bad usage: exit code 2 with a clear message on stderr, never a stack trace.</summary>
[TestClass]
public sealed class UsageTests
{
    [TestMethod]
    public void VersionIsThePackageVersion()
    {
        var result = InstalledTool.Run(PackageFeed.WorkDirectory, "--version");
        Assert.AreEqual(0, result.ExitCode, result.Output);
        Assert.AreEqual(InstalledTool.Version, result.StandardOutput.Trim());
    }

    [TestMethod]
    [DataRow("--help", "scan|staged|Exit codes")]
    [DataRow("scan --help", "--format|--output|--exclude|solution")]
    [DataRow("staged --help", "--format|--output|index")]
    public void EveryCommandHasHelp(string arguments, string expected)
    {
        var result = InstalledTool.Run(PackageFeed.WorkDirectory, arguments.Split(' '));
        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.StandardOutput, "npmrc-buildcheck");
        foreach (var text in expected.Split('|'))
        {
            StringAssert.Contains(result.StandardOutput, text);
        }
    }

    [TestMethod]
    [DataRow("scan --format xml", "'xml'")]
    [DataRow("scan --frobnicate", "--frobnicate")]
    [DataRow("frobnicate", "'frobnicate'")]
    [DataRow("", "command")]
    [DataRow("scan does-not-exist", "does not exist")]
    [DataRow("scan notes.txt", "neither a folder, a project file nor a solution")]
    [DataRow("staged", "not inside a git work tree")]
    [DataRow("scan --baseline missing.json", "does not exist")]
    public void BadUsageExitsTwoWithAClearMessage(string arguments, string message)
    {
        string directory = Path.Combine(PackageFeed.WorkDirectory, "usage");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "notes.txt"), "nothing\n");

        var result = InstalledTool.Run(directory, arguments.Length == 0 ? System.Array.Empty<string>() : arguments.Split(' '));

        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.StandardError, message);
        StringAssert.StartsWith(result.StandardError, "npmrc-buildcheck: ");
        Assert.IsFalse(result.Output.Contains("   at "), "a stack trace was printed:\n" + result.Output);
    }

    [TestMethod]
    public void AProjectWithAnUnknownRuleIsASettingsError()
    {
        var consumer = Consumer.WithProject("bad-rule", extraItems: "<NpmrcBuildCheckRule Include=\"NPMRC999\" Severity=\"error\" />");

        var result = InstalledTool.Run(consumer.Directory, "scan", "App.csproj");

        Assert.AreEqual(2, result.ExitCode, result.Output);
        StringAssert.Contains(result.StandardError, "NpmrcBuildCheckRule 'NPMRC999' names no NpmrcBuildCheck rule");
    }
}
