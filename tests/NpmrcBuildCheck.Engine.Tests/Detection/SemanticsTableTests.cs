using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Engine.Tests.Detection;

/// <summary>The parser agrees with npm's ini on every row of npm-config-semantics.md §1 (S1–S13) and the I1 table.</summary>
[TestClass]
public sealed class SemanticsTableTests
{
    private static NpmrcReader.Entry Single(string text)
    {
        var doc = DecodedText.FromString(text);
        var entries = NpmrcReader.Parse(doc, new int[doc.Lines.Count], out _);
        Assert.HasCount(1, entries, text);
        return entries[0];
    }

    [TestMethod]
    [DataRow("//r/:_authToken=abc#def", "//r/:_authToken", "abc")]
    [DataRow("//r/:_password=cGFz#c3c=", "//r/:_password", "cGFz")]
    [DataRow("registry=https://host/path#frag", "registry", "https://host/path")]
    [DataRow("k=a b #c", "k", "a b")]
    [DataRow("k=v ;c", "k", "v")]
    [DataRow("k=a\\#b\\;c\\\\d\\x", "k", "a#b;c\\d\\x")]
    [DataRow("k='abc' ; c", "k", "'abc'")]
    [DataRow("k=\"${X}\" # c", "k", "\"${X}\"")]
    [DataRow("k=\"a\\qb\"", "k", "\"a\\qb\"")]
    [DataRow("k=\"line1\\nline2\\u0041\"", "k", "line1\nline2A")]
    [DataRow("k=\"abc", "k", "\"abc")]
    [DataRow("k=\"\"", "k", "")]
    [DataRow("k=\"", "k", "\"")]
    [DataRow("k=\\\"abc\\\"", "k", "\\\"abc\\\"")]
    [DataRow("\uFEFF registry=https://x/", "registry", "https://x/")]
    [DataRow("k=a=b=c", "k", "a=b=c")]
    [DataRow("k=", "k", "")]
    [DataRow("k=  ", "k", "")]
    [DataRow("k='\"x\"'", "k", "x")]
    [DataRow("c=TRUE", "c", "TRUE")]
    [DataRow("my key = v", "my key", "v")]
    [DataRow("a#b=c", "a", "c")]
    [DataRow("\"//r/:_authToken\" = x", "//r/:_authToken", "x")]
    [DataRow("//r/:_authToken  =  tok", "//r/:_authToken", "tok")]
    [DataRow("k=\u00A0tok\u00A0", "k", "tok")]
    [DataRow("k=\u0085tok", "k", "\u0085tok")]
    [DataRow("k=\u200Btok", "k", "\u200Btok")]
    [DataRow("k=abc\\", "k", "abc\\")]
    [DataRow("foo=\"${X} # not a comment\"", "foo", "${X} # not a comment")]
    public void DecodeTable(string line, string key, string value)
    {
        var entry = Single(line);
        Assert.AreEqual(key, entry.Key);
        Assert.AreEqual(value, entry.Value.Text);
    }

    [TestMethod]
    [DataRow("a=true", "True")]
    [DataRow("b=\"true\"", "True")]
    [DataRow("d=null", "Null")]
    [DataRow("k='123'", "Number")]
    [DataRow("k='{\"a\":1}'", "Other")]
    [DataRow("k: v", "NoValue")]
    [DataRow("flag # c", "NoValue")]
    [DataRow("k=abc", "String")]
    public void Coercion(string line, string kind) => Assert.AreEqual(kind, Single(line).Value.Kind.ToString());

    [TestMethod]
    public void NoValueKeysKeepTheirText()
    {
        Assert.AreEqual("k: v", Single("k: v").Key);
        Assert.AreEqual("flag", Single("flag # c").Key);
    }

