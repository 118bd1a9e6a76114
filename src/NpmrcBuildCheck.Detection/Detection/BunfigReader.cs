using System;
using System.Collections.Generic;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Detection;

/// <summary>
/// <c>bunfig.toml</c>: <c>[install] registry</c> as a URL string or an inline table
/// <c>{ url, token, username, password }</c>, and <c>[install.scopes]</c> entries in the same forms.
/// Only a whole-string <c>$NAME</c> is a reference (semantics B3).
/// </summary>
internal static class BunfigReader
{
    private readonly struct TomlValue
    {
        public TomlValue(string text, int start, int end, bool isString)
        {
            Text = text;
            Start = start;
            End = end;
            IsString = isString;
        }

        public string Text { get; }

        public int Start { get; }

        public int End { get; }

        public bool IsString { get; }
    }

    public static void Read(DecodedText doc, FindingSink sink, int[] commentStart)
    {
        string text = doc.Text;
        string table = string.Empty;
        for (int li = 0; li < doc.Lines.Count; li++)
        {
            var line = doc.Lines[li];
            int s = line.Start, e = line.End;
            int p = s;
            p = Js.SkipWhiteSpace(text, p, e);

            if (p == e)
            {
                continue;
            }

            if (text[p] == '#')
            {
                commentStart[li] = p - s;
                CheckComment(doc, sink, li, p + 1, table);
                continue;
            }

            if (text[p] == '[')
            {
                int close = text.IndexOf(']', p, e - p);
                if (close > p)
                {
                    string inner = text.Substring(p + 1, close - p - 1).Trim('[', ']', ' ', '\t');
                    table = NormalizeKey(inner);
                    int hash = text.IndexOf('#', close, e - close);
                    if (hash >= 0)
                    {
                        commentStart[li] = hash - s;
                    }
                }

                continue;
            }

            ReadPair(doc, sink, li, p, e, table, commentStart);
        }
    }

    private static void ReadPair(DecodedText doc, FindingSink sink, int li, int p, int e, string table, int[]? commentStart)
    {
        string text = doc.Text;
        int eq = FindOutsideQuotes(text, p, e, '=');
        if (eq < 0)
        {
            return;
        }

        string key = NormalizeKey(text.Substring(p, eq - p));
        string path = table.Length == 0 ? key : table + "." + key;
        int v = eq + 1;
        while (v < e && (text[v] == ' ' || text[v] == '\t'))
        {
            v++;
        }

        if (v >= e)
        {
            return;
        }

        if (text[v] == '{')
        {
            int close = FindOutsideQuotes(text, v + 1, e, '}');
            int stop = close < 0 ? e : close;
            var pairs = new Dictionary<string, TomlValue>(StringComparer.OrdinalIgnoreCase);
            int q = v + 1;
            while (q < stop)
            {
                int peq = FindOutsideQuotes(text, q, stop, '=');
                if (peq < 0)
                {
                    break;
                }

                string k = NormalizeKey(text.Substring(q, peq - q).Trim(',', ' ', '\t'));
                int vs = peq + 1;
                while (vs < stop && (text[vs] == ' ' || text[vs] == '\t'))
                {
                    vs++;
                }

                var value = ParseValue(text, vs, stop, out int next);
                pairs[k] = value;
                int comma = FindOutsideQuotes(text, next, stop, ',');
                q = comma < 0 ? stop : comma + 1;
            }

            if (commentStart != null && close >= 0)
            {
                int hash = text.IndexOf('#', close, e - close);
                if (hash >= 0)
                {
                    commentStart[li] = hash - doc.Lines[li].Start;
                }
            }

            foreach (var pair in pairs)
            {
                Apply(doc, sink, li, path + "." + pair.Key.ToLowerInvariant(), pair.Value, commentStart == null);
            }

            return;
        }

        var scalar = ParseValue(text, v, e, out int after);
        if (commentStart != null)
        {
            int hash = text.IndexOf('#', after, e - after);
            if (hash >= 0)
            {
                commentStart[li] = hash - doc.Lines[li].Start;
            }
        }

        Apply(doc, sink, li, path, scalar, commentStart == null);
    }

