using System;
using System.Collections.Generic;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Detection;

/// <summary>
/// A small indentation-based YAML reader for the shapes of Yarn Berry's <c>.yarnrc.yml</c> (block maps,
/// plain/quoted scalars, <c>#</c> comments after whitespace), applying NPMRC001/002/004/005/006.
/// </summary>
internal static class YarnrcYmlReader
{
    internal readonly struct Scalar
    {
        public Scalar(string value, int start, int end, int commentAt, bool structured)
        {
            Value = value;
            Start = start;
            End = end;
            CommentAt = commentAt;
            Structured = structured;
        }

        public string Value { get; }

        public int Start { get; }

        public int End { get; }

        public int CommentAt { get; }

        /// <summary>A flow collection or block scalar: not read.</summary>
        public bool Structured { get; }
    }

    public static void Read(DecodedText doc, FindingSink sink, int[] commentStart)
    {
        string text = doc.Text;
        var stack = new List<(int Indent, string Key)>();
        for (int li = 0; li < doc.Lines.Count; li++)
        {
            var line = doc.Lines[li];
            int s = line.Start, e = line.End;
            int fs = s;
            while (fs < e && (text[fs] == ' ' || text[fs] == '\t' || text[fs] == '\uFEFF'))
            {
                fs++;
            }

            if (fs == e)
            {
                continue;
            }

            int indent = fs - s;
            if (text[fs] == '#')
            {
                commentStart[li] = indent;
                CheckComment(doc, sink, li, fs);
                continue;
            }

            if (text[fs] == '-' && (fs + 1 == e || text[fs + 1] == ' '))
            {
                continue;
            }

            if (!ParseKey(text, fs, e, out string key, out int afterColon))
            {
                continue;
            }

            while (stack.Count > 0 && stack[stack.Count - 1].Indent >= indent)
            {
                stack.RemoveAt(stack.Count - 1);
            }

            int v = afterColon;
            while (v < e && (text[v] == ' ' || text[v] == '\t'))
            {
                v++;
            }

            if (v == e || text[v] == '#')
            {
                if (v < e)
                {
                    commentStart[li] = v - s;
                }

                stack.Add((indent, key));
                continue;
            }

            var scalar = ParseScalar(text, v, e);
            if (scalar.CommentAt >= 0)
            {
                commentStart[li] = scalar.CommentAt - s;
            }

            if (scalar.Structured)
            {
                continue;
            }

            var path = new List<string>(stack.Count + 1);
            foreach (var item in stack)
            {
                path.Add(item.Key);
            }

            path.Add(key);
            Apply(doc, sink, li, string.Join(".", path), key, scalar);
        }
    }

    internal static bool ParseKey(string text, int fs, int e, out string key, out int afterColon)
    {
        key = string.Empty;
        afterColon = -1;
        int p;
        if (text[fs] == '"' || text[fs] == '\'')
        {
            var quoted = ParseScalar(text, fs, e);
            p = quoted.End + 1;
            while (p < e && (text[p] == ' ' || text[p] == '\t'))
            {
                p++;
            }

            if (p >= e || text[p] != ':')
            {
                return false;
            }

            key = quoted.Value;
            afterColon = p + 1;
            return true;
        }

        p = fs;
        while (p < e)
        {
            char c = text[p];
            if (c == ':' && (p + 1 == e || text[p + 1] == ' ' || text[p + 1] == '\t'))
            {
                key = text.Substring(fs, p - fs).TrimEnd(' ', '\t');
                afterColon = p + 1;
                return key.Length > 0;
            }

            if (c == '#' && p > fs && (text[p - 1] == ' ' || text[p - 1] == '\t'))
            {
                return false;
            }

            p++;
        }

        return false;
    }

    internal static Scalar ParseScalar(string text, int v, int e)
    {
        char first = text[v];
        if (first is '{' or '[' or '|' or '>' or '&' or '*' or '!')
        {
            return new Scalar(string.Empty, v, e, -1, true);
        }

        if (first == '"' || first == '\'')
        {
            // Unterminated, the value runs to the line's end.
            int close = YamlQuotes.ClosingQuote(text, v, e);
            int end = close < 0 ? e : close;
            int comment = -1;
            if (close >= 0)
            {
                int q = close + 1;
                while (q < e && (text[q] == ' ' || text[q] == '\t'))
                {
                    q++;
                }

                if (q < e && text[q] == '#')
                {
                    comment = q;
                }
            }

            return new Scalar(YamlQuotes.Unquote(text, v, end), v + 1, end, comment, false);
        }

        int stop = e;
        int commentAt = -1;
        for (int p = v + 1; p < e; p++)
        {
            if (text[p] == '#' && (text[p - 1] == ' ' || text[p - 1] == '\t'))
            {
                stop = p;
                commentAt = p;
                break;
            }
        }

        while (stop > v && (text[stop - 1] == ' ' || text[stop - 1] == '\t'))
        {
            stop--;
        }

        return new Scalar(text.Substring(v, stop - v), v, stop, commentAt, false);
    }

