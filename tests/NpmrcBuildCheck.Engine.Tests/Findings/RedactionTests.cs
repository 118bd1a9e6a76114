using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Engine.Tests.Findings;

[TestClass]
public sealed class RedactionTests
{
    [TestMethod]
    public void NpmTokensKeepThePublicPrefixAndTheLastFour()
    {
        string token = FakeTokens.NpmToken(5);
        Assert.AreEqual("npm_****" + token.Substring(36), Redaction.Redact(token));
    }

    [TestMethod]
    [DataRow("hunter2", "****")]
    [DataRow("0123456789012345678", "****")]
    [DataRow("01234567890123456789", "****6789")]
    [DataRow("", "")]
    [DataRow("npm_short", "****")]
    public void ShortSecretsShowNothing(string secret, string expected)
    {
        Assert.AreEqual(expected, Redaction.Redact(secret));
    }

    [TestMethod]
    public void FingerprintsDependOnRulePathAndSecretButNotOnTheLine()
    {
        string digest = Fingerprints.DigestSubject("secret-value-1");
        Assert.AreEqual(Fingerprints.Compute("NPMRC001", "a/.npmrc", digest), Fingerprints.Compute("NPMRC001", "a\\.npmrc", digest));
        Assert.AreNotEqual(Fingerprints.Compute("NPMRC001", "a/.npmrc", digest), Fingerprints.Compute("NPMRC002", "a/.npmrc", digest));
        Assert.AreNotEqual(Fingerprints.Compute("NPMRC001", "a/.npmrc", digest), Fingerprints.Compute("NPMRC001", "b/.npmrc", digest));
        Assert.AreNotEqual(digest, Fingerprints.DigestSubject("secret-value-2"));
        Assert.IsFalse(digest.Contains("secret"));
    }
}
