using System;
using System.Collections.Generic;
using System.Text;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Rules;
using NpmrcBuildCheck.Tokens;

namespace NpmrcBuildCheck.Detection;

/// <summary>A secret found inside a piece of text that is not a file, such as a C# string literal.</summary>
/// <param name="Start">Index of the secret's first character in the text.</param>
/// <param name="Length">Length of the secret.</param>
/// <param name="What">What was found, for messages: e.g. "npm access token" or "_authToken value".</param>
/// <param name="Redacted">The redacted secret.</param>
public sealed record EmbeddedSecret(int Start, int Length, string What, string Redacted);

/// <summary>
/// Finds npm credentials in free text: checksum-valid <c>npm_</c> tokens and npm-style
/// <c>_authToken=</c> / <c>_auth=</c> / <c>_password=</c> assignments with a literal value.
/// Used by the Roslyn analyzer on string literals.
/// </summary>
/// <remarks>
/// Assignments are read by the engine's own .npmrc reader (<see cref="ContentDetector"/> with
/// <see cref="FileKind.Npmrc"/>), so references such as <c>${NPM_TOKEN}</c>, quotes, comments
/// and placeholders are judged exactly as in a real <c>.npmrc</c>. Only its credential findings
/// (NPMRC001, NPMRC002) are kept; their line/column positions are mapped back to offsets in
/// the text, with lines split on <c>\r\n</c>, <c>\r</c> and <c>\n</c> as npm does.
/// </remarks>
public static class EmbeddedSecrets
{
    /// <summary>The path given to the .npmrc reader for a piece of text; never shown to users.</summary>
    internal const string PseudoPath = "<embedded>";

    private static readonly string[] AssignmentKeys = { "_auth", "_password" };

    /// <summary>The secrets in <paramref name="text"/>, ordered by position; one result per secret occurrence.</summary>
    public static IReadOnlyList<EmbeddedSecret> Find(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        List<EmbeddedSecret>? found = null;
        if (MayHoldAssignment(text))
        {
            FindAssignments(text, ref found);
        }

        if (text.IndexOf(NpmToken.Prefix, StringComparison.Ordinal) >= 0)
        {
            var tokens = new List<int>();
            NpmToken.FindAll(text, tokens.Add);
            foreach (int start in tokens)
            {
                // A token that is (part of) an assignment's value was reported with its key already.
                if (found is not null && Overlaps(found, start, NpmToken.Length))
                {
                    continue;
                }

                found ??= new List<EmbeddedSecret>();
                found.Add(TokenAt(text, start));
            }
        }

        if (found is null)
        {
            return Array.Empty<EmbeddedSecret>();
        }

        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Length.CompareTo(b.Length));
        return found;
    }

    /// <summary>
    /// The checksum-valid npm tokens in <paramref name="text"/>, ordered by position, without
    /// assignments: for free text such as comments, where <c>_authToken=…</c> is usually documentation.
    /// </summary>
    public static IReadOnlyList<EmbeddedSecret> FindTokens(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (text.IndexOf(NpmToken.Prefix, StringComparison.Ordinal) < 0)
        {
            return Array.Empty<EmbeddedSecret>();
        }

        var found = new List<EmbeddedSecret>();
        NpmToken.FindAll(text, start => found.Add(TokenAt(text, start)));
        return found;
    }

    private static EmbeddedSecret TokenAt(string text, int start) =>
        new(start, NpmToken.Length, "npm access token", Redaction.Redact(text.Substring(start, NpmToken.Length)));

    /// <summary>
    /// A cheap pre-check: false when <see cref="Find"/> certainly finds nothing in <paramref name="text"/>.
    /// Lets a caller skip preparing text (such as mapping a literal to its source) in the common case.
    /// </summary>
    public static bool MightContain(string text) =>
        text.IndexOf(NpmToken.Prefix, StringComparison.Ordinal) >= 0 || MayHoldAssignment(text);

    /// <summary>Cheap pre-check: only text with a credential key and an '=' goes to the .npmrc reader.</summary>
    private static bool MayHoldAssignment(string text)
    {
        if (text.IndexOf('=') < 0)
        {
            return false;
        }

        foreach (string key in AssignmentKeys)
        {
            if (text.IndexOf(key, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void FindAssignments(string text, ref List<EmbeddedSecret>? found)
    {
        var findings = new List<Finding>();

        // A reader may drop a leading byte-order mark and count columns after it; a space keeps
        // every column where it is and means the same to the .npmrc syntax (leading blanks are ignored).
        string input = text.Length > 0 && text[0] == '\uFEFF' ? " " + text.Substring(1) : text;
        ContentDetector.Detect(PseudoPath, FileKind.Npmrc, Encoding.UTF8.GetBytes(input), findings);
        if (findings.Count == 0)
        {
            return;
        }

        List<int> lineStarts = LineStarts(text);
        foreach (Finding finding in findings)
        {
            if (finding.Rule != RuleCatalog.HardCodedAuthToken && finding.Rule != RuleCatalog.HardCodedBasicAuth)
            {
                continue;
            }

            if (!TryOffset(text, lineStarts, finding.Line, finding.Column, out int start)
                || !TryOffset(text, lineStarts, finding.EndLine, finding.EndColumn, out int end)
                || end <= start)
            {
                // A position that does not fit the text would point at the wrong characters; the
                // reader and this mapping disagree on the text, which a test must catch, not the user.
                continue;
            }

            if (found is not null && Overlaps(found, start, end - start))
            {
                continue;
            }

            found ??= new List<EmbeddedSecret>();
            found.Add(new EmbeddedSecret(start, end - start, Describe(finding), finding.Redacted));
        }
    }

    private static string Describe(Finding finding)
    {
        string? key = finding.Key;
        if (string.IsNullOrEmpty(key))
        {
            return finding.Rule == RuleCatalog.HardCodedAuthToken ? "npm auth token" : "npm basic-auth credential";
        }

        // The key names the registry too (e.g. //registry.npmjs.org/:_authToken); it is not a secret.
        return "'" + key + "' value";
    }

    private static bool Overlaps(List<EmbeddedSecret> found, int start, int length)
    {
        foreach (EmbeddedSecret secret in found)
        {
            if (start < secret.Start + secret.Length && secret.Start < start + length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Start offsets of each line; a line ends at <c>\r\n</c>, <c>\r</c> or <c>\n</c>.</summary>
    internal static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    /// <summary>Offset of a 1-based line and column (UTF-16 code units); the column may be one past the line's end.</summary>
    private static bool TryOffset(string text, List<int> lineStarts, int line, int column, out int offset)
    {
        offset = -1;
        if (line < 1 || line > lineStarts.Count || column < 1)
        {
            return false;
        }

        int lineStart = lineStarts[line - 1];
        int lineEnd = line < lineStarts.Count ? lineStarts[line] : text.Length;
        while (lineEnd > lineStart && (text[lineEnd - 1] == '\n' || text[lineEnd - 1] == '\r'))
        {
            lineEnd--;
        }

        offset = lineStart + column - 1;
        return offset <= lineEnd;
    }
}
