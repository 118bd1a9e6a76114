using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace NpmrcBuildCheck.Analyzers;

/// <summary>
/// The run-time text of one string-literal token (or one text part of an interpolated string)
/// and, when it can be worked out exactly, where each of its characters comes from in the source.
/// </summary>
/// <remarks>
/// The map is built by decoding the token's source text ourselves (escape sequences, doubled
/// quotes and braces, raw-string indentation) and is used only when the result equals what the
/// compiler decoded. Otherwise the whole token is the location: a coarser location, never a wrong one.
/// </remarks>
internal sealed class LiteralText
{
    private readonly int[]? _starts;
    private readonly int[]? _ends;

    private LiteralText(string value, TextSpan tokenSpan, int[]? starts, int[]? ends)
    {
        Value = value;
        TokenSpan = tokenSpan;
        _starts = starts;
        _ends = ends;
    }

    /// <summary>The text the program sees at run time.</summary>
    public string Value { get; }

    /// <summary>The span of the whole token.</summary>
    public TextSpan TokenSpan { get; }

    /// <summary>The source span of <paramref name="length"/> value characters from <paramref name="start"/>; the whole token when not mapped.</summary>
    public TextSpan SourceSpan(int start, int length)
    {
        if (_starts is null || _ends is null || length <= 0 || start < 0 || start + length > _starts.Length)
        {
            return TokenSpan;
        }

        return TextSpan.FromBounds(_starts[start], _ends[start + length - 1]);
    }

    /// <summary>Reads a string-literal token or an interpolated string's text token; null for any other token.</summary>
    public static LiteralText? Read(SyntaxToken token)
    {
        string text = token.Text;
        switch (token.Kind())
        {
            case SyntaxKind.StringLiteralToken:
            case SyntaxKind.Utf8StringLiteralToken:
            {
                int suffix = token.IsKind(SyntaxKind.Utf8StringLiteralToken) ? 2 : 0;
                bool verbatim = text.StartsWith("@", StringComparison.Ordinal);
                int start = verbatim ? 2 : 1;
                int end = text.Length - 1 - suffix;
                return Decode(token, token.ValueText, start, end, escapes: !verbatim, doubledQuotes: verbatim, doubledBraces: false);
            }

            case SyntaxKind.SingleLineRawStringLiteralToken:
            case SyntaxKind.Utf8SingleLineRawStringLiteralToken:
            {
                int suffix = token.IsKind(SyntaxKind.Utf8SingleLineRawStringLiteralToken) ? 2 : 0;
                int quotes = CountQuotes(text, 0);
                return Verbatim(token, token.ValueText, quotes, text.Length - quotes - suffix);
            }

            case SyntaxKind.MultiLineRawStringLiteralToken:
            case SyntaxKind.Utf8MultiLineRawStringLiteralToken:
            {
                int suffix = token.IsKind(SyntaxKind.Utf8MultiLineRawStringLiteralToken) ? 2 : 0;
                var lines = Lines.Split(text, 0, text.Length - suffix);

                // Opening delimiter line, content lines, closing delimiter line; the value is the
                // content lines without their common indentation and without the last line break.
                if (lines.Count >= 3)
                {
                    int contentStart = lines[1].Start;
                    int contentEnd = lines[lines.Count - 2].ContentEnd;
                    var mapped = IndentStripped(token, token.ValueText, contentStart, contentEnd);
                    if (mapped is not null)
                    {
                        return mapped;
                    }
                }

                return new LiteralText(token.ValueText, token.Span, null, null);
            }

            case SyntaxKind.InterpolatedStringTextToken:
            {
                var start = (token.Parent?.Parent as Microsoft.CodeAnalysis.CSharp.Syntax.InterpolatedStringExpressionSyntax)?.StringStartToken ?? default;
                switch (start.Kind())
                {
                    case SyntaxKind.InterpolatedStringStartToken:
                        return Decode(token, token.ValueText, 0, text.Length, escapes: true, doubledQuotes: false, doubledBraces: true);
                    case SyntaxKind.InterpolatedVerbatimStringStartToken:
                        return Decode(token, token.ValueText, 0, text.Length, escapes: false, doubledQuotes: true, doubledBraces: true);
                    case SyntaxKind.InterpolatedSingleLineRawStringStartToken:
                        return Verbatim(token, token.ValueText, 0, text.Length);
                    case SyntaxKind.InterpolatedMultiLineRawStringStartToken:
                        return IndentStripped(token, token.ValueText, 0, text.Length)
                            ?? new LiteralText(token.ValueText, token.Span, null, null);
                    default:
                        return new LiteralText(token.ValueText, token.Span, null, null);
                }
            }

            default:
                return null;
        }
    }

