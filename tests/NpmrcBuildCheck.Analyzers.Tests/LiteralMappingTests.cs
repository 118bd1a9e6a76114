using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Analyzers.Tests;

/// <summary>
/// Generated literals of every kind with awkward text (escapes, quotes, braces, tabs, surrogate
/// pairs, line breaks) around a token: the diagnostic must cover exactly the token's characters.
/// </summary>
[TestClass]
public sealed class LiteralMappingTests
{
    private const string Awkward = "ab \"\\{}\t\u00e9\U0001F600=:/;#";

    [TestMethod]
    [DataRow("regular")]
    [DataRow("regular-u8")]
    [DataRow("verbatim")]
    [DataRow("interpolated")]
    [DataRow("interpolated-verbatim")]
    [DataRow("raw")]
    [DataRow("raw-multi")]
    [DataRow("interpolated-raw-multi")]
    public async Task DiagnosticCoversExactlyTheToken(string kind)
    {
        var random = new Random(kind.Sum(c => c)); // stable: string.GetHashCode is randomised per process
        var members = new StringBuilder();
        var tokens = new List<string>();
        for (int i = 0; i < 25; i++)
        {
            string token = FakeTokens.NpmToken(random);

            // In literals with escape sequences, the token's first and last characters may be written as escapes.
            string written = token;
            if ((kind == "regular" || kind == "regular-u8" || kind == "interpolated") && random.Next(2) == 0)
            {
                written = $"\\u{(int)token[0]:X4}" + token.Substring(1, token.Length - 2) + $"\\x{(int)token[^1]:x4}";
            }

            tokens.Add(written);
            string before = Text(random, kind), after = Text(random, kind);
            members.AppendLine($"    {(kind.EndsWith("u8", StringComparison.Ordinal) ? "System.ReadOnlySpan<byte>" : "string")} M{i}(int n) => {Literal(kind, before + " ", written, " " + after, random)};");
        }

        string source = "class C\n{\n" + members + "}\n";
        var diagnostics = await ConfigurationTests.RunAnalyzerAsync(source);
        Assert.AreEqual(tokens.Count, diagnostics.Length, source);
        Assert.IsTrue(source.Contains("\"", StringComparison.Ordinal));
        var found = diagnostics.Select(d => source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)).OrderBy(t => t, StringComparer.Ordinal);
        CollectionAssert.AreEqual(tokens.OrderBy(t => t, StringComparer.Ordinal).ToList(), found.ToList(), source);
    }

    private static string Text(Random random, string kind)
    {
        var text = new StringBuilder();
        int length = random.Next(0, 8);
        bool singleLineRaw = kind == "raw";
        while (text.Length < length)
        {
            string piece = Awkward.Substring(random.Next(Awkward.Length), 1);
            if (char.IsSurrogate(piece[0]))
            {
                piece = "\U0001F600"; // the whole pair, never half of it
            }

            if (kind.StartsWith("raw", StringComparison.Ordinal) || kind == "interpolated-raw-multi")
            {
                // Raw content: no quote (a run could close it), no braces in interpolated raw.
                if (piece == "\"" || (kind.StartsWith("interpolated", StringComparison.Ordinal) && (piece == "{" || piece == "}")))
                {
                    continue;
                }
            }

            text.Append(piece);
            if (!singleLineRaw && random.Next(6) == 0)
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Literal(string kind, string before, string token, string after, Random random)
    {
        switch (kind)
        {
            case "regular":
                return "\"" + Escape(before, random, braces: false) + token + Escape(after, random, braces: false) + "\"";
            case "regular-u8":
                return "\"" + Escape(before, random, braces: false) + token + Escape(after, random, braces: false) + "\"u8";
            case "verbatim":
                return "@\"" + before.Replace("\"", "\"\"") + token + after.Replace("\"", "\"\"") + "\"";
            case "interpolated":
                return "$\"" + Escape(before, random, braces: true) + "{n}" + Escape(" ", random, braces: true) + token + Escape(after, random, braces: true) + "\"";
            case "interpolated-verbatim":
                return "$@\"" + Double(before) + "{n} " + token + Double(after) + "\"";
            case "raw":
                return "\"\"\"" + " " + before + token + after + " " + "\"\"\"";
            case "raw-multi":
                return "\"\"\"\n" + Indent(before + token + after) + "\n        \"\"\"";
            default:
                return "$\"\"\"\n" + Indent(before + "{n} " + token + after) + "\n        \"\"\"";
        }
    }

    private static string Double(string text) => text.Replace("\"", "\"\"").Replace("{", "{{").Replace("}", "}}");

    private static string Indent(string text) =>
        string.Join("\n", text.Split('\n').Select(line => "        " + new string(' ', line.Length % 3) + line));

    private static string Escape(string text, Random random, bool braces)
    {
        var result = new StringBuilder();
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': result.Append(random.Next(2) == 0 ? "\\\"" : "\\u0022"); break;
                case '\\': result.Append("\\\\"); break;
                case '\n': result.Append(random.Next(2) == 0 ? "\\n" : "\\x000A"); break;
                case '\t': result.Append(random.Next(2) == 0 ? "\\t" : "\\U00000009"); break;
                case '{' when braces: result.Append("{{"); break;
                case '}' when braces: result.Append("}}"); break;
                case 'a': result.Append(random.Next(2) == 0 ? "a" : "\\x61"); break;
                default: result.Append(c); break;
            }
        }

        return result.ToString();
    }
}
