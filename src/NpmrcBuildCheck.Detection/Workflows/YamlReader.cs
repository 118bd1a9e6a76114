using System;
using System.Collections.Generic;
using System.Text;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Workflows;

/// <summary>
/// A small YAML reader for CI files (GitHub Actions workflows, <c>.gitlab-ci.yml</c>, CircleCI
/// config): block maps and sequences (also compact <c>- key: value</c> and a sequence at its
/// key's indentation), plain, quoted and block scalars, flow collections, comments, anchors,
/// aliases and <c>&lt;&lt;</c> merge keys, tags. Every node keeps its line and column. One
/// document (reading stops at a second <c>---</c>). Each line is visited a bounded number of times
/// and nesting is capped, so the work is linear; input it cannot read yields null or a partial
/// tree, never an exception.
/// </summary>
internal sealed class YamlReader
{
    private const int MaxDepth = 64;

    /// <summary>Entries copied by merge keys: the cap keeps alias fan-out linear.</summary>
    private const int MergeBudget = 100_000;

    private readonly DecodedText doc;
    private readonly string text;
    private readonly List<TextLine> lines;
    private readonly int[] indent;   // column of the first content character; -1 for blank and comment-only lines
    private readonly int[] rawIndent; // leading blanks, also on comment lines (block scalars keep '#' lines)
    private readonly bool[] blank;
    private readonly Dictionary<string, YamlNode> anchors = new(StringComparer.Ordinal);
    private readonly int endLine;
    private int li;
    private int depth;
    private int mergeBudget = MergeBudget;
    private bool failed;

    private YamlReader(DecodedText doc)
    {
        this.doc = doc;
        text = doc.Text;
        lines = doc.Lines;
        int n = lines.Count;
        indent = new int[n];
        rawIndent = new int[n];
        blank = new bool[n];
        endLine = n;
        bool content = false;
        for (int i = 0; i < n; i++)
        {
            int s = lines[i].Start, e = lines[i].End, p = s;
            while (p < e && (text[p] == ' ' || text[p] == '\t' || text[p] == '\uFEFF'))
            {
                p++;
            }

            rawIndent[i] = p - s;
            blank[i] = p == e;
            indent[i] = p == e || text[p] == '#' ? -1 : p - s;
            if (p == s && (IsMarker(s, e, '-') || IsMarker(s, e, '.') || (!content && p < e && text[p] == '%')))
            {
                if (content)
                {
                    endLine = i;
                    break;
                }

                indent[i] = -1;
            }

            content |= indent[i] >= 0;
        }
    }

    /// <summary>Reads the document's root node; null when it is empty or cannot be read.</summary>
    public static YamlNode? Read(DecodedText doc)
    {
        var reader = new YamlReader(doc);
        var root = reader.ParseBlock(-1);
        return reader.failed ? null : root;
    }

    private bool IsMarker(int s, int e, char c) =>
        e - s >= 3 && text[s] == c && text[s + 1] == c && text[s + 2] == c && (e - s == 3 || text[s + 3] == ' ' || text[s + 3] == '\t');

    private int LineStart => lines[li].Start;

    private int LineEnd => lines[li].End;

    private void SkipBlank()
    {
        while (li < endLine && indent[li] < 0)
        {
            li++;
        }
    }

    /// <summary>A block node on the next content line, if it is indented more than <paramref name="parentIndent"/>.</summary>
    private YamlNode? ParseBlock(int parentIndent)
    {
        SkipBlank();
        if (li >= endLine || indent[li] <= parentIndent)
        {
            return null;
        }

        return ParseValue(LineStart + indent[li], parentIndent, compact: true, mapValue: false);
    }

