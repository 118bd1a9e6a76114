using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Reporting;
using NpmrcBuildCheck.Rules;
using NpmrcBuildCheck.Scanning;

namespace NpmrcBuildCheck.Engine.Tests.Reporting;

/// <summary>The reporters share one report: the text lines are MSBuild's canonical form, the JSON holds what the text does.</summary>
[TestClass]
public sealed class ReporterTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "reporter-root");

    private static Report Sample() => new(Root, new[]
    {
        new SarifLog.Entry(new Finding(RuleCatalog.HardCodedAuthToken, "ClientApp/.npmrc", 4, 32, 4, 64, "//npm.acme.example/:_authToken", "****aE5u", "d1", new FindingMessage(MessageKind.NpmTokenInFile, "****aE5u")), Outcome.Error),
        new SarifLog.Entry(new Finding(RuleCatalog.InsecureRegistry, "web app/.npmrc", 1, 10, 1, 30, "registry", "http://x/", "d2", new FindingMessage(MessageKind.InsecureRegistry, "registry", "http://x/", string.Empty)), Outcome.Warning),
        new SarifLog.Entry(ScanProblems.OverSize("big.txt", 20_000_000, 16_777_216), Outcome.Message),
    }, "1.2.3");

    private static string Render(IReporter reporter)
    {
        var text = new StringWriter();
        reporter.Write(Sample(), text);
        return text.ToString();
    }

    [TestMethod]
    public void TextIsOneCanonicalMSBuildLinePerFinding()
    {
        var lines = Render(new TextReporter()).Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

        var findings = Sample().Entries.Select(e => e.Finding).ToArray();
        CollectionAssert.AreEqual(new[]
        {
            $"{Path.Combine(Root, "ClientApp", ".npmrc")}(4,32): error NPMRC001: {findings[0].Message}",
            $"{Path.Combine(Root, "web app", ".npmrc")}(1,10): warning NPMRC005: {findings[1].Message}",
            $"{Path.Combine(Root, "big.txt")}: message NPMRC900: {findings[2].Message}",
        }, lines);
        StringAssert.StartsWith(findings[1].Message, "The default registry ('registry') uses plain http");
    }

    [TestMethod]
    public void JsonHoldsEachFindingAndTheSummary()
    {
        using var json = JsonDocument.Parse(Render(new JsonReporter()));

        var root = json.RootElement;
        Assert.AreEqual(1, root.GetProperty("summary").GetProperty("errors").GetInt32());
        Assert.AreEqual(1, root.GetProperty("summary").GetProperty("warnings").GetInt32());
        var first = root.GetProperty("findings")[0];
        Assert.AreEqual("NPMRC001", first.GetProperty("code").GetString());
        Assert.AreEqual("error", first.GetProperty("level").GetString());
        Assert.AreEqual(Path.Combine(Root, "ClientApp", ".npmrc"), first.GetProperty("file").GetString());
        Assert.AreEqual("****aE5u", first.GetProperty("redacted").GetString());
        Assert.AreEqual(Sample().Entries[0].Finding.Fingerprint, first.GetProperty("fingerprint").GetString());
        Assert.AreEqual("message", root.GetProperty("findings")[2].GetProperty("level").GetString());
    }

    [TestMethod]
    public void SarifUsesTheRootAsSrcRoot()
    {
        using var sarif = JsonDocument.Parse(Render(new SarifReporter()));

        var run = sarif.RootElement.GetProperty("runs")[0];
        StringAssert.EndsWith(run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString(), "/reporter-root/");
        Assert.AreEqual("web%20app/.npmrc", run.GetProperty("results")[1].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }
}
