using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Analyzers.Tests;

/// <summary>
/// <see cref="EmbeddedSecrets.Find"/>: tokens, and assignments read by the engine's .npmrc reader.
/// </summary>
[TestClass]
public sealed class EmbeddedSecretsTests
{
    private static readonly string T = FakeTokens.NpmToken(31);
    private static readonly string T2 = FakeTokens.NpmToken(32);

    [TestMethod]
    public void PlainTextHasNothing()
    {
        Assert.AreEqual(0, EmbeddedSecrets.Find("").Count);
        Assert.AreEqual(0, EmbeddedSecrets.Find("hello, world").Count);
        Assert.AreEqual(0, EmbeddedSecrets.Find("npm_package_version=1.0.0").Count);
        Assert.IsFalse(EmbeddedSecrets.MightContain("hello"));
        Assert.IsTrue(EmbeddedSecrets.MightContain("x npm_"));
        Assert.IsTrue(EmbeddedSecrets.MightContain("_AUTH = 1"));
    }

    [TestMethod]
    public void FindsEveryTokenInOrder()
    {
        string text = $"first {T} then {T2}.";
        var found = EmbeddedSecrets.Find(text);
        Assert.AreEqual(2, found.Count);
        Assert.AreEqual(text.IndexOf(T, System.StringComparison.Ordinal), found[0].Start);
        Assert.AreEqual(text.IndexOf(T2, System.StringComparison.Ordinal), found[1].Start);
        Assert.IsTrue(found.All(f => f.Length == T.Length && f.What == "npm access token"));
        Assert.AreEqual(Redaction.Redact(T), found[0].Redacted);
        Assert.IsFalse(found.Any(f => f.Redacted.Contains(T.Substring(4, 20), System.StringComparison.Ordinal)));
    }

    [TestMethod]
    public void RejectsWrongChecksumLengthAndUnboundedTokens()
    {
        Assert.AreEqual(0, EmbeddedSecrets.Find(FakeTokens.WithBadChecksum(T)).Count);
        Assert.AreEqual(0, EmbeddedSecrets.Find(T.Substring(0, 39)).Count);
        Assert.AreEqual(0, EmbeddedSecrets.Find(T + "a").Count);
        Assert.AreEqual(0, EmbeddedSecrets.Find("a" + T).Count);
    }

    [TestMethod]
    public void AuthTokenAssignmentIsOneResultNamedByItsKey()
    {
        string text = $"//registry.npmjs.org/:_authToken={T}";
        var found = EmbeddedSecrets.Find(text);
        Assert.AreEqual(1, found.Count);
        Assert.AreEqual(text.Length - T.Length, found[0].Start);
        Assert.AreEqual(T.Length, found[0].Length);
        Assert.AreEqual("'//registry.npmjs.org/:_authToken' value", found[0].What);
        Assert.AreEqual(Redaction.Redact(T), found[0].Redacted);
    }

    [TestMethod]
    public void AssignmentsOnLaterLinesMapToTheirOffsets()
    {
        string opaque = FakeTokens.Opaque(33);
        string uuid = FakeTokens.Uuid(34);
        foreach (string newline in new[] { "\n", "\r\n" })
        {
            string text = "registry=https://registry.npmjs.org/" + newline
                + "//registry.npmjs.org/:_authToken=" + opaque + newline
                + "//npm.example.com/:_authToken=" + uuid + newline
                + "always-auth=true" + newline;
            var found = EmbeddedSecrets.Find(text);
            Assert.AreEqual(2, found.Count, newline.Length.ToString());
            Assert.AreEqual(opaque, text.Substring(found[0].Start, found[0].Length));
            Assert.AreEqual(uuid, text.Substring(found[1].Start, found[1].Length));
        }
    }

    [TestMethod]
    public void TokenInAnAssignmentAndAnotherOutsideIt()
    {
        string text = $"//registry.npmjs.org/:_authToken={T}\n# backup: {T2}\n";
        var found = EmbeddedSecrets.Find(text);
        Assert.AreEqual(2, found.Count);
        Assert.AreEqual("'//registry.npmjs.org/:_authToken' value", found[0].What);
        Assert.AreEqual("npm access token", found[1].What);
        Assert.AreEqual(T2, text.Substring(found[1].Start, found[1].Length));
    }

