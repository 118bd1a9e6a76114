using System;
using System.Collections.Generic;
using NpmrcBuildCheck.Findings;

namespace NpmrcBuildCheck.Detection;

/// <summary>
/// Inline suppression: a comment containing <c>npmrc-buildcheck-ignore</c>, optionally followed by codes
/// (space- or comma-separated), on a finding's line or the line just above it.
/// </summary>
internal static class Suppressions
{
    public const string Marker = "npmrc-buildcheck-ignore";

    /// <summary>Removes suppressed findings. <paramref name="lineText"/> returns a 1-based line's text, or null.</summary>
    public static void Apply(List<Finding> items, Func<int, string?> lineText)
    {
        var cache = new Dictionary<int, HashSet<string>?>();
        HashSet<string>? Get(int line)
        {
            if (!cache.TryGetValue(line, out var codes))
            {
                codes = Parse(lineText(line));
                cache[line] = codes;
            }

            return codes;
        }

        items.RemoveAll(f => Suppresses(Get(f.Line), f.Rule.Code) || Suppresses(Get(f.Line - 1), f.Rule.Code));
    }

    private static bool Suppresses(HashSet<string>? codes, string code) => codes != null && (codes.Count == 0 || codes.Contains(code));

    /// <summary>Null when the line has no suppression comment; an empty set for "all codes".</summary>
    internal static HashSet<string>? Parse(string? line)
    {
        if (line == null)
        {
            return null;
        }

        int at = line.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0 || !IsInComment(line, at))
        {
            return null;
        }

        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int p = at + Marker.Length;
        if (p < line.Length && (line[p] == ':' || line[p] == '='))
        {
            p++;
        }

        while (p < line.Length)
        {
            while (p < line.Length && (line[p] == ' ' || line[p] == '\t' || line[p] == ','))
            {
                p++;
            }

            int s = p;
            while (p < line.Length && char.IsLetterOrDigit(line[p]))
            {
                p++;
            }

            string word = line.Substring(s, p - s);
            if (word.Length == 8 && word.StartsWith("NPMRC", StringComparison.OrdinalIgnoreCase) && char.IsDigit(word[5]) && char.IsDigit(word[6]) && char.IsDigit(word[7]))
            {
                codes.Add(word.ToUpperInvariant());
            }
            else
            {
                break;
            }
        }

        return codes;
    }

    private static bool IsInComment(string line, int at)
    {
        string before = line.Substring(0, at);
        if (before.IndexOf('#') >= 0 || before.IndexOf(';') >= 0 || before.IndexOf("//", StringComparison.Ordinal) >= 0
            || before.IndexOf("<!--", StringComparison.Ordinal) >= 0 || before.IndexOf("/*", StringComparison.Ordinal) >= 0
            || before.IndexOf("--", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        string trimmed = before.TrimStart();
        return trimmed.StartsWith("REM", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("::", StringComparison.Ordinal)
            || trimmed.StartsWith("'", StringComparison.Ordinal) || trimmed.StartsWith("@REM", StringComparison.OrdinalIgnoreCase);
    }
}