    private static int CountQuotes(string text, int from)
    {
        int i = from;
        while (i < text.Length && text[i] == '"')
        {
            i++;
        }

        return i - from;
    }

    /// <summary>Source characters [start, end) of the token are the value, one for one.</summary>
    private static LiteralText Verbatim(SyntaxToken token, string expected, int start, int end)
    {
        string text = token.Text;
        if (start < 0 || end > text.Length || end - start != expected.Length || string.CompareOrdinal(text, start, expected, 0, expected.Length) != 0)
        {
            return new LiteralText(expected, token.Span, null, null);
        }

        var starts = new int[expected.Length];
        var ends = new int[expected.Length];
        for (int i = 0; i < expected.Length; i++)
        {
            starts[i] = token.SpanStart + start + i;
            ends[i] = starts[i] + 1;
        }

        return new LiteralText(expected, token.Span, starts, ends);
    }

    /// <summary>
    /// Raw-string content [start, end) of the token, whose value has the same lines, each a suffix
    /// of its source line (indentation removed), with the same line breaks. Null when they do not fit.
    /// </summary>
    private static LiteralText? IndentStripped(SyntaxToken token, string expected, int start, int end)
    {
        string text = token.Text;
        var sourceLines = Lines.Split(text, start, end);
        var valueLines = Lines.Split(expected, 0, expected.Length);
        if (sourceLines.Count != valueLines.Count)
        {
            return null;
        }

        var starts = new int[expected.Length];
        var ends = new int[expected.Length];
        for (int l = 0; l < sourceLines.Count; l++)
        {
            var s = sourceLines[l];
            var v = valueLines[l];
            int contentLength = v.ContentEnd - v.Start;
            int sourceContentLength = s.ContentEnd - s.Start;
            if (contentLength > sourceContentLength)
            {
                return null;
            }

            int from = s.ContentEnd - contentLength;
            if (string.CompareOrdinal(text, from, expected, v.Start, contentLength) != 0)
            {
                return null;
            }

            // The removed part must be whitespace (indentation), and the line breaks must agree.
            for (int i = s.Start; i < from; i++)
            {
                if (!char.IsWhiteSpace(text[i]))
                {
                    return null;
                }
            }

            int breakLength = v.End - v.ContentEnd;
            if (breakLength != s.End - s.ContentEnd || string.CompareOrdinal(text, s.ContentEnd, expected, v.ContentEnd, breakLength) != 0)
            {
                return null;
            }

            for (int i = 0; i < contentLength + breakLength; i++)
            {
                starts[v.Start + i] = token.SpanStart + from + i;
                ends[v.Start + i] = starts[v.Start + i] + 1;
            }
        }

        return new LiteralText(expected, token.Span, starts, ends);
    }