    /// <summary>
    /// The node starting at <paramref name="at"/> on the current line, whose block children must be
    /// indented more than <paramref name="parentIndent"/>. <paramref name="compact"/> allows a map or
    /// sequence to start on this line (sequence items, fresh lines); a map value is a scalar or flow.
    /// Leaves <see cref="li"/> on the first line after the node.
    /// </summary>
    private YamlNode ParseValue(int at, int parentIndent, bool compact, bool mapValue)
    {
        int line = li;
        if (++depth > MaxDepth)
        {
            failed = true;
        }

        try
        {
            if (failed)
            {
                li = endLine;
                return Empty(line, at);
            }

            string? anchor = null, tag = null;
            at = ReadProperties(at, ref anchor, ref tag);
            YamlNode node;
            if (AtEndOfContent(at))
            {
                li++;
                SkipBlank();
                YamlNode? below = null;
                if (li < endLine && indent[li] > parentIndent)
                {
                    below = ParseValue(LineStart + indent[li], parentIndent, compact: true, mapValue: false);
                }
                else if (mapValue && li < endLine && indent[li] == parentIndent && IsDash(LineStart + indent[li]))
                {
                    below = ParseSequence(LineStart + indent[li]);
                }

                node = below ?? Empty(line, at);
            }
            else if (compact && IsDash(at))
            {
                node = ParseSequence(at);
            }
            else if (compact && TryReadKey(at, out _, out _))
            {
                node = ParseMap(at);
            }
            else
            {
                node = ParseInline(at, Math.Max(parentIndent, 0), parentIndent);
            }

            return WithProperties(node, anchor, tag);
        }
        finally
        {
            depth--;
        }
    }

    /// <summary>Gives <paramref name="node"/> its tag and registers its anchor (a later anchor of the same name wins, as in YAML).</summary>
    private YamlNode WithProperties(YamlNode node, string? anchor, string? tag)
    {
        if (tag != null)
        {
            node.Tag = tag;
        }

        if (anchor != null)
        {
            anchors[anchor] = node;
        }

        return node;
    }

    private YamlNode Empty(int line, int at) =>
        YamlNode.Scalar(string.Empty, lines[Math.Min(line, lines.Count - 1)].Number, Column(line, at), lines[Math.Min(line, lines.Count - 1)].Number, Column(line, at));

    private int Column(int line, int offset) => line < lines.Count ? Math.Max(1, offset - lines[line].Start + 1) : 1;

    private bool IsBlankAt(int p) => p >= text.Length || text[p] == ' ' || text[p] == '\t' || text[p] == '\r' || text[p] == '\n';

    private bool IsDash(int at) => at < LineEnd && text[at] == '-' && (at + 1 == LineEnd || IsBlankAt(at + 1));

    private int SkipSpaces(int p, int end)
    {
        while (p < end && (text[p] == ' ' || text[p] == '\t'))
        {
            p++;
        }

        return p;
    }

    /// <summary>True when only blanks or a comment remain on the current line from <paramref name="at"/>.</summary>
    private bool AtEndOfContent(int at)
    {
        at = SkipSpaces(at, LineEnd);
        return at >= LineEnd || text[at] == '#';
    }

    /// <summary>Skips <c>&amp;anchor</c> and <c>!tag</c> properties.</summary>
    private int ReadProperties(int at, ref string? anchor, ref string? tag)
    {
        while (at < LineEnd && (text[at] == '&' || text[at] == '!'))
        {
            int start = at + 1;
            int p = start;
            while (p < LineEnd && !IsBlankAt(p))
            {
                p++;
            }

            string name = text.Substring(start, p - start);
            if (text[at] == '&')
            {
                anchor = name;
            }
            else
            {
                tag = name.TrimStart('!');
            }

            at = SkipSpaces(p, LineEnd);
        }

        return at;
    }

    private YamlNode ParseSequence(int at)
    {
        int c = at - LineStart;
        var seq = YamlNode.Collection(YamlNodeKind.Sequence, lines[li].Number, c + 1);
        while (!failed)
        {
            seq.Items.Add(ParseValue(SkipSpaces(at + 1, LineEnd), c, compact: true, mapValue: false));
            if (!NextSibling(c))
            {
                break;
            }

            at = LineStart + c;
            if (!IsDash(at))
            {
                break;
            }
        }

        return seq;
    }

    private YamlNode ParseMap(int at)
    {
        int c = at - LineStart;
        var map = YamlNode.Collection(YamlNodeKind.Map, lines[li].Number, c + 1);
        while (!failed && TryReadKey(at, out var key, out int afterColon))
        {
            var value = ParseValue(SkipSpaces(afterColon, LineEnd), c, compact: false, mapValue: true);
            map.Entries.Add(new KeyValuePair<YamlNode, YamlNode>(key, value));
            if (!NextSibling(c))
            {
                break;
            }

            at = LineStart + c;
        }

        ApplyMerges(map);
        return map;
    }

