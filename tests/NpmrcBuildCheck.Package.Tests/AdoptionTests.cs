using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>Adopting the check in an existing repository: severities, baselines and SARIF.</summary>
[TestClass]
public sealed class AdoptionTests
{
    private static readonly string Token = FakeTokens.NpmToken(2002);

    [TestMethod]
    public void RuleItemsRaiseAndSilenceRules()
    {
        var consumer = Consumer.WithProject(
            "rules",
            extraItems: """<NpmrcBuildCheckRule Include="NPMRC005" Severity="error" /><NpmrcBuildCheckRule Include="npmrc006" Severity="none" />""");
        consumer.Write("ClientApp/.npmrc", "registry=http://npm.acme.example/\nstrict-ssl=false\n");

        var build = consumer.Build();

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        Assert.AreEqual("NPMRC005 error", string.Join(";", build.Ours.Select(d => $"{d.Code} {d.Severity}")), build.ToString());
    }

    [TestMethod]
    public void BaselineAcceptsKnownFindingsAndReportsNewOnes()
    {
        var consumer = Consumer.WithProject("baseline", "<NpmrcBuildCheckBaseline>npmrc-baseline.json</NpmrcBuildCheckBaseline>");
        consumer.Write("ClientApp/.npmrc", $"registry=http://npm.acme.example/\n//npm.acme.example/:_authToken={Token}\n");

        var write = consumer.Run("build", "-t:NpmrcBuildCheckWriteBaseline");
        Assert.AreEqual(0, write.ExitCode, write.ToString());
        string baseline = File.ReadAllText(consumer.PathOf("npmrc-baseline.json"));
        Assert.IsFalse(baseline.Contains(Token) || baseline.Contains(Token.Substring(4, 20)), "the baseline holds no secret");
        StringAssert.Contains(baseline, "NPMRC001");

        var accepted = consumer.Build();
        Assert.AreEqual(0, accepted.ExitCode, accepted.ToString());
        Assert.AreEqual(0, accepted.Ours.Count, accepted.ToString());

        // A moved line stays accepted; a new leak is the only finding.
        string other = FakeTokens.NpmToken(2003);
        consumer.Write("ClientApp/.npmrc", $"# moved down\nregistry=http://npm.acme.example/\n//npm.acme.example/:_authToken={Token}\n");
        consumer.Write("ClientApp/.env", $"NPM_TOKEN={other}\n");
        var afterLeak = consumer.Build();
        Assert.AreEqual(1, afterLeak.ExitCode, afterLeak.ToString());
        var only = afterLeak.Ours.Single();
        Assert.AreEqual(("NPMRC003", consumer.PathOf("ClientApp/.env"), 1), (only.Code, only.File, only.Line), afterLeak.ToString());
    }

    [TestMethod]
    public void ChangedSecretIsNotAccepted()
    {
        var consumer = Consumer.WithProject("baseline-changed", "<NpmrcBuildCheckBaseline>npmrc-baseline.json</NpmrcBuildCheckBaseline>");
        consumer.Write("ClientApp/.npmrc", $"//npm.acme.example/:_authToken={Token}\n");
        Assert.AreEqual(0, consumer.Run("build", "-t:NpmrcBuildCheckWriteBaseline").ExitCode);

        consumer.Write("ClientApp/.npmrc", $"//npm.acme.example/:_authToken={FakeTokens.NpmToken(2004)}\n");
        var build = consumer.Build();

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        Assert.AreEqual("NPMRC001", build.Ours.Single().Code);
    }

    [TestMethod]
    public void SarifLogIsValidAndHoldsNoSecret()
    {
        var consumer = Consumer.WithProject("sarif", "<NpmrcBuildCheckSarifLog>$(MSBuildProjectDirectory)/artifacts/npmrc.sarif</NpmrcBuildCheckSarifLog>");
        consumer.Write("ClientApp/.npmrc", $"registry=http://npm.acme.example/\n//npm.acme.example/:_authToken={Token}\n");

        var build = consumer.Build();
        Assert.AreEqual(1, build.ExitCode, build.ToString());

        string sarif = File.ReadAllText(consumer.PathOf("artifacts/npmrc.sarif"));
        Assert.IsFalse(sarif.Contains(Token), "the SARIF log holds the secret");
        using var parsed = JsonDocument.Parse(sarif);
        Assert.AreEqual(string.Empty, SarifSchema.Problems(parsed.RootElement));

        using var broken = JsonDocument.Parse("""{ "version": "2.1.0", "runs": [ { "results": [] } ] }""");
        Assert.AreNotEqual(string.Empty, SarifSchema.Problems(broken.RootElement), "the schema check can fail (a run needs its tool)");

        using var document = JsonDocument.Parse(sarif);
        var run = document.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var leak = results.Single(r => r.GetProperty("ruleId").GetString() == "NPMRC001");
        Assert.AreEqual("error", leak.GetProperty("level").GetString());
        var location = leak.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.AreEqual("ClientApp/.npmrc", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.AreEqual(2, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.IsTrue(leak.GetProperty("partialFingerprints").EnumerateObject().Any());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.IsTrue(rules.All(r => r.GetProperty("helpUri").GetString()!.EndsWith(r.GetProperty("id").GetString() + ".md")));
        Assert.AreEqual("warning", results.Single(r => r.GetProperty("ruleId").GetString() == "NPMRC005").GetProperty("level").GetString());
    }
}
