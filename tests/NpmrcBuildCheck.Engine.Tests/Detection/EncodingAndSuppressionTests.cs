using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;

namespace NpmrcBuildCheck.Engine.Tests.Detection;

[TestClass]
public sealed class EncodingAndSuppressionTests
{
    private static byte[] Utf16(string text, bool bigEndian, bool bom)
    {
        var enc = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
        var body = enc.GetBytes(text);
        return bom ? enc.GetPreamble().Concat(body).ToArray() : body;
    }

    [TestMethod]
    [DataRow(false, true)]
    [DataRow(false, false)]
    [DataRow(true, true)]
    [DataRow(true, false)]
    public void Utf16NpmrcStillReportsSecretsAtTheRightPlaceAndNpmrc010(bool bigEndian, bool bom)
    {
        string text = Harness.Expand("registry=https://r.example.com/\r\n//r.example.com/:_authToken={T}\r\n");
        var findings = Harness.Run(FileKind.Npmrc, Utf16(text, bigEndian, bom), ".npmrc");
        string d = Harness.Describe(findings);
        var token = findings.Single(f => f.Rule.Code == "NPMRC001");
        Assert.AreEqual(2, token.Line, d);
        Assert.AreEqual(29, token.Column, d);
        Assert.AreEqual(69, token.EndColumn, d);
        var enc = findings.Single(f => f.Rule.Code == "NPMRC010");
        StringAssert.Contains(enc.Message, "UTF-16");
        Assert.HasCount(2, findings, d);
        Harness.AssertNoSecrets(findings, new string[0]);
    }

    [TestMethod]
    public void Utf16YarnrcYmlAndTextFiles()
    {
        var yml = Harness.Run(FileKind.YarnrcYml, Utf16(Harness.Expand("npmAuthToken: {O}\n"), false, true));
        CollectionAssert.AreEquivalent(new[] { "NPMRC001", "NPMRC010" }, yml.Select(f => f.Rule.Code).ToArray(), Harness.Describe(yml));
        var text = Harness.Run(FileKind.Text, Utf16(Harness.Expand("$env:NPM_TOKEN = \"{O}\"\r\nx = {T}\r\n"), false, true));
        Assert.AreEqual("NPMRC003@1:19 NPMRC003@2:5", string.Join(" ", text.Select(f => $"{f.Rule.Code}@{f.Line}:{f.Column}")));
    }

    [TestMethod]
    public void InvalidUtf8InAConfigFileIsNpmrc010()
    {
        var bytes = Encoding.UTF8.GetBytes("registry=https://r.example.com/\n").Concat(new byte[] { (byte)'x', 0xFF, 0xC3, (byte)'\n' }).ToArray();
        var findings = Harness.Run(FileKind.Npmrc, bytes);
        Assert.AreEqual("NPMRC010@2", string.Join(" ", findings.Select(f => $"{f.Rule.Code}@{f.Line}")));
        Assert.IsEmpty(Harness.Run(FileKind.Npmrc, Encoding.UTF8.GetBytes("\uFEFFregistry=https://r.example.com/\n# ünïcödé\n")));
        // Latin-1 text in comments (an old editor's "café") is not a setting npm misreads.
        var latin1Comments = Encoding.Latin1.GetBytes("# caf\u00e9\nregistry=https://r.example.com/ ; d\u00e9j\u00e0 vu\n");
        Assert.IsEmpty(Harness.Run(FileKind.Npmrc, latin1Comments), Harness.Describe(Harness.Run(FileKind.Npmrc, latin1Comments)));
        var latin1Value = Encoding.Latin1.GetBytes("# caf\u00e9\n//r.example.com/:username=jos\u00e9\n");
        Assert.AreEqual("NPMRC010@2", string.Join(" ", Harness.Run(FileKind.Npmrc, latin1Value).Select(f => $"{f.Rule.Code}@{f.Line}")));
    }

    [TestMethod]
    [DataRow(FileKind.Npmrc, "//r.example.com/:_authToken={O} # npmrc-buildcheck-ignore", "")]
    [DataRow(FileKind.Npmrc, "# npmrc-buildcheck-ignore NPMRC005\nregistry=http://r.example.com/", "")]
    [DataRow(FileKind.Npmrc, "; npmrc-buildcheck-ignore NPMRC001\n«_authToken»={O}", "NPMRC008")]
    [DataRow(FileKind.Npmrc, "; npmrc-buildcheck-ignore NPMRC001, NPMRC008\n_authToken={O}", "")]
    [DataRow(FileKind.Npmrc, "; npmrc-buildcheck-ignore NPMRC001 NPMRC008\n_authToken={O}", "")]
    [DataRow(FileKind.Npmrc, "# npmrc-buildcheck-ignore NPMRC005\n\nregistry=«http://r.example.com/»", "NPMRC005")]
    [DataRow(FileKind.Npmrc, "# npmrc-buildcheck-ignore NPMRC006\nregistry=«http://r.example.com/»", "NPMRC005")]
    [DataRow(FileKind.YarnrcYml, "npmAuthToken: {O} # npmrc-buildcheck-ignore NPMRC001", "")]
    [DataRow(FileKind.Bunfig, "[install]\n# npmrc-buildcheck-ignore\nregistry = \"http://r.example.com/\"", "")]
    [DataRow(FileKind.Text, "NPM_TOKEN={O} # npmrc-buildcheck-ignore", "")]
    [DataRow(FileKind.Text, "const t = \"{T}\"; // npmrc-buildcheck-ignore NPMRC003", "")]
    [DataRow(FileKind.Text, "<!-- npmrc-buildcheck-ignore -->\n<token>{T}</token>", "")]
    [DataRow(FileKind.Text, "REM npmrc-buildcheck-ignore\r\nset NPM_TOKEN={O}", "")]
    [DataRow(FileKind.Text, "/* npmrc-buildcheck-ignore NPMRC003 */ x = \"{T}\"", "")]
    [DataRow(FileKind.Text, "x = \"«{T}»\" // npmrc-buildcheck-ignore NPMRC001", "NPMRC003")]
    [DataRow(FileKind.Text, "npmrc-buildcheck-ignore «{T}»", "NPMRC003")]
    [DataRow(FileKind.Text, "// npmrc-buildcheck-ignore\n\n«{T}»", "NPMRC003")]
    public void InlineSuppression(FileKind kind, string template, string codes) => Harness.Check(kind, template, codes);
}