    /// <summary>
    /// Moves to the next content line; lines indented deeper than a finished entry are malformed and
    /// skipped. True when that line continues the collection at column <paramref name="c"/>.
    /// </summary>
    private bool NextSibling(int c)
    {
        SkipBlank();
        while (li < endLine && indent[li] > c)
        {
            li++;
            SkipBlank();
        }

        return !failed && li < endLine && indent[li] == c;
    }

    /// <summary>A block-map key at <paramref name="at"/>: plain or quoted, then <c>:</c> and a blank or the line's end.</summary>
    private bool TryReadKey(int at, out YamlNode key, out int afterColon)
    {
        key = null!;
        afterColon = 0;
        int end = LineEnd;
        if (at >= end)
        {
            return false;
        }

        char first = text[at];
        int keyEnd;
        string value;
        if (first == '"' || first == '\'')
        {
            int close = YamlQuotes.ClosingQuote(text, at, end);
            if (close < 0)
            {
                return false;
            }

            value = YamlQuotes.Unquote(text, at, close);
            keyEnd = close + 1;
            int p = SkipSpaces(keyEnd, end);
            if (p >= end || text[p] != ':' || !(p + 1 >= end || IsBlankAt(p + 1)))
            {
                return false;
            }

            afterColon = p + 1;
        }
        else
        {
            if ("[]{}#,|>@`%?".IndexOf(first) >= 0 || IsDash(at) || (first == '*'))
            {
                return false;
            }

            int p = at;
            while (p < end && !(text[p] == ':' && (p + 1 >= end || IsBlankAt(p + 1))))
            {
                if (text[p] == '#' && p > at && (text[p - 1] == ' ' || text[p - 1] == '\t'))
                {
                    return false;
                }

                p++;
            }

            if (p >= end)
            {
                return false;
            }

            keyEnd = p;
            while (keyEnd > at && (text[keyEnd - 1] == ' ' || text[keyEnd - 1] == '\t'))
            {
                keyEnd--;
            }

            if (keyEnd == at)
            {
                return false;
            }

            value = text.Substring(at, keyEnd - at);
            afterColon = p + 1;
        }

        key = YamlNode.Scalar(value, lines[li].Number, Column(li, at), lines[li].Number, Column(li, keyEnd));
        return true;
    }

    /// <summary>A scalar, quoted scalar, block scalar, flow collection or alias on the current line.</summary>
    private YamlNode ParseInline(int at, int blockIndent, int parentIndent)
    {
        char first = text[at];
        if (first == '*')
        {
            int p = at + 1;
            while (p < LineEnd && !IsBlankAt(p) && ",[]{}".IndexOf(text[p]) < 0)
            {
                p++;
            }

            string name = text.Substring(at + 1, p - at - 1);
            var alias = anchors.TryGetValue(name, out var target) ? target : YamlNode.Scalar(string.Empty, lines[li].Number, Column(li, at), lines[li].Number, Column(li, p));
            li++;
            return alias;
        }

        if (first == '|' || first == '>')
        {
            return ParseBlockScalar(at, blockIndent, parentIndent);
        }

        if (first == '"' || first == '\'' || first == '[' || first == '{')
        {
            int docEnd = endLine < lines.Count ? lines[endLine].Start : text.Length;
            int pos = at;
            var node = first == '[' || first == '{' ? ParseFlow(ref pos, docEnd) : ParseQuoted(ref pos, docEnd);
            li = pos > at ? doc.LineIndexOf(pos - 1) + 1 : li + 1;
            return node;
        }

        return ParsePlain(at, parentIndent);
    }

    /// <summary>A plain scalar, folded with its continuation lines (indented deeper than its parent).</summary>
    private YamlNode ParsePlain(int at, int parentIndent)
    {
        int startLine = li;
        int end = PlainEnd(at, LineEnd);
        var value = new StringBuilder(text, at, end - at, end - at);
        int lastLine = li, lastEnd = end;
        li++;
        while (li < endLine && !blank[li] && indent[li] > parentIndent)
        {
            int s = LineStart + indent[li];
            int e = PlainEnd(s, LineEnd);
            value.Append(' ').Append(text, s, e - s);
            lastLine = li;
            lastEnd = e;
            li++;
        }

        return YamlNode.Scalar(value.ToString(), lines[startLine].Number, Column(startLine, at), lines[lastLine].Number, Column(lastLine, lastEnd));
    }