    [TestMethod]
    public void EnvironmentReferencesAreNotSecrets()
    {
        Assert.AreEqual(0, EmbeddedSecrets.Find("//registry.npmjs.org/:_authToken=${NPM_TOKEN}").Count);
        Assert.AreEqual(0, EmbeddedSecrets.Find("//registry.npmjs.org/:_authToken=").Count);
    }

    [TestMethod]
    public void ALeadingByteOrderMarkDoesNotShiftPositions()
    {
        string opaque = FakeTokens.Opaque(35);
        string text = "\uFEFF//registry.npmjs.org/:_authToken=" + opaque;
        var found = EmbeddedSecrets.Find(text);
        Assert.AreEqual(1, found.Count);
        Assert.AreEqual(opaque, text.Substring(found[0].Start, found[0].Length));
    }

    // ---- Pass once the full .npmrc reader is merged (see class summary). ----

    [TestMethod]
    public void BasicAuthValue()
    {
        string value = System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("user:" + FakeTokens.Opaque(36)));
        string text = "//npm.example.com/:_auth=" + value;
        var found = EmbeddedSecrets.Find(text);
        Assert.AreEqual(1, found.Count);
        Assert.AreEqual(value, text.Substring(found[0].Start, found[0].Length));
        Assert.AreEqual("'//npm.example.com/:_auth' value", found[0].What);
    }

    [TestMethod]
    public void PasswordValue()
    {
        string value = System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(FakeTokens.Opaque(37, 52)));
        string text = "//pkgs.dev.azure.com/org/_packaging/feed/npm/registry/:username=org\r\n"
            + "//pkgs.dev.azure.com/org/_packaging/feed/npm/registry/:_password=" + value + "\r\n";
        var found = EmbeddedSecrets.Find(text);
        Assert.AreEqual(1, found.Count);
        Assert.AreEqual(value, text.Substring(found[0].Start, found[0].Length));
        Assert.AreEqual("'//pkgs.dev.azure.com/org/_packaging/feed/npm/registry/:_password' value", found[0].What);
    }

    [TestMethod]
    public void CarriageReturnOnlyLineBreaks()
    {
        string opaque = FakeTokens.Opaque(38);
        string text = "registry=https://registry.npmjs.org/\r//registry.npmjs.org/:_authToken=" + opaque + "\r";
        var found = EmbeddedSecrets.Find(text);
        Assert.AreEqual(1, found.Count);
        Assert.AreEqual(opaque, text.Substring(found[0].Start, found[0].Length));
    }

    [TestMethod]
    public void NpmSemanticsOfValues()
    {
        string opaque = FakeTokens.Opaque(39);
        string quoted = "//registry.npmjs.org/:_authToken=\"" + opaque + "\"";
        var found = EmbeddedSecrets.Find(quoted);
        Assert.AreEqual(1, found.Count);
        StringAssert.Contains(quoted.Substring(found[0].Start, found[0].Length), opaque);

        Assert.AreEqual(0, EmbeddedSecrets.Find("//registry.npmjs.org/:_authToken=${NPM_TOKEN?}").Count);
        Assert.AreEqual(0, EmbeddedSecrets.Find("//registry.npmjs.org/:_authToken = \"${NPM_TOKEN}\"").Count);
        Assert.AreEqual(0, EmbeddedSecrets.Find("//registry.npmjs.org/:_authToken=<YOUR_TOKEN>").Count);
        Assert.AreEqual(0, EmbeddedSecrets.Find("//registry.npmjs.org/:_auth=${NPM_AUTH}").Count);
        Assert.AreEqual(0, EmbeddedSecrets.Find("//registry.npmjs.org/:_password=[BASE64_ENCODED_PERSONAL_ACCESS_TOKEN]").Count);

        // A commented-out line is NPMRC004 in a config file; in a literal only NPMRC001/002 count.
        Assert.AreEqual(0, EmbeddedSecrets.Find("; //registry.npmjs.org/:_authToken=" + opaque).Count);
    }
}