    private static void Apply(DecodedText doc, FindingSink sink, int li, string path, string key, Scalar scalar)
    {
        string name = key.ToLowerInvariant();
        string safeKey = ValueShapes.Sanitize(path);
        string value = scalar.Value;
        bool rawMaps = doc.Text.Substring(scalar.Start, scalar.End - scalar.Start) == value;

        if (name is "npmauthtoken" or "npmauthident")
        {
            bool token = name == "npmauthtoken";
            var info = ReferenceSyntax.ClassifyYarn(value);
            if (info.Class == ValueClass.Literal && !ValueShapes.IsPlaceholderFor(value, token ? CredentialShape.Token : CredentialShape.Base64) && !IsDollarName(value))
            {
                AddCredential(doc, sink, li, scalar.Start, scalar.End, safeKey, token, value);
            }

            foreach (var (start, length) in info.Fallbacks)
            {
                string fallback = value.Substring(start, length);
                if (!ValueShapes.IsPlaceholderFor(fallback, token ? CredentialShape.Token : CredentialShape.Base64) && !ValueShapes.IsReferenceLike(fallback))
                {
                    int s = rawMaps ? scalar.Start + start : scalar.Start;
                    AddCredential(doc, sink, li, s, rawMaps ? s + length : scalar.End, safeKey, token, fallback);
                }
            }
        }
        else if (name is "npmregistryserver" or "npmpublishregistry" or "npmauditregistry")
        {
            if (value.IndexOf("${", StringComparison.Ordinal) < 0)
            {
                ConfigRules.RegistryUrl(doc, sink, li, scalar.Start, scalar.End, safeKey, value, "(Yarn refuses it unless the host is listed in unsafeHttpWhitelist)");
            }
        }
        else if (name == "enablestrictssl" && value is "false" or "0")
        {
            ConfigRules.TlsVerificationOff(doc, sink, li, scalar.Start, scalar.End, safeKey, "enableStrictSsl", value, value);
        }

        if (value.IndexOf("://", StringComparison.Ordinal) >= 0 && rawMaps)
        {
            ConfigRules.UrlCredentials(doc, sink, li, scalar.Start, scalar.End, safeKey, false);
        }
    }

    internal static bool IsDollarName(string value)
    {
        string t = Js.Trim(value);
        return t.Length > 1 && t[0] == '$' && ReferenceSyntax.IsEnvName(t.Substring(1));
    }

    private static void AddCredential(DecodedText doc, FindingSink sink, int li, int start, int end, string safeKey, bool token, string secret)
    {
        string what = token ? ValueShapes.DescribeToken(secret) : ValueShapes.DescribeBasic("npmAuthIdent", secret);
        ConfigRules.Credential(doc, sink, li, start, end, ConfigTool.YarnBerry, safeKey, what, secret, token ? CredentialShape.Token : CredentialShape.Base64, null);
    }

    private static void CheckComment(DecodedText doc, FindingSink sink, int li, int hash)
    {
        string text = doc.Text;
        int e = doc.Lines[li].End;
        int r = hash;
        while (r < e && (text[r] == '#' || text[r] == ' ' || text[r] == '\t'))
        {
            r++;
        }

        if (r == e)
        {
            return;
        }

        int re = e;
        while (re > r && Js.IsWhiteSpace(text[re - 1]))
        {
            re--;
        }

        if (ValueShapes.IsUuid(text.Substring(r, re - r)))
        {
            ConfigRules.CommentedCredential(doc, sink, li, r, re, null, "legacy UUID token", text.Substring(r, re - r), CredentialShape.Token);
            return;
        }

        if (!ParseKey(text, r, e, out string key, out int afterColon))
        {
            return;
        }

        int v = afterColon;
        while (v < e && (text[v] == ' ' || text[v] == '\t'))
        {
            v++;
        }

        if (v >= e)
        {
            return;
        }

        var scalar = ParseScalar(text, v, e);
        if (scalar.Structured)
        {
            return;
        }

        string name = key.ToLowerInvariant();
        string value = scalar.Value;
        if (name is "npmauthtoken" or "npmauthident")
        {
            var info = ReferenceSyntax.ClassifyYarn(value);
            if (info.Class == ValueClass.Literal && !IsDollarName(value)
                && !ValueShapes.IsPlaceholderFor(value, name == "npmauthtoken" ? CredentialShape.Token : CredentialShape.Base64))
            {
                string what = name == "npmauthtoken" ? ValueShapes.DescribeToken(value) : ValueShapes.DescribeBasic("npmAuthIdent", value);
                ConfigRules.CommentedCredential(doc, sink, li, scalar.Start, scalar.End, key, what, value,
                    name == "npmauthtoken" ? CredentialShape.Token : CredentialShape.Base64);
            }
        }

        ConfigRules.UrlCredentials(doc, sink, li, scalar.Start, scalar.End, ValueShapes.Sanitize(key), true);
    }
}
