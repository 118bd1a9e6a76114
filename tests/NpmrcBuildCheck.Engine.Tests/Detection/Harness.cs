using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Engine.Tests.Detection;

/// <summary>
/// Corpus helpers. Templates use placeholders for every secret ({T} a checksum-valid token from
/// FakeTokens, {BAD} one with a wrong checksum, {U} a UUID, {O} an opaque token, {B64UP} base64 of
/// user:password, …) and «…» markers around the exact span a finding must cover.
/// </summary>
internal static class Harness
{
    public static readonly IReadOnlyDictionary<string, string> Values = BuildValues();

    /// <summary>Secrets that must never appear in a finding (placeholder values plus decoded forms).</summary>
    public static readonly IReadOnlyList<string> Secrets = Values.Values.Concat(new[] { "alice:s3cretPass", "hunter2hunter2" }).ToList();

    private static Dictionary<string, string> BuildValues()
    {
        string pat = new string(FakeTokens.Opaque(9, 52).Select(c => "abcdefghijklmnopqrstuvwxyz234567"[c % 32]).ToArray());
        return new Dictionary<string, string>
        {
            ["{T}"] = FakeTokens.NpmToken(1),
            ["{T2}"] = FakeTokens.NpmToken(2),
            ["{BAD}"] = FakeTokens.WithBadChecksum(FakeTokens.NpmToken(3)),
            ["{U}"] = FakeTokens.Uuid(4),
            ["{O}"] = FakeTokens.Opaque(5),
            ["{O2}"] = FakeTokens.Opaque(6),
            ["{B64UP}"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:s3cretPass")),
            ["{B64P}"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("hunter2hunter2")),
            ["{B64PAT}"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(pat)),
            ["{JWT}"] = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmYWtlIn0." + FakeTokens.Opaque(7, 43),
        };
    }

    public static string Expand(string template)
    {
        string text = template;
        foreach (var pair in Values)
        {
            text = text.Replace(pair.Key, pair.Value);
        }

        return text;
    }

    public sealed record Span(int Line, int Column, int EndColumn, string Text);

    /// <summary>Removes «…» markers and returns where they were, counting lines and columns like the detector.</summary>
    public static (string Text, List<Span> Spans) StripMarkers(string marked, bool lfOnly)
    {
        var sb = new StringBuilder();
        var spans = new List<Span>();
        int line = 1, col = 1;
        int openLine = 0, openCol = 0;
        var inner = new StringBuilder();
        bool open = false;
        for (int i = 0; i < marked.Length; i++)
        {
            char c = marked[i];
            if (c == '«')
            {
                open = true;
                openLine = line;
                openCol = col;
                inner.Clear();
                continue;
            }

            if (c == '»')
            {
                open = false;
                Assert.AreEqual(openLine, line, "markers must be on one line");
                spans.Add(new Span(openLine, openCol, col, inner.ToString()));
                continue;
            }

            sb.Append(c);
            if (open)
            {
                inner.Append(c);
            }

            if (c == '\n' || (!lfOnly && c == '\r' && (i + 1 >= marked.Length || marked[i + 1] != '\n')))
            {
                line++;
                col = 1;
            }
            else if (c == '\r' && !lfOnly)
            {
                // CRLF: the LF breaks the line.
            }
            else if (!(i == 0 && c == '\uFEFF'))
            {
                col++;
            }
        }

        return (sb.ToString(), spans);
    }

    public static List<Finding> Run(FileKind kind, string text, string path = "dir/file")
    {
        var findings = new List<Finding>();
        ContentDetector.Detect(path, kind, Encoding.UTF8.GetBytes(text), findings);
        return findings;
    }

    public static List<Finding> Run(FileKind kind, byte[] bytes, string path = "dir/file")
    {
        var findings = new List<Finding>();
        ContentDetector.Detect(path, kind, bytes, findings);
        return findings;
    }

    public static string Describe(IEnumerable<Finding> findings) =>
        string.Join("; ", findings.Select(f => $"{f.Rule.Code}@{f.Line}:{f.Column}-{f.EndColumn} key={f.Key} [{f.Message}]"));

    /// <summary>No finding field holds a secret: not the placeholder values, not the marked spans of credential findings.</summary>
    public static void AssertNoSecrets(IEnumerable<Finding> findings, IEnumerable<string> extraSecrets)
    {
        var secrets = Secrets.Concat(extraSecrets.Where(s => s.Length >= 6)).ToList();
        foreach (var f in findings)
        {
            foreach (var secret in secrets)
            {
                foreach (var field in new[] { f.Key ?? string.Empty, f.Message, f.Redacted, f.Path, f.SubjectDigest })
                {
                    Assert.IsFalse(field.Contains(secret, StringComparison.Ordinal), $"{f.Rule.Code} field holds a secret: {field}");
                }
            }
        }
    }

    /// <summary>Runs one corpus row: codes (space-separated, any order, "" for none) and marked spans must match.</summary>
    public static void Check(FileKind kind, string template, string codes, string path = "dir/file")
    {
        string expanded = Expand(template);
        var (text, spans) = StripMarkers(expanded, kind == FileKind.Text);
        var findings = Run(kind, text, path);
        var actual = findings.Select(f => f.Rule.Code).OrderBy(c => c, StringComparer.Ordinal).ToList();
        var expected = codes.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).OrderBy(c => c, StringComparer.Ordinal).ToList();
        string context = $"{kind} «{template}» → {Describe(findings)}";
        CollectionAssert.AreEqual(expected, actual, context);
        foreach (var span in spans)
        {
            Assert.IsTrue(findings.Any(f => f.Line == span.Line && f.Column == span.Column && f.EndColumn == span.EndColumn && f.EndLine == span.Line),
                $"no finding at {span.Line}:{span.Column}-{span.EndColumn}: {context}");
        }

        var credentialSpans = spans.Where(s => findings.Any(f => f.Line == s.Line && f.Column == s.Column
            && NpmrcBuildCheck.Rules.RuleCatalog.IsCredentialRule(f.Rule))).Select(s => s.Text);
        AssertNoSecrets(findings, credentialSpans);
    }
}