    /// <summary>Decodes source characters [start, end) of the token with the given rules and keeps the map if it reproduces the compiler's value.</summary>
    private static LiteralText Decode(SyntaxToken token, string expected, int start, int end, bool escapes, bool doubledQuotes, bool doubledBraces)
    {
        string text = token.Text;

        // The compiler keeps "{{" and "}}" doubled in an interpolated text token's ValueText; the
        // program sees them single. Scan what the program sees.
        string value = doubledBraces ? expected.Replace("{{", "{").Replace("}}", "}") : expected;
        if (start < 0 || end < start || end > text.Length)
        {
            return new LiteralText(value, token.Span, null, null);
        }

        var decoded = new StringBuilder(end - start);
        var starts = new List<int>(end - start);
        var ends = new List<int>(end - start);
        int i = start;
        while (i < end)
        {
            char c = text[i];
            int length = 1;
            if (escapes && c == '\\')
            {
                if (!TryEscape(text, i, end, decoded, out length))
                {
                    return new LiteralText(value, token.Span, null, null);
                }
            }
            else if ((doubledQuotes && c == '"') || (doubledBraces && (c == '{' || c == '}')))
            {
                if (i + 1 >= end || text[i + 1] != c)
                {
                    return new LiteralText(value, token.Span, null, null);
                }

                decoded.Append(c);
                length = 2;
            }
            else
            {
                decoded.Append(c);
            }

            while (starts.Count < decoded.Length)
            {
                starts.Add(token.SpanStart + i);
                ends.Add(token.SpanStart + i + length);
            }

            i += length;
        }

        string result = decoded.ToString();
        if (!string.Equals(result, value, StringComparison.Ordinal) && !string.Equals(result, expected, StringComparison.Ordinal))
        {
            return new LiteralText(value, token.Span, null, null);
        }

        return new LiteralText(result, token.Span, starts.ToArray(), ends.ToArray());
    }

    private static bool TryEscape(string text, int at, int end, StringBuilder decoded, out int length)
    {
        length = 0;
        if (at + 1 >= end)
        {
            return false;
        }

        char kind = text[at + 1];
        char simple;
        switch (kind)
        {
            case '\'': simple = '\''; break;
            case '"': simple = '"'; break;
            case '\\': simple = '\\'; break;
            case '0': simple = '\0'; break;
            case 'a': simple = '\a'; break;
            case 'b': simple = '\b'; break;
            case 'f': simple = '\f'; break;
            case 'n': simple = '\n'; break;
            case 'r': simple = '\r'; break;
            case 't': simple = '\t'; break;
            case 'v': simple = '\v'; break;
            case 'e': simple = '\u001b'; break;
            case 'x':
            {
                int digits = 0;
                while (digits < 4 && at + 2 + digits < end && IsHex(text[at + 2 + digits]))
                {
                    digits++;
                }

                if (digits == 0)
                {
                    return false;
                }

                decoded.Append((char)int.Parse(text.Substring(at + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                length = 2 + digits;
                return true;
            }

            case 'u':
            case 'U':
            {
                int digits = kind == 'u' ? 4 : 8;
                if (at + 2 + digits > end)
                {
                    return false;
                }

                for (int d = 0; d < digits; d++)
                {
                    if (!IsHex(text[at + 2 + d]))
                    {
                        return false;
                    }
                }

                uint code = uint.Parse(text.Substring(at + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                if (code <= 0xFFFF)
                {
                    decoded.Append((char)code);
                }
                else if (code <= 0x10FFFF)
                {
                    decoded.Append(char.ConvertFromUtf32((int)code));
                }
                else
                {
                    return false;
                }

                length = 2 + digits;
                return true;
            }

            default:
                return false;
        }

        decoded.Append(simple);
        length = 2;
        return true;
    }

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    /// <summary>Line splitting with the C# line terminators.</summary>
    private static class Lines
    {
        public static List<Line> Split(string text, int start, int end)
        {
            var lines = new List<Line>();
            int lineStart = start;
            int i = start;
            while (i < end)
            {
                char c = text[i];
                if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                {
                    int breakEnd = c == '\r' && i + 1 < end && text[i + 1] == '\n' ? i + 2 : i + 1;
                    lines.Add(new Line(lineStart, i, breakEnd));
                    lineStart = breakEnd;
                    i = breakEnd;
                }
                else
                {
                    i++;
                }
            }

            lines.Add(new Line(lineStart, end, end));
            return lines;
        }
    }

    /// <summary>A line: [Start, ContentEnd) its text, [ContentEnd, End) its line break.</summary>
    private readonly struct Line
    {
        public Line(int start, int contentEnd, int end)
        {
            Start = start;
            ContentEnd = contentEnd;
            End = end;
        }

        public int Start { get; }

        public int ContentEnd { get; }

        public int End { get; }
    }
}
