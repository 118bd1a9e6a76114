using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Reporting;
using NpmrcBuildCheck.Rules;

namespace NpmrcBuildCheck.Engine.Tests.Reporting;

[TestClass]
public sealed class RuleOverridesTests
{
    [TestMethod]
    public void KnownCodesAndSeveritiesBecomeOverridesAndTheRestProblems()
    {
        var overrides = RuleOverrides.Parse(
            new[] { (" npmrc005 ", "error"), ("NPMRC006", "silent"), ("NPMRC999", "error"), ("NPMRC001", "loud") },
            out var problems);

        Assert.AreEqual(Severity.Error, overrides["NPMRC005"]);
        Assert.AreEqual(Severity.None, overrides["NPMRC006"]);
        Assert.AreEqual(2, overrides.Count);
        Assert.AreEqual(2, problems.Count);
        StringAssert.StartsWith(problems[0], "NpmrcBuildCheckRule 'NPMRC999' names no NpmrcBuildCheck rule; known codes are NPMRC001, ");
        Assert.AreEqual("NpmrcBuildCheckRule 'NPMRC001' has Severity 'loud'; use error, warning, message or none.", problems[1]);
    }
}