    /// <summary>End of a plain scalar on a line: before a <c># comment</c> and trailing blanks.</summary>
    private int PlainEnd(int at, int end)
    {
        int p = at;
        while (p < end && !(text[p] == '#' && p > at && (text[p - 1] == ' ' || text[p - 1] == '\t')))
        {
            p++;
        }

        while (p > at && (text[p - 1] == ' ' || text[p - 1] == '\t'))
        {
            p--;
        }

        return p;
    }

    /// <summary><c>|</c> or <c>&gt;</c> with optional chomping and indentation indicators; lines are kept as they are.</summary>
    private YamlNode ParseBlockScalar(int at, int blockIndent, int parentIndent)
    {
        int headerLine = li;
        int explicitIndent = 0;
        for (int p = at + 1; p < LineEnd && !IsBlankAt(p); p++)
        {
            if (text[p] >= '1' && text[p] <= '9')
            {
                explicitIndent = text[p] - '0';
            }
        }

        li++;
        int contentIndent = explicitIndent > 0 ? blockIndent + explicitIndent : -1;
        var value = new StringBuilder();
        int lastLine = headerLine;
        int lastEnd = lines[headerLine].End;
        int pendingBlank = 0;
        while (li < endLine)
        {
            if (blank[li])
            {
                pendingBlank++;
                li++;
                continue;
            }

            if (contentIndent < 0)
            {
                if (rawIndent[li] <= parentIndent)
                {
                    break;
                }

                contentIndent = rawIndent[li];
            }

            if (rawIndent[li] < contentIndent)
            {
                break;
            }

            if (value.Length > 0 || pendingBlank > 0)
            {
                value.Append('\n', value.Length > 0 ? pendingBlank + 1 : pendingBlank);
            }

            pendingBlank = 0;
            value.Append(text, LineStart + contentIndent, LineEnd - LineStart - contentIndent);
            lastLine = li;
            lastEnd = LineEnd;
            li++;
        }

        return YamlNode.Scalar(value.ToString(), lines[headerLine].Number, Column(headerLine, at), lines[lastLine].Number, Column(lastLine, lastEnd));
    }

    /// <summary>A quoted scalar from <paramref name="pos"/>, possibly over several lines; unterminated, it runs to its line's end.</summary>
    private YamlNode ParseQuoted(ref int pos, int docEnd)
    {
        int open = pos;
        int startLine = doc.LineIndexOf(open);
        int close = YamlQuotes.ClosingQuote(text, open, docEnd);
        if (close < 0)
        {
            int lineEnd = lines[startLine].End;
            pos = lineEnd + 1;
            return YamlNode.Scalar(text.Substring(open + 1, lineEnd - open - 1), lines[startLine].Number, Column(startLine, open), lines[startLine].Number, Column(startLine, lineEnd));
        }

        pos = close + 1;
        int endIndex = doc.LineIndexOf(close);
        return YamlNode.Scalar(YamlQuotes.Unquote(text, open, close), lines[startLine].Number, Column(startLine, open), lines[endIndex].Number, Column(endIndex, close + 1));
    }

    /// <summary>A flow sequence or map from <paramref name="pos"/>; stops at <paramref name="docEnd"/> when unclosed.</summary>
    private YamlNode ParseFlow(ref int pos, int docEnd)
    {
        int open = pos;
        int line = doc.LineIndexOf(open);
        bool isMap = text[open] == '{';
        char close = isMap ? '}' : ']';
        var node = YamlNode.Collection(isMap ? YamlNodeKind.Map : YamlNodeKind.Sequence, lines[line].Number, Column(line, open));
        pos++;
        if (++depth > MaxDepth)
        {
            failed = true;
        }

        try
        {
            while (!failed)
            {
                pos = SkipFlowSpace(pos, docEnd);
                if (pos >= docEnd)
                {
                    break;
                }

                if (text[pos] == close)
                {
                    pos++;
                    break;
                }

                if (text[pos] == ',' || text[pos] == ']' || text[pos] == '}' || text[pos] == ':')
                {
                    pos++;
                    continue;
                }

                var item = ParseFlowItem(ref pos, docEnd);
                if (!isMap)
                {
                    node.Items.Add(item);
                    continue;
                }

                pos = SkipFlowSpace(pos, docEnd);
                YamlNode value;
                if (pos < docEnd && text[pos] == ':')
                {
                    pos = SkipFlowSpace(pos + 1, docEnd);
                    value = pos < docEnd && text[pos] != ',' && text[pos] != close ? ParseFlowItem(ref pos, docEnd) : Empty(doc.LineIndexOf(pos), pos);
                }
                else
                {
                    value = Empty(doc.LineIndexOf(pos), pos);
                }

                node.Entries.Add(new KeyValuePair<YamlNode, YamlNode>(item, value));
            }
        }
        finally
        {
            depth--;
        }

        if (isMap)
        {
            ApplyMerges(node);
        }

        return node;
    }

