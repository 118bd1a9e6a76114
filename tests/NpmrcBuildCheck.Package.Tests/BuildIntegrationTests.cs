using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.TestSupport;

[assembly: DoNotParallelize]

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>The package as a user meets it: add the reference, build, read the diagnostics.</summary>
[TestClass]
public sealed class BuildIntegrationTests
{
    private static readonly string Token = FakeTokens.NpmToken(1001);

    private static string LeakyNpmrc(string token) =>
        "registry=https://registry.npmjs.org/\n" +
        "# the token below must never be committed\n" +
        $"//registry.npmjs.org/:_authToken={token}\n";

    [TestMethod]
    public void CleanProjectBuildsWithoutDiagnostics()
    {
        var consumer = Consumer.WithProject("clean");
        consumer.Write("ClientApp/.npmrc", "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n");
        consumer.Write("ClientApp/package.json", "{ \"name\": \"client\", \"version\": \"1.0.0\" }\n");
        consumer.Write("Program.cs", "public static class Program { public static void Main() { } }\n");

        var build = consumer.Build();

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.AreEqual(0, build.Diagnostics.Count, "a first build of a clean project has no warning at all:\n" + build);
        Assert.IsTrue(Regex.IsMatch(build.Output, @"NpmrcBuildCheck: scanned \d+ files? \(\d+ bytes read\) in \d+ ms"), build.ToString());
    }

    [TestMethod]
    public void LeakedTokenFailsTheBuildAtItsFileAndLineOnEveryBuild()
    {
        var consumer = Consumer.WithProject("leak");
        consumer.Write("ClientApp/.npmrc", LeakyNpmrc(Token));

        foreach (var build in new[] { consumer.Build("-bl:first.binlog"), consumer.Build("--no-restore", "-bl:second.binlog") })
        {
            Assert.AreEqual(1, build.ExitCode, build.ToString());
            var error = build.Ours.Single(d => d.Code == "NPMRC001");
            Assert.AreEqual("error", error.Severity);
            Assert.AreEqual(consumer.PathOf("ClientApp/.npmrc"), error.File);
            Assert.AreEqual(3, error.Line);
            Assert.AreEqual("//registry.npmjs.org/:_authToken=".Length + 1, error.Column);
            Assert.IsFalse(build.Output.Contains(Token), "the secret is printed");
            StringAssert.Contains(build.Output, Token.Substring(36), "the last four characters identify the token");
        }

        // Binlogs record task parameters, items and messages: none may hold the secret; nor may caches.
        CollectionAssert.AreEqual(new string[0], consumer.FilesContaining(Token, "ClientApp/.npmrc").ToArray());
    }

    [TestMethod]
    public void HttpRegistryIsAWarningAndTheBuildSucceeds()
    {
        var consumer = Consumer.WithProject("http");
        consumer.Write("ClientApp/.npmrc", "@acme:registry=http://npm.acme.example/\n");

        var build = consumer.Build();

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        var warning = build.Ours.Single();
        Assert.AreEqual(("NPMRC005", "warning", 1), (warning.Code, warning.Severity, warning.Line));
        Assert.AreEqual(consumer.PathOf("ClientApp/.npmrc"), warning.File);
    }

    [TestMethod]
    public void EnabledFalseTurnsTheCheckOff()
    {
        var consumer = Consumer.WithProject("disabled", "<NpmrcBuildCheckEnabled>false</NpmrcBuildCheckEnabled>");
        consumer.Write("ClientApp/.npmrc", LeakyNpmrc(Token));

        var build = consumer.Build();

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.AreEqual(0, build.Ours.Count, build.ToString());
        Assert.IsFalse(build.Output.Contains("NpmrcBuildCheck: scanned"), build.ToString());
    }

    [TestMethod]
    public void NoWarnSuppressesAnError()
    {
        var consumer = Consumer.WithProject("nowarn", "<NoWarn>$(NoWarn);npmrc001</NoWarn>");
        consumer.Write("ClientApp/.npmrc", LeakyNpmrc(Token));

        var build = consumer.Build();

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.AreEqual(0, build.Ours.Count, build.ToString());
    }

