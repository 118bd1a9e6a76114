using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.TestSupport;

[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]

namespace NpmrcBuildCheck.Tasks.Tests;

/// <summary>The scan and report tasks driven directly, as MSBuild drives them.</summary>
[TestClass]
public sealed class TaskTests
{
    private static readonly string Token = FakeTokens.NpmToken(4242);

    [TestMethod]
    public void FindingsTravelAsItemsWithoutTheSecretAndAreReportedWithHelpLinks()
    {
        string root = NewTree();
        File.WriteAllText(Path.Combine(root, "ClientApp", ".npmrc"), $"registry=http://npm.acme.example/\n//registry.npmjs.org/:_authToken={Token}\n");

        var scan = new ScanNpmrcTree { BuildEngine = new RecordingBuildEngine(), Root = root };
        Assert.IsTrue(scan.Execute());
        foreach (var item in scan.Findings)
        {
            foreach (var name in item.MetadataNames.Cast<string>())
            {
                Assert.IsFalse(item.GetMetadata(name).Contains(Token), $"metadata {name} holds the secret");
            }
        }

        var engine = new RecordingBuildEngine();
        var report = new ReportNpmrcFindings { BuildEngine = engine, Findings = scan.Findings, ScanRoot = root, ProjectDirectory = root };
        Assert.IsTrue(report.Execute(), "an error finding is logged, but the build goes on to show every finding; the logged error fails it at its end");

        var error = engine.Errors.Single();
        Assert.AreEqual("NPMRC001", error.Code);
        Assert.AreEqual(Path.Combine(root, "ClientApp", ".npmrc"), error.File);
        Assert.AreEqual((2, "//registry.npmjs.org/:_authToken=".Length + 1), (error.LineNumber, error.ColumnNumber));
        Assert.IsTrue(error.EndColumnNumber > error.ColumnNumber);
        StringAssert.EndsWith(error.HelpLink, "docs/rules/NPMRC001.md");
        var warning = engine.Warnings.Single();
        Assert.AreEqual(("NPMRC005", 1), (warning.Code, warning.LineNumber));
        StringAssert.EndsWith(warning.HelpLink, "docs/rules/NPMRC005.md");
        Assert.IsFalse(engine.AllText().Any(text => text.Contains(Token)));
    }

    [TestMethod]
    public void NoWarnAndRuleItemsApplyAtReportTime()
    {
        string root = NewTree();
        File.WriteAllText(Path.Combine(root, "ClientApp", ".npmrc"), $"registry=http://npm.acme.example/\n//registry.npmjs.org/:_authToken={Token}\n");
        var scan = new ScanNpmrcTree { BuildEngine = new RecordingBuildEngine(), Root = root };
        scan.Execute();

        var engine = new RecordingBuildEngine();
        var rule = new TaskItem("NPMRC005");
        rule.SetMetadata("Severity", "error");
        var report = new ReportNpmrcFindings
        {
            BuildEngine = engine,
            Findings = scan.Findings,
            ScanRoot = root,
            ProjectDirectory = root,
            NoWarn = "CS1591;NPMRC001",
            Rules = new ITaskItem[] { rule },
        };
        Assert.IsTrue(report.Execute());
        Assert.AreEqual("NPMRC005", engine.Errors.Single().Code);
        Assert.AreEqual(0, engine.Warnings.Count);
    }

    [TestMethod]
    public void AMistypedRuleItemIsReportedNotIgnored()
    {
        string root = NewTree();
        var engine = new RecordingBuildEngine();
        var rule = new TaskItem("NPMRC05");
        rule.SetMetadata("Severity", "error");
        var report = new ReportNpmrcFindings { BuildEngine = engine, ScanRoot = root, ProjectDirectory = root, Rules = new ITaskItem[] { rule } };
        Assert.IsTrue(report.Execute());
        StringAssert.Contains(engine.Warnings.Single().Message, "NPMRC05");
    }