    private int SkipFlowSpace(int pos, int docEnd)
    {
        while (pos < docEnd)
        {
            char c = text[pos];
            if (c == '#' && (pos == 0 || IsBlankAt(pos - 1)))
            {
                while (pos < docEnd && text[pos] != '\n' && text[pos] != '\r')
                {
                    pos++;
                }
            }
            else if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF')
            {
                pos++;
            }
            else
            {
                break;
            }
        }

        return pos;
    }

    private YamlNode ParseFlowItem(ref int pos, int docEnd)
    {
        string? anchor = null, tag = null;
        while (pos < docEnd && (text[pos] == '&' || text[pos] == '!'))
        {
            int start = pos + 1;
            while (pos < docEnd && !IsBlankAt(pos) && ",[]{}".IndexOf(text[pos]) < 0)
            {
                pos++;
            }

            if (text[start - 1] == '&')
            {
                anchor = text.Substring(start, pos - start);
            }
            else
            {
                tag = text.Substring(start, pos - start).TrimStart('!');
            }

            pos = SkipFlowSpace(pos, docEnd);
        }

        YamlNode node;
        if (pos >= docEnd)
        {
            return Empty(doc.LineIndexOf(Math.Max(0, docEnd - 1)), docEnd);
        }

        char c = text[pos];
        if (c == '[' || c == '{')
        {
            node = ParseFlow(ref pos, docEnd);
        }
        else if (c == '"' || c == '\'')
        {
            node = ParseQuoted(ref pos, docEnd);
        }
        else if (c == '*')
        {
            int start = ++pos;
            while (pos < docEnd && !IsBlankAt(pos) && ",[]{}".IndexOf(text[pos]) < 0)
            {
                pos++;
            }

            string name = text.Substring(start, pos - start);
            node = anchors.TryGetValue(name, out var target) ? target : Empty(doc.LineIndexOf(start), start);
        }
        else
        {
            int start = pos;
            while (pos < docEnd && text[pos] != '\n' && text[pos] != '\r' && ",[]{}".IndexOf(text[pos]) < 0
                && !(text[pos] == ':' && (pos + 1 >= docEnd || IsBlankAt(pos + 1) || ",[]{}".IndexOf(text[pos + 1]) >= 0))
                && !(text[pos] == '#' && pos > start && IsBlankAt(pos - 1)))
            {
                pos++;
            }

            int end = pos;
            while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t'))
            {
                end--;
            }

            int line = doc.LineIndexOf(start);
            node = YamlNode.Scalar(text.Substring(start, end - start), lines[line].Number, Column(line, start), lines[line].Number, Column(line, end));
            if (pos == start)
            {
                pos++; // a character no rule consumes: step over it so the loop always advances
            }
        }

        return WithProperties(node, anchor, tag);
    }

    /// <summary>YAML merge keys: <c>&lt;&lt;: *base</c> or <c>&lt;&lt;: [*a, *b]</c> add the entries the map lacks.</summary>
    private void ApplyMerges(YamlNode map)
    {
        HashSet<string>? present = null;
        for (int i = 0; i < map.Entries.Count && mergeBudget > 0; i++)
        {
            var entry = map.Entries[i];
            if (!entry.Key.IsScalar || entry.Key.Value != "<<")
            {
                continue;
            }

            if (present == null)
            {
                present = new HashSet<string>(StringComparer.Ordinal);
                foreach (var e in map.Entries)
                {
                    if (e.Key.IsScalar)
                    {
                        present.Add(e.Key.Value);
                    }
                }
            }

            foreach (var source in YamlNode.ItemsOrSelf(entry.Value))
            {
                if (!source.IsMap || source == map)
                {
                    continue;
                }

                foreach (var merged in source.Entries)
                {
                    if (--mergeBudget <= 0)
                    {
                        return;
                    }

                    if (merged.Key.IsScalar && merged.Key.Value != "<<" && present.Add(merged.Key.Value))
                    {
                        map.Entries.Add(merged);
                    }
                }
            }
        }
    }
}
