using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Engine.Tests.Detection;

/// <summary>YAML's quoted scalars, read the same way in CI files and in <c>.yarnrc.yml</c>.</summary>
[TestClass]
public sealed class YamlQuotesTests
{
    [TestMethod]
    [DataRow("\"a\\tb\\nc\\rd\\0e\"", "a\tb\nc\rd\0e")]
    [DataRow("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [DataRow("\"back\\\\slash\"", "back\\slash")]
    [DataRow("'it''s'", "it's")]
    [DataRow("'no \\n escape'", "no \\n escape")]
    [DataRow("\"two\n   lines\"", "two lines")]
    public void UnquotesTheWayYamlDoes(string quoted, string expected)
    {
        int close = YamlQuotes.ClosingQuote(quoted, 0, quoted.Length);
        Assert.AreEqual(quoted.Length - 1, close);
        Assert.AreEqual(expected, YamlQuotes.Unquote(quoted, 0, close));
    }

    [TestMethod]
    [DataRow("\"open")]
    [DataRow("'open''")]
    [DataRow("\"ends in \\\"")]
    public void AnUnterminatedQuoteHasNoClosingQuote(string text) =>
        Assert.AreEqual(-1, YamlQuotes.ClosingQuote(text, 0, text.Length));

    [TestMethod]
    public void YarnrcYmlValuesAreUnescapedAndEndAtTheirQuote()
    {
        const string line = "\"a\\tb\" # note";
        var scalar = YarnrcYmlReader.ParseScalar(line, 0, line.Length);
        Assert.AreEqual("a\tb", scalar.Value);
        Assert.AreEqual(line.IndexOf('#'), scalar.CommentAt);

        const string open = "'it''s";
        Assert.AreEqual("it's", YarnrcYmlReader.ParseScalar(open, 0, open.Length).Value, "unterminated: the value runs to the line's end");
    }
}