    [TestMethod]
    [DataRow("  [sec]\nk=v", null)]
    [DataRow("\uFEFF[sec]\nk=v", null)]
    [DataRow("[a]b]\nk=v", null)]
    [DataRow("[sec]\nk=v", "sec")]
    [DataRow("[sec]  \nk=v", "sec")]
    [DataRow("[ sec ]\nk=v", "sec")]
    [DataRow("[\"q\"]\nk=v", "q")]
    [DataRow("[s]\nx=1\n[s2] ; c\nk=v", "s")]
    public void Sections(string text, string? section)
    {
        var doc = DecodedText.FromString(text);
        var entries = NpmrcReader.Parse(doc, new int[doc.Lines.Count], out _);
        Assert.AreEqual(section, entries.Single(e => e.Key == "k").Section);
    }

    [TestMethod]
    public void LinesSplitOnCrLfAndMixturesKeepingNumbers()
    {
        var doc = DecodedText.FromString("a=1\r\nb=2\rc=3\n\n\nd=4");
        var entries = NpmrcReader.Parse(doc, new int[doc.Lines.Count], out _);
        CollectionAssert.AreEqual(new[] { 1, 2, 3, 6 }, entries.Select(e => doc.Lines[e.LineIndex].Number).ToArray());
        Assert.AreEqual("4", entries[3].Value.Text);
    }

    [TestMethod]
    public void SkippedLines()
    {
        foreach (var text in new[] { "  # x=1", "\t; x=1", "\uFEFF# c=1", "   ", string.Empty })
        {
            var doc = DecodedText.FromString(text);
            Assert.IsEmpty(NpmrcReader.Parse(doc, new int[doc.Lines.Count], out _), text);
        }
    }

    [TestMethod]
    [DataRow("false", true)]
    [DataRow("\"false\"", true)]
    [DataRow("'false'", true)]
    [DataRow("\" false \"", true)]
    [DataRow("  false", true)]
    [DataRow("false # c", true)]
    [DataRow("false;", true)]
    [DataRow("0", true)]
    [DataRow("00", true)]
    [DataRow("0.0", true)]
    [DataRow("-0", true)]
    [DataRow("0x0", true)]
    [DataRow("0e5", true)]
    [DataRow(".0", true)]
    [DataRow("null", true)]
    [DataRow("undefined", true)]
    [DataRow("FALSE", false)]
    [DataRow("False", false)]
    [DataRow("no", false)]
    [DataRow("off", false)]
    [DataRow("", false)]
    [DataRow("${UNSET}", false)]
    [DataRow("1", false)]
    [DataRow("0x1", false)]
    [DataRow("true", false)]
    [DataRow("Infinity", false)]
    [DataRow("0.0.0", false)]
    public void StrictSslTable(string value, bool disabled) =>
        Assert.AreEqual(disabled, NpmrcReader.IsStrictSslFalse(Single("strict-ssl=" + value).Value), value);

    [TestMethod]
    [DataRow("https://r.example.com/npm", "//r.example.com/")]
    [DataRow("https://r.example.com/npm/", "//r.example.com/npm/")]
    [DataRow("HTTPS://R.Example.COM:443/X/", "//r.example.com/X/")]
    [DataRow("https://user:pw@r.example.com/p/?q=1#f", "//r.example.com/p/")]
    public void NerfDarts(string url, string nerf) => Assert.AreEqual(nerf, NpmrcReader.NerfDart(url));

    [TestMethod]
    [DataRow("{\"a\":[1,2,{\"b\":null}]}", "Object")]
    [DataRow("-0.5e+3", "Number")]
    [DataRow("01", "Invalid")]
    [DataRow("\"tab\there\"", "Invalid")]
    [DataRow("\"\\ud83d\\ude00\"", "String")]
    [DataRow("[1,]", "Invalid")]
    [DataRow("", "Invalid")]
    [DataRow(" true ", "True")]
    public void StrictJsonKinds(string json, string kind) => Assert.AreEqual(kind, StrictJson.Parse(json, 0, json.Length, out _).ToString());

    [TestMethod]
    public void JsWhitespaceIsNotDotNetWhitespace()
    {
        Assert.IsTrue(Js.IsWhiteSpace('\uFEFF'));
        Assert.IsFalse(Js.IsWhiteSpace('\u0085'));
        Assert.IsFalse(Js.IsWhiteSpace('\u200B'));
        Assert.IsTrue(Js.IsWhiteSpace('\u3000'));
    }
}
