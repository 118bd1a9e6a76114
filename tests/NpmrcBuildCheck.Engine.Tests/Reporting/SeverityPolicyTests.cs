using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Reporting;
using NpmrcBuildCheck.Rules;

namespace NpmrcBuildCheck.Engine.Tests.Reporting;

[TestClass]
public sealed class SeverityPolicyTests
{
    private static readonly Rule Leak = RuleCatalog.HardCodedAuthToken;
    private static readonly Rule Http = RuleCatalog.InsecureRegistry;

    [TestMethod]
    public void DefaultsFollowTheCatalog()
    {
        var policy = new SeverityPolicy(null, null, null, false);
        Assert.AreEqual(Outcome.Error, policy.Decide(Leak));
        Assert.AreEqual(Outcome.Warning, policy.Decide(Http));
    }

    [TestMethod]
    [DataRow("NPMRC001")]
    [DataRow(" npmrc001 ")]
    [DataRow("CS0168,NPMRC001")]
    [DataRow("CS0168;;NPMRC001;")]
    public void NoWarnSilencesErrorsToo(string noWarn)
    {
        Assert.AreEqual(Outcome.Suppressed, new SeverityPolicy(noWarn, null, null, true).Decide(Leak));
    }

    [TestMethod]
    public void TreatWarningsAsErrorsPromotesUnlessExempted()
    {
        Assert.AreEqual(Outcome.Error, new SeverityPolicy(null, null, null, true).Decide(Http));
        Assert.AreEqual(Outcome.Warning, new SeverityPolicy(null, null, "NPMRC005", true).Decide(Http));
        Assert.AreEqual(Outcome.Error, new SeverityPolicy(null, "NPMRC005", null, false).Decide(Http));
    }

    [TestMethod]
    public void WarningsNotAsErrorsDoesNotDemoteAnError()
    {
        Assert.AreEqual(Outcome.Error, new SeverityPolicy(null, null, "NPMRC001", true).Decide(Leak));
    }

    [TestMethod]
    public void RuleOverridesComeBeforeTheWarningSwitches()
    {
        var overrides = new Dictionary<string, Severity> { ["npmrc005"] = Severity.Error, ["NPMRC001"] = Severity.Warning, ["NPMRC006"] = Severity.None, ["NPMRC007"] = Severity.Message };
        var policy = new SeverityPolicy(null, null, null, false, overrides);
        Assert.AreEqual(Outcome.Error, policy.Decide(Http));
        Assert.AreEqual(Outcome.Warning, policy.Decide(Leak));
        Assert.AreEqual(Outcome.Suppressed, policy.Decide(RuleCatalog.TlsVerificationDisabled));
        Assert.AreEqual(Outcome.Message, policy.Decide(RuleCatalog.UnexpandedEnvReference));
        Assert.AreEqual(Outcome.Suppressed, new SeverityPolicy("NPMRC005", null, null, false, overrides).Decide(Http));
    }

    [TestMethod]
    public void AnOverSizeFileIsAMessageUnlessTheProjectSaysOtherwise()
    {
        var overSize = new NpmrcBuildCheck.Findings.Finding(RuleCatalog.ScanProblem, "dist/huge.js", 0, 0, 0, 0, NpmrcBuildCheck.Scanning.ScanProblems.OverSizeLimit, "", "d", new NpmrcBuildCheck.Findings.FindingMessage(NpmrcBuildCheck.Findings.MessageKind.OverSizeLimit, "dist/huge.js", "20000000", "16777216"));
        var unreadable = overSize with { Key = NpmrcBuildCheck.Scanning.ScanProblems.ReadError };
        var policy = new SeverityPolicy(null, null, null, true);
        Assert.AreEqual(Outcome.Message, policy.Decide(overSize));
        Assert.AreEqual(Outcome.Error, policy.Decide(unreadable), "a read error is a warning, promoted here");
        var strict = new SeverityPolicy(null, null, null, false, new Dictionary<string, Severity> { ["NPMRC900"] = Severity.Error });
        Assert.AreEqual(Outcome.Error, strict.Decide(overSize));
        Assert.AreEqual(Outcome.Suppressed, new SeverityPolicy("NPMRC900", null, null, false).Decide(overSize));
    }

    [TestMethod]
    [DataRow("error", Severity.Error)]
    [DataRow(" Warning ", Severity.Warning)]
    [DataRow("message", Severity.Message)]
    [DataRow("none", Severity.None)]
    public void SeverityNamesParse(string text, Severity expected)
    {
        Assert.IsTrue(SeverityPolicy.TryParseSeverity(text, out var severity));
        Assert.AreEqual(expected, severity);
    }

    [TestMethod]
    public void UnknownSeverityIsRejected()
    {
        Assert.IsFalse(SeverityPolicy.TryParseSeverity("fatal", out _));
        Assert.IsFalse(SeverityPolicy.TryParseSeverity(null, out _));
    }
}
