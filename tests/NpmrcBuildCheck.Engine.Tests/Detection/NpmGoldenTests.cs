using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Engine.Tests.Detection;

/// <summary>
/// Differential tests against golden files produced by the real npm (Corpus/make-*.js): thousands of
/// random .npmrc texts decoded by npm's bundled <c>ini</c>, and strict-ssl lines evaluated by npm's own
/// config loader. The parser must agree on every top-level entry and every strict-ssl verdict.
/// </summary>
[TestClass]
public sealed class NpmGoldenTests
{
    private static string CorpusPath(string name, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "..", "Corpus", name);

    [TestMethod]
    public void TopLevelEntriesAgreeWithNpmsIni()
    {
        using var golden = JsonDocument.Parse(File.ReadAllText(CorpusPath("ini-golden.json")));
        var report = new StringBuilder();
        int differ = 0, total = 0;
        foreach (var c in golden.RootElement.GetProperty("cases").EnumerateArray())
        {
            total++;
            string text = c.GetProperty("text").GetString()!;
            var objects = new HashSet<string>(c.GetProperty("objects").EnumerateArray().Select(o => o.GetString()!), StringComparer.Ordinal);
            string theirs = string.Join(";", c.GetProperty("top").EnumerateObject()
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => p.Name + "=" + Show(p.Value.GetProperty("kind").GetString()!, p.Value.GetProperty("value").GetString())));
            string ours = Ours(text, objects);
            if (ours != theirs)
            {
                differ++;
                report.AppendLine($"{JsonSerializer.Serialize(text)}: ini {theirs} / ours {ours}");
            }
        }

        Assert.AreEqual(0, differ, $"{differ} of {total} differ:\n{report}");
        Assert.IsGreaterThan(4000, total);
    }

    private static string Show(string kind, string? value) => kind == "number" ? "number" : kind + ":" + value;

    private static string Ours(string text, HashSet<string> objects)
    {
        var doc = DecodedText.FromString(text);
        var entries = NpmrcReader.Parse(doc, new int[doc.Lines.Count], out _)
            .Where(e => e.Section == null && !e.DroppedByNpm && e.Key != "__proto__").ToList();
        static bool IsArray(string k) => k.Length > 2 && k.EndsWith("[]", StringComparison.Ordinal);
        var arrays = new HashSet<string>(entries.Where(e => IsArray(e.Key)).Select(e => e.Key.Substring(0, e.Key.Length - 2)), StringComparer.Ordinal);
        var top = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in entries.Where(e => !IsArray(e.Key) && !arrays.Contains(e.Key) && !objects.Contains(e.Key)))
        {
            string? shown = e.Value.Kind switch
            {
                NpmrcReader.ValueKind.NoValue or NpmrcReader.ValueKind.True => "boolean:true",
                NpmrcReader.ValueKind.False => "boolean:false",
                NpmrcReader.ValueKind.Null => "null:",
                NpmrcReader.ValueKind.Number => "number",
                NpmrcReader.ValueKind.Other => null,
                _ => "string:" + e.Value.Text,
            };
            if (shown == null)
            {
                top.Remove(e.Key);
            }
            else
            {
                top[e.Key] = shown;
            }
        }

        return string.Join(";", top.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
    }

    [TestMethod]
    public void StrictSslAgreesWithNpmsConfigLoader()
    {
        using var golden = JsonDocument.Parse(File.ReadAllText(CorpusPath("strict-ssl-golden.json")));
        var report = new StringBuilder();
        int differ = 0, total = 0, disabled = 0;
        foreach (var c in golden.RootElement.GetProperty("cases").EnumerateArray())
        {
            total++;
            string line = c.GetProperty("line").GetString()!;
            bool npmDisabled = c.GetProperty("strictSSL").ValueKind == JsonValueKind.False;
            disabled += npmDisabled ? 1 : 0;
            bool reported = Harness.Run(FileKind.Npmrc, line + "\n").Any(f => f.Rule.Code == "NPMRC006");
            if (reported != npmDisabled)
            {
                differ++;
                report.AppendLine($"{JsonSerializer.Serialize(line)}: npm strictSSL={!npmDisabled}, NPMRC006={reported}");
            }
        }

        Assert.AreEqual(0, differ, $"{differ} of {total} differ:\n{report}");
        Assert.IsGreaterThan(50, disabled);
    }
}

[TestClass]
public sealed class NpmEnvReplaceGoldenTests
{
    private static string CorpusPath(string name, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "..", "Corpus", name);

    /// <summary>
    /// A value classified as a pure reference has no letter or digit left once npm has expanded it; a
    /// literal one does; a broken one leaves text behind; an empty one expands nothing.
    /// </summary>
    [TestMethod]
    public void ClassificationAgreesWithNpmsEnvReplace()
    {
        using var golden = JsonDocument.Parse(File.ReadAllText(CorpusPath("env-replace-golden.json")));
        var report = new StringBuilder();
        int differ = 0, total = 0;
        foreach (var c in golden.RootElement.GetProperty("cases").EnumerateArray())
        {
            total++;
            string v = c.GetProperty("v").GetString()!;
            string r = c.GetProperty("r").GetString()!;
            string left = r.Replace("\u0001", string.Empty);
            bool alnum = left.Any(char.IsLetterOrDigit);
            bool ok = ReferenceSyntax.ClassifyNpmrc(v).Class switch
            {
                ValueClass.PureReference => !alnum,
                ValueClass.Literal => alnum,
                ValueClass.BrokenReference => left.Length > 0,
                _ => !alnum && r.IndexOf('\u0001') < 0,
            };
            if (!ok)
            {
                differ++;
                report.AppendLine($"{JsonSerializer.Serialize(v)} -> {JsonSerializer.Serialize(r)}");
            }
        }

        Assert.AreEqual(0, differ, $"{differ} of {total} differ:\n{report}");
        Assert.IsGreaterThan(1000, total);
    }
}