    private static void Apply(DecodedText doc, FindingSink sink, int li, string path, TomlValue value, bool commented)
    {
        if (!value.IsString)
        {
            return;
        }

        string lower = path.ToLowerInvariant();
        if (!lower.StartsWith("install", StringComparison.Ordinal))
        {
            return;
        }

        string[] parts = lower.Split('.');
        string last = parts[parts.Length - 1];
        bool registryString = lower == "install.registry" || (parts.Length == 3 && parts[1] == "scopes");
        bool url = registryString || last is "url" or "registry";
        string safeKey = ValueShapes.Sanitize(path);
        string v = value.Text;

        if (url)
        {
            if (!commented)
            {
                ConfigRules.RegistryUrl(doc, sink, li, value.Start, value.End, safeKey, v, null);
            }

            if (doc.Text.Substring(value.Start, value.End - value.Start) == v)
            {
                ConfigRules.UrlCredentials(doc, sink, li, value.Start, value.End, safeKey, commented);
            }

            return;
        }

        var shape = last == "token" ? CredentialShape.Token : CredentialShape.Plain;
        if (last is not ("token" or "password") || Js.Trim(v).StartsWith("$", StringComparison.Ordinal) || ValueShapes.IsPlaceholderFor(v, shape))
        {
            return;
        }

        string what = last == "token" ? ValueShapes.DescribeToken(v) : ValueShapes.DescribeBasic("password", v);
        if (commented)
        {
            ConfigRules.CommentedCredential(doc, sink, li, value.Start, value.End, safeKey, what, v, shape);
        }
        else
        {
            ConfigRules.Credential(doc, sink, li, value.Start, value.End, ConfigTool.Bun, safeKey, what, v, shape, null);
        }
    }

    private static void CheckComment(DecodedText doc, FindingSink sink, int li, int from, string table)
    {
        string text = doc.Text;
        int e = doc.Lines[li].End;
        while (from < e && (text[from] == '#' || text[from] == ' ' || text[from] == '\t'))
        {
            from++;
        }

        if (from >= e)
        {
            return;
        }

        int re = e;
        while (re > from && Js.IsWhiteSpace(text[re - 1]))
        {
            re--;
        }

        if (ValueShapes.IsUuid(text.Substring(from, re - from)))
        {
            ConfigRules.CommentedCredential(doc, sink, li, from, re, null, "legacy UUID token", text.Substring(from, re - from), CredentialShape.Token);
            return;
        }

        ReadPair(doc, sink, li, from, e, table.Length == 0 ? "install" : table, null);
    }

    private static TomlValue ParseValue(string text, int v, int e, out int after)
    {
        if (v < e && (text[v] == '"' || text[v] == '\''))
        {
            char q = text[v];
            var sb = new System.Text.StringBuilder();
            int p = v + 1;
            while (p < e && text[p] != q)
            {
                if (q == '"' && text[p] == '\\' && p + 1 < e)
                {
                    char n = text[p + 1];
                    sb.Append(n switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => n });
                    p += 2;
                    continue;
                }

                sb.Append(text[p]);
                p++;
            }

            after = Math.Min(e, p + 1);
            return new TomlValue(sb.ToString(), v + 1, p, true);
        }

        int stop = v;
        while (stop < e && text[stop] != '#' && text[stop] != ',' && text[stop] != '}')
        {
            stop++;
        }

        after = stop;
        int end = stop;
        while (end > v && Js.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new TomlValue(text.Substring(v, end - v), v, end, false);
    }

    private static int FindOutsideQuotes(string text, int from, int end, char target)
    {
        char quote = '\0';
        for (int i = from; i < end; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c == '"' || c == '\'')
            {
                quote = c;
            }
            else if (c == target)
            {
                return i;
            }
            else if (c == '#')
            {
                return -1;
            }
        }

        return -1;
    }

    private static string NormalizeKey(string raw)
    {
        var parts = new List<string>();
        var sb = new System.Text.StringBuilder();
        char quote = '\0';
        foreach (char c in raw.Trim())
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '"' || c == '\'')
            {
                quote = c;
            }
            else if (c == '.')
            {
                parts.Add(sb.ToString().Trim());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        parts.Add(sb.ToString().Trim());
        return string.Join(".", parts);
    }
}