    [TestMethod]
    public void ACleanTreeStillGetsItsSarifLogAndItsBaselineNote()
    {
        // A clean tree's report does nothing unless asked for something: a SARIF log or a baseline still is.
        string root = NewTree();
        var quiet = new RecordingBuildEngine();
        Assert.IsTrue(new ReportNpmrcFindings { BuildEngine = quiet, ScanRoot = root, ProjectDirectory = root }.Execute());
        Assert.AreEqual(0, quiet.Errors.Count + quiet.Warnings.Count + quiet.Messages.Count);

        var engine = new RecordingBuildEngine();
        var report = new ReportNpmrcFindings
        {
            BuildEngine = engine, ScanRoot = root, ProjectDirectory = root,
            SarifLog = "artifacts/npmrc.sarif", Baseline = "npmrc-baseline.json",
        };
        Assert.IsTrue(report.Execute());
        using var sarif = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "artifacts", "npmrc.sarif")));
        Assert.AreEqual(0, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        Assert.IsTrue(engine.Messages.Any(m => m.Message?.Contains("does not exist yet") == true), "a baseline set but not written yet is said");
    }

    [TestMethod]
    public void CompileItemsAreLeftToTheAnalyzer()
    {
        string root = NewTree();
        string source = Path.Combine(root, "Secrets.cs");
        File.WriteAllText(source, $"class Secrets {{ const string Token = \"{Token}\"; }}\n");
        File.WriteAllText(Path.Combine(root, "ClientApp", "publish.sh"), $"export NPM_TOKEN={Token}\n");
        var scan = new ScanNpmrcTree { BuildEngine = new RecordingBuildEngine(), Root = root };
        scan.Execute();

        var engine = new RecordingBuildEngine();
        var report = new ReportNpmrcFindings
        {
            BuildEngine = engine, Findings = scan.Findings, ScanRoot = root, ProjectDirectory = root,
            Compile = new ITaskItem[] { new TaskItem(source) },
        };
        report.Execute();
        Assert.IsTrue(scan.Findings.Any(f => f.ItemSpec == source), "the scan itself sees the C# file");
        Assert.IsFalse(engine.Errors.Any(e => e.File == source), "the C# file is the analyzer's");
        Assert.IsTrue(engine.Errors.Any(e => e.File.EndsWith("publish.sh", StringComparison.Ordinal)), "other files are still reported");
    }

    [TestMethod]
    public void TheSummaryLineSaysWhatTheScanCost()
    {
        string root = NewTree();
        File.WriteAllText(Path.Combine(root, "ClientApp", ".npmrc"), "registry=https://registry.npmjs.org/\n");
        var engine = new RecordingBuildEngine();
        new ScanNpmrcTree { BuildEngine = engine, Root = root }.Execute();
        var summary = engine.Messages.Single(m => m.Message!.StartsWith("NpmrcBuildCheck: scanned", StringComparison.Ordinal));
        StringAssert.Matches(summary.Message, new System.Text.RegularExpressions.Regex(@"^NpmrcBuildCheck: scanned 1 file \(\d+ bytes read\) in \d+ ms$"));
        Assert.AreEqual(MessageImportance.Normal, summary.Importance);
    }

    [TestMethod]
    public void AScanStartedEarlyIsCollectedNotRepeated()
    {
        string root = NewTree();
        File.WriteAllText(Path.Combine(root, "ClientApp", ".npmrc"), $"//registry.npmjs.org/:_authToken={Token}\n");
        var engine = new RecordingBuildEngine();

        Assert.IsTrue(new StartNpmrcScan { BuildEngine = engine, Root = root }.Execute());
        Assert.AreEqual(1, engine.RegisteredTaskObjects, "the started scan waits for its collector");
        var scan = new ScanNpmrcTree { BuildEngine = engine, Root = root };
        Assert.IsTrue(scan.Execute());

        Assert.AreEqual(0, engine.RegisteredTaskObjects, "the collector took the started scan");
        Assert.AreEqual("NPMRC001", scan.Findings.Single().GetMetadata("Code"));

        // A scan with other settings is not taken for this one.
        Assert.IsTrue(new StartNpmrcScan { BuildEngine = engine, Root = root, Exclude = "ClientApp/**" }.Execute());
        var unexcluded = new ScanNpmrcTree { BuildEngine = engine, Root = root };
        Assert.IsTrue(unexcluded.Execute());
        Assert.AreEqual(1, engine.RegisteredTaskObjects);
        Assert.AreEqual("NPMRC001", unexcluded.Findings.Single().GetMetadata("Code"));
    }

    [TestMethod]
    public void StampIsWrittenAndAnUnwritableOneOnlyCostsAMessage()
    {
        string root = NewTree();
        var engine = new RecordingBuildEngine();
        string stamp = Path.Combine(root, "obj", "Debug", "NpmrcBuildCheck.stamp");
        Assert.IsTrue(new WriteNpmrcStamp { BuildEngine = engine, File = stamp }.Execute());
        Assert.IsTrue(File.Exists(stamp));

        // A file where the folder should be: nothing can be written there, whoever runs the test.
        File.WriteAllText(Path.Combine(root, "blocker"), string.Empty);
        Assert.IsTrue(new WriteNpmrcStamp { BuildEngine = engine, File = Path.Combine(root, "blocker", "NpmrcBuildCheck.stamp") }.Execute());
        Assert.AreEqual(0, engine.Errors.Count + engine.Warnings.Count);
        Assert.AreEqual(MessageImportance.Low, engine.Messages.Single(m => m.Message!.Contains("could not be written")).Importance);
    }

    private static string NewTree()
    {
        string root = Path.Combine(Path.GetTempPath(), "NpmrcBuildCheck.Tasks.Tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "ClientApp"));
        return root;
    }
}
