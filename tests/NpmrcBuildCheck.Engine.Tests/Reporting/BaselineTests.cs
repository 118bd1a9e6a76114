using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Engine.Tests.Scanning;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Reporting;
using NpmrcBuildCheck.Rules;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Engine.Tests.Reporting;

[TestClass]
public sealed class BaselineTests
{
    private static Finding Leak(string secret, string path = "ClientApp/.npmrc", int line = 3) =>
        new(RuleCatalog.HardCodedAuthToken, path, line, 34, line, 74, "//registry.npmjs.org/:_authToken",
            Redaction.Redact(secret), Fingerprints.DigestSubject(secret), new FindingMessage(MessageKind.NpmTokenInFile, Redaction.Redact(secret)));

    [TestMethod]
    public void RoundTripAcceptsTheSameSecretWhereverItsLineMoves()
    {
        string token = FakeTokens.NpmToken(11);
        using var tree = new TestTree();
        string path = tree.Full("baseline.json");
        Baseline.Write(path, new[] { Leak(token), Leak(token) });
        string text = File.ReadAllText(path);
        Assert.IsFalse(text.Contains(token.Substring(4)), "the baseline holds the secret");

        var baseline = Baseline.Load(path);
        Assert.AreEqual(1, baseline.Count);
        Assert.IsTrue(baseline.Accepts(Leak(token, line: 40)));
        Assert.IsFalse(baseline.Accepts(Leak(FakeTokens.NpmToken(12))), "a changed secret is new");
        Assert.IsFalse(baseline.Accepts(Leak(token, path: "Other/.npmrc")), "the same secret elsewhere is new");
    }

    [TestMethod]
    public void APolicyLetsTheBaselineAcceptBeforeTheSeverityDecides()
    {
        string accepted = FakeTokens.NpmToken(21);
        using var tree = new TestTree();
        string path = tree.Full("baseline.json");
        Baseline.Write(path, new[] { Leak(accepted) });
        var policy = new FindingPolicy(new SeverityPolicy(null, null, null, treatWarningsAsErrors: false), Baseline.Load(path));
        Assert.AreEqual(Outcome.Suppressed, policy.Decide(Leak(accepted)), "an error-level leak in the baseline is accepted");
        Assert.AreEqual(Outcome.Error, policy.Decide(Leak(FakeTokens.NpmToken(22))));
        var shown = policy.Apply(new[] { Leak(accepted), Leak(FakeTokens.NpmToken(23)) });
        Assert.AreEqual(1, shown.Count);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("[]")]
    [DataRow("{\"accepted\": 3}")]
    [DataRow("{\"accepted\": [")]
    [DataRow("{\"accepted\": []} trailing")]
    public void ABadBaselineIsAFormatError(string text)
    {
        using var tree = new TestTree();
        string path = tree.Full("baseline.json");
        File.WriteAllText(path, text);
        Assert.ThrowsExactly<FormatException>(() => Baseline.Load(path));
    }
}