    [TestMethod]
    public void TreatWarningsAsErrorsAppliesToOurWarnings()
    {
        var consumer = Consumer.WithProject("twae", "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
        consumer.Write("ClientApp/.npmrc", "registry=http://npm.acme.example/\n");

        var build = consumer.Build();

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        Assert.AreEqual("error", build.Ours.Single(d => d.Code == "NPMRC005").Severity, build.ToString());
    }

    [TestMethod]
    public void TreatWarningsAsErrorsFromTheCommandLine()
    {
        var consumer = Consumer.WithProject("twae-cli");
        consumer.Write("ClientApp/.npmrc", "registry=http://npm.acme.example/\n");

        var build = consumer.Build("-p:TreatWarningsAsErrors=true");

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        Assert.AreEqual("error", build.Ours.Single(d => d.Code == "NPMRC005").Severity);
    }

    [TestMethod]
    public void WarningsNotAsErrorsKeepsAWarningUnderTreatWarningsAsErrors()
    {
        var consumer = Consumer.WithProject(
            "twae-not",
            "<TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningsNotAsErrors> npmrc005 ,CS0168</WarningsNotAsErrors>");
        consumer.Write("ClientApp/.npmrc", "registry=http://npm.acme.example/\n");

        var build = consumer.Build();

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.AreEqual("warning", build.Ours.Single(d => d.Code == "NPMRC005").Severity);
    }

    [TestMethod]
    public void WarningsAsErrorsPromotesOneCode()
    {
        var consumer = Consumer.WithProject("wae", "<WarningsAsErrors>$(WarningsAsErrors);NPMRC005</WarningsAsErrors>");
        consumer.Write("ClientApp/.npmrc", "registry=http://npm.acme.example/\n");

        var build = consumer.Build();

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        Assert.AreEqual("error", build.Ours.Single(d => d.Code == "NPMRC005").Severity);
    }

    [TestMethod]
    public void WarnAsErrorSwitchFailsTheBuild()
    {
        var consumer = Consumer.WithProject("warnaserror");
        consumer.Write("ClientApp/.npmrc", "registry=http://npm.acme.example/\n");

        var build = consumer.Build("-warnaserror");

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        Assert.AreEqual("error", build.Ours.Single(d => d.Code == "NPMRC005").Severity);
    }

    [TestMethod]
    public void ExcludeGlobsPruneFolders()
    {
        var consumer = Consumer.WithProject("exclude", "<NpmrcBuildCheckExclude>fixtures/**;legacy</NpmrcBuildCheckExclude>");
        consumer.Write("fixtures/a/.npmrc", LeakyNpmrc(Token));
        consumer.Write("legacy/.npmrc", LeakyNpmrc(Token));
        consumer.Write("ClientApp/.npmrc", "registry=http://npm.acme.example/\n");

        var build = consumer.Build();

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.AreEqual("NPMRC005", build.Ours.Single().Code, build.ToString());
    }

    [TestMethod]
    public void NodeModulesAndBuildOutputAreNotScanned()
    {
        var consumer = Consumer.WithProject("pruned");
        consumer.Write("ClientApp/node_modules/some-package/.npmrc", LeakyNpmrc(Token));
        consumer.Write("bin/Debug/.npmrc", LeakyNpmrc(Token));
        consumer.Write("ClientApp/bin/cli.js", "#!/usr/bin/env node\n// frontend CLI scripts are scanned\nconst registry = 1;\n");

        var build = consumer.Build();

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.AreEqual(0, build.Ours.Count, build.ToString());
    }

    [TestMethod]
    public void DiagnosticsSayWhatToDo()
    {
        var consumer = Consumer.WithProject("remedy");
        consumer.Write("ClientApp/.npmrc", LeakyNpmrc(Token));

        var build = consumer.Build();

        var error = build.Ours.Single(d => d.Code == "NPMRC001");
        StringAssert.Contains(error.Message, "${NPM_TOKEN}");
        StringAssert.Contains(error.Message, "//registry.npmjs.org/:_authToken");
    }

    [TestMethod]
    public void TheBundledSampleShowsItsDiagnostics()
    {
        // The README's first command builds samples/LeakyClientApp; its frontend must keep showing what the README says.
        var consumer = Consumer.WithProject("sample");
        string sample = Path.Combine(PackageFeed.RepositoryRoot, "samples", "LeakyClientApp", "ClientApp");
        foreach (var file in Directory.GetFiles(sample, "*", SearchOption.AllDirectories))
        {
            consumer.Write(Path.Combine("ClientApp", Path.GetRelativePath(sample, file)), File.ReadAllText(file));
        }

        var build = consumer.Build();

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        CollectionAssert.AreEquivalent(
            new[] { "NPMRC001 error", "NPMRC005 warning", "NPMRC006 warning" },
            build.Ours.Select(d => $"{d.Code} {d.Severity}").ToArray(),
            build.ToString());
    }
}
