using System;
using System.Collections.Generic;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Rules;
using NpmrcBuildCheck.Tokens;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Detection;

/// <summary>
/// Reads an .npmrc exactly as npm's <c>ini</c> does (semantics S1–S13) while keeping each entry's
/// original line and columns, and applies NPMRC001/002/004/005/006/007/008 to it.
/// </summary>
internal static class NpmrcReader
{
    internal enum ValueKind
    {
        NoValue,
        String,
        True,
        False,
        Null,
        Number,
        Other,
    }

    /// <summary>A key or value after npm's <c>unsafe</c>: its kind, text and raw span [Start, End) in the document.</summary>
    internal readonly struct Parsed
    {
        public Parsed(ValueKind kind, string text, int start, int end, bool quoted, int commentAt)
        {
            Kind = kind;
            Text = text;
            Start = start;
            End = end;
            Quoted = quoted;
            CommentAt = commentAt;
        }

        public ValueKind Kind { get; }

        public string Text { get; }

        public int Start { get; }

        public int End { get; }

        public bool Quoted { get; }

        public int CommentAt { get; }

        public bool HasText => Kind is ValueKind.String or ValueKind.Number or ValueKind.Other;
    }

    internal sealed class Entry
    {
        public int LineIndex { get; set; }

        public string Key { get; set; } = string.Empty;

        public int KeyStart { get; set; }

        public int KeyEnd { get; set; }

        public Parsed Value { get; set; }

        public string? Section { get; set; }

        /// <summary>npm's line regex fails on a value holding U+2028/U+2029, so npm drops the line (S5).</summary>
        public bool DroppedByNpm { get; set; }
    }

    public static void Read(DecodedText doc, FindingSink sink, int[] commentStart)
    {
        var entries = Parse(doc, commentStart, out var commentLines);
        Apply(doc, sink, entries);
        foreach (int lineIndex in commentLines)
        {
            CheckCommentLine(doc, sink, lineIndex);
        }
    }

    /// <summary>Parses every line; records comment lines and inline comment starts.</summary>
    internal static List<Entry> Parse(DecodedText doc, int[] commentStart, out List<int> commentLines)
    {
        string text = doc.Text;
        var entries = new List<Entry>();
        commentLines = new List<int>();
        string? section = null;
        for (int li = 0; li < doc.Lines.Count; li++)
        {
            var line = doc.Lines[li];
            int s = line.Start, e = line.End;
            int fs = s;
            fs = Js.SkipWhiteSpace(text, fs, e);

            if (fs == e)
            {
                continue;
            }

            if (text[fs] == '#' || text[fs] == ';')
            {
                commentStart[li] = fs - s;
                commentLines.Add(li);
                continue;
            }

            if (text[s] == '[')
            {
                int close = text.IndexOf(']', s + 1, e - s - 1);
                if (close > 0)
                {
                    int after = close + 1;
                    after = Js.SkipWhiteSpace(text, after, e);

                    if (after == e)
                    {
                        var name = Unsafe(text, s + 1, close);
                        section = name.Text;
                        continue;
                    }
                }
            }

            int eq = text.IndexOf('=', s, e - s);
            if (eq == s)
            {
                continue;
            }

            int keyEnd = eq < 0 ? e : eq;
            var key = Unsafe(text, s, keyEnd);
            if (key.CommentAt >= 0 && eq < 0)
            {
                commentStart[li] = key.CommentAt - s;
            }

            Parsed value;
            if (eq < 0)
            {
                value = new Parsed(ValueKind.NoValue, string.Empty, e, e, false, -1);
            }
            else
            {
                value = Unsafe(text, eq + 1, e);
                if (value.CommentAt >= 0)
                {
                    commentStart[li] = value.CommentAt - s;
                }
            }

            bool dropped = false;
            for (int k = eq + 1; eq >= 0 && k < e; k++)
            {
                if (text[k] == '\u2028' || text[k] == '\u2029')
                {
                    dropped = true;
                    break;
                }
            }

            entries.Add(new Entry
            {
                LineIndex = li,
                Key = key.Text,
                KeyStart = key.Start,
                KeyEnd = key.End,
                Value = value,
                Section = section,
                DroppedByNpm = dropped,
            });
        }

        return entries;
    }

    /// <summary>npm/ini <c>unsafe</c> over text[start, end), plus S11 coercion.</summary>
    internal static Parsed Unsafe(string s, int start, int end)
    {
        Js.Trim(s, ref start, ref end);
        if (start == end)
        {
            return new Parsed(ValueKind.String, string.Empty, start, start, false, -1);
        }

        bool dq = s[start] == '"' && s[end - 1] == '"';
        bool sq = s[start] == '\'' && s[end - 1] == '\'';
        Parsed result;
        if (dq || sq)
        {
            int ps = start, pe = end;
            if (sq)
            {
                ps = start + 1;
                pe = Math.Max(ps, end - 1);
            }

            JsonKind kind = StrictJson.Parse(s, ps, pe, out string? str);
            switch (kind)
            {
                case JsonKind.String:
                    int innerStart = ps + 1, innerEnd = Math.Max(ps + 1, pe - 1);
                    result = new Parsed(ValueKind.String, str!, innerStart, innerEnd, true, -1);
                    break;
                case JsonKind.Number:
                    result = new Parsed(ValueKind.Number, s.Substring(ps, pe - ps), ps, pe, true, -1);
                    break;
                case JsonKind.True:
                    result = new Parsed(ValueKind.True, "true", ps, pe, true, -1);
                    break;
                case JsonKind.False:
                    result = new Parsed(ValueKind.False, "false", ps, pe, true, -1);
                    break;
                case JsonKind.Null:
                    result = new Parsed(ValueKind.Null, "null", ps, pe, true, -1);
                    break;
                case JsonKind.Object:
                case JsonKind.Array:
                    result = new Parsed(ValueKind.Other, s.Substring(ps, pe - ps), ps, pe, true, -1);
                    break;
                default:
                    result = dq
                        ? new Parsed(ValueKind.String, s.Substring(start, end - start), start, end, true, -1)
                        : new Parsed(ValueKind.String, s.Substring(ps, pe - ps), ps, pe, true, -1);
                    break;
            }

            return Coerce(result);
        }

        var sb = new System.Text.StringBuilder(end - start);
        bool esc = false;
        int commentAt = -1;
        int rawEnd = end;
        for (int i = start; i < end; i++)
        {
            char c = s[i];
            if (esc)
            {
                if (c == '\\' || c == ';' || c == '#')
                {
                    sb.Append(c);
                }
                else
                {
                    sb.Append('\\').Append(c);
                }

                esc = false;
            }
            else if (c == ';' || c == '#')
            {
                commentAt = i;
                rawEnd = i;
                break;
            }
            else if (c == '\\')
            {
                esc = true;
            }
            else
            {
                sb.Append(c);
            }
        }

        if (esc)
        {
            sb.Append('\\');
        }

        int rs = start, re = rawEnd;
        Js.Trim(s, ref rs, ref re);
        return Coerce(new Parsed(ValueKind.String, Js.Trim(sb.ToString()), rs, re, false, commentAt));
    }

    private static Parsed Coerce(Parsed p)
    {
        if (p.Kind != ValueKind.String)
        {
            return p;
        }

        return p.Text switch
        {
            "true" => new Parsed(ValueKind.True, p.Text, p.Start, p.End, p.Quoted, p.CommentAt),
            "false" => new Parsed(ValueKind.False, p.Text, p.Start, p.End, p.Quoted, p.CommentAt),
            "null" => new Parsed(ValueKind.Null, p.Text, p.Start, p.End, p.Quoted, p.CommentAt),
            _ => p,
        };
    }

    internal enum CredentialKind
    {
        None,
        Token,
        Basic,
        Username,
    }

    /// <summary>The credential kind of a key, by its name after the last ':' (case-insensitive, '[]' ignored).</summary>
    internal static CredentialKind KindOf(string key, out string name)
    {
        string k = key.EndsWith("[]", StringComparison.Ordinal) && key.Length > 2 ? key.Substring(0, key.Length - 2) : key;
        int colon = k.LastIndexOf(':');
        name = colon >= 0 ? k.Substring(colon + 1) : k;
        name = Js.Trim(name);
        switch (name.ToLowerInvariant())
        {
            case "_authtoken":
            case "authtoken":
            case "npmauthtoken":
                return CredentialKind.Token;
            case "_auth":
            case "_password":
            case "npmauthident":
                return CredentialKind.Basic;
            case "password":
                return k.StartsWith("//", StringComparison.Ordinal) ? CredentialKind.Basic : CredentialKind.None;
            case "username":
                return CredentialKind.Username;
            default:
                return CredentialKind.None;
        }
    }

    /// <summary>The shape of a token or basic-auth key's value.</summary>
    internal static CredentialShape ShapeOf(CredentialKind kind, string name) =>
        kind == CredentialKind.Token ? CredentialShape.Token : ValueShapes.ShapeOfBasicKey(name);

    private static bool IsRegistryKey(string key) =>
        key == "registry" || (key.StartsWith("@", StringComparison.Ordinal) && key.EndsWith(":registry", StringComparison.Ordinal));

    private static bool IsUrlKey(string key) =>
        IsRegistryKey(key) || key is "proxy" or "https-proxy" or "http-proxy" or "noproxy";

    private static void Apply(DecodedText doc, FindingSink sink, List<Entry> entries)
    {
        string text = doc.Text;
        Entry? lastRegistryDefault = null;
        var lastRegistry = new Dictionary<string, Entry>(StringComparer.Ordinal);
        Entry? lastStrictSsl = null;
        var credentialHosts = new HashSet<string>(StringComparer.Ordinal);

        var usernamePrefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (KindOf(entry.Key, out string n) == CredentialKind.Username && entry.Value.HasText && entry.Value.Text.Length > 0)
            {
                usernamePrefixes.Add(entry.Section + "\n" + entry.Key.Substring(0, entry.Key.Length - n.Length));
            }
        }

        foreach (var entry in entries)
        {
            var line = doc.Lines[entry.LineIndex];
            string key = entry.Key;
            string safeKey = ValueShapes.Sanitize(key);
            var value = entry.Value;
            var kind = KindOf(key, out string name);

            if (entry.Section == null && !entry.DroppedByNpm)
            {
                if (IsRegistryKey(key))
                {
                    lastRegistry[key] = entry;
                    if (key == "registry")
                    {
                        lastRegistryDefault = entry;
                    }
                }
                else if (key == "strict-ssl")
                {
                    lastStrictSsl = entry;
                }

                if (kind != CredentialKind.None && key.StartsWith("//", StringComparison.Ordinal))
                {
                    credentialHosts.Add(HostOfNerf(key));
                }
            }

            // Secrets in the key itself (//user:pass@host/:_authToken).
            foreach (var cred in ValueShapes.FindUrlCredentials(text, entry.KeyStart, entry.KeyEnd, allowSchemeless: true))
            {
                ConfigRules.UrlCredential(doc, sink, entry.LineIndex, cred, safeKey, false);
            }

            if (kind is CredentialKind.Token or CredentialKind.Basic && value.HasText)
            {
                var info = Classify(value);
                if (info.Class == ValueClass.Literal && !ValueShapes.IsPlaceholderFor(value.Text, ShapeOf(kind, name)))
                {
                    bool paired = name.Equals("_password", StringComparison.OrdinalIgnoreCase)
                        && usernamePrefixes.Contains(entry.Section + "\n" + entry.Key.Substring(0, entry.Key.Length - name.Length));
                    AddCredential(doc, sink, entry, kind, name, safeKey, value.Start, value.End, value.Text, paired);
                }
                else if (info.Class == ValueClass.BrokenReference && !ValueShapes.IsTemplateMarker(value.Text))
                {
                    AddUnexpanded(doc, sink, entry, safeKey, info);
                }
            }
            else if (value.Kind == ValueKind.String && (kind != CredentialKind.None || key.StartsWith("//", StringComparison.Ordinal) || IsUrlKey(key)))
            {
                var info = Classify(value);
                if (info.Class == ValueClass.BrokenReference && !ValueShapes.IsTemplateMarker(value.Text))
                {
                    AddUnexpanded(doc, sink, entry, safeKey, info);
                }
            }

            // An environment-style NPM_TOKEN=… written into the file.
            if (kind == CredentialKind.None && value.Kind == ValueKind.String && TextScanner.VariableNames.Contains(key)
                && Classify(value).Class == ValueClass.Literal && TextScanner.IsSecretLike(value.Text))
            {
                int col = doc.Column(entry.LineIndex, value.Start), endCol = doc.Column(entry.LineIndex, value.End);
                if (!sink.IsClaimed(line.Number, col, endCol))
                {
                    string redacted = Redaction.Redact(value.Text);
                    sink.Add(RuleCatalog.NpmAccessToken, line.Number, col, endCol, safeKey, value.Text, redacted, Messages.TokenVariable(safeKey, redacted));
                }
            }

            if (value.Kind == ValueKind.String && value.Text.IndexOf("://", StringComparison.Ordinal) >= 0)
            {
                foreach (var cred in ValueShapes.FindUrlCredentials(text, value.Start, value.End))
                {
                    ConfigRules.UrlCredential(doc, sink, entry.LineIndex, cred, safeKey, false);
                }
            }

            // NPMRC008: unscoped credential key at the top level.
            if (entry.Section == null && !entry.DroppedByNpm && kind != CredentialKind.None && !key.StartsWith("//", StringComparison.Ordinal) && key.IndexOf(':') < 0
                && name.ToLowerInvariant() is "_authtoken" or "_auth" or "_password" or "username" && HasSetting(value))
            {
                string target = NerfDart(lastRegistryDefault?.Value.Text) ?? "//registry.npmjs.org/";
                string bareKey = key.EndsWith("[]", StringComparison.Ordinal) ? key.Substring(0, key.Length - 2) : key;
                sink.Add(RuleCatalog.UnscopedCredential, line.Number, doc.Column(entry.LineIndex, entry.KeyStart), doc.Column(entry.LineIndex, entry.KeyEnd),
                    safeKey, "unscoped:" + key, safeKey, Messages.Unscoped(safeKey, target + ":" + bareKey));
            }
        }

        foreach (var pair in lastRegistry)
        {
            var entry = pair.Value;
            var value = entry.Value;
            if (value.Kind != ValueKind.String || value.Text.IndexOf("${", StringComparison.Ordinal) >= 0)
            {
                continue;
            }

            string host = HostOfNerf(NerfDart(value.Text) ?? string.Empty);
            string? extra = credentialHosts.Contains(host) ? "(and this file holds a credential for that host, which npm then sends in cleartext)" : null;
            ConfigRules.RegistryUrl(doc, sink, entry.LineIndex, value.Start, value.End, pair.Key, Js.Trim(value.Text), extra);
        }

        if (lastStrictSsl != null && IsStrictSslFalse(lastStrictSsl.Value))
        {
            var v = lastStrictSsl.Value;
            ConfigRules.TlsVerificationOff(doc, sink, lastStrictSsl.LineIndex, v.Start, v.End, "strict-ssl", "strict-ssl", v.Text, text.Substring(v.Start, v.End - v.Start));
        }
    }

    /// <summary>
    /// npm's expansion rules on a value; an unquoted value that still carries its quotes around a reference
    /// (<c>"${X}" # c</c>, semantics S9) is broken: npm sends the quotes too.
    /// </summary>
    internal static ValueInfo Classify(Parsed value)
    {
        string t = value.Text;
        if (!value.Quoted && t.Length >= 2 && (t[0] == '"' || t[0] == '\'') && t[t.Length - 1] == t[0])
        {
            var inner = ReferenceSyntax.ClassifyNpmrc(t.Substring(1, t.Length - 2));
            if (inner.Class is ValueClass.PureReference or ValueClass.BrokenReference)
            {
                return new ValueInfo
                {
                    Class = ValueClass.BrokenReference,
                    BrokenForm = "a quoted reference followed by a comment, so npm keeps and sends the quotes",
                    Shown = t.Substring(0, 1) + inner.Shown + t.Substring(0, 1),
                };
            }
        }

        return ReferenceSyntax.ClassifyNpmrc(t);
    }

    private static bool HasSetting(Parsed value) =>
        value.Kind switch
        {
            ValueKind.String => value.Text.Length > 0,
            ValueKind.Number or ValueKind.Other => true,
            _ => false,
        };

    /// <summary>npm's <c>strict-ssl</c> after parseField and nopt's validateBoolean (semantics I1).</summary>
    internal static bool IsStrictSslFalse(Parsed value)
    {
        switch (value.Kind)
        {
            case ValueKind.False:
            case ValueKind.Null:
                return true;
            case ValueKind.Number:
                return Js.IsNumber(value.Text, out bool zero) && zero;
            case ValueKind.String:
                string v = Js.Trim(value.Text);
                if (v.Length == 0 || v.IndexOf("${", StringComparison.Ordinal) >= 0)
                {
                    return false;
                }

                if (v is "undefined" or "null" or "false")
                {
                    return true;
                }

                return Js.IsNumber(v, out bool isZero) && isZero;
            default:
                return false;
        }
    }

    private static void AddCredential(DecodedText doc, FindingSink sink, Entry entry, CredentialKind kind, string name, string safeKey, int start, int end, string secret, bool pairedWithUsername)
    {
        string what = kind == CredentialKind.Token
            ? ValueShapes.DescribeToken(secret)
            : ValueShapes.DescribeBasic(name, secret) + (pairedWithUsername ? ", paired with the username of the same registry" : string.Empty);
        ConfigRules.Credential(doc, sink, entry.LineIndex, start, end, ConfigTool.Npm, safeKey, what, secret, ShapeOf(kind, name), EffectivenessNote(entry, name));
    }

    private static string? EffectivenessNote(Entry entry, string name)
    {
        if (entry.Section != null)
        {
            return $"(inside the [{ValueShapes.Sanitize(entry.Section)}] section, so npm does not use it, but the secret is in the file)";
        }

        if (name is not ("_authToken" or "_auth" or "_password"))
        {
            return $"(npm does not use the misspelt key '{name}', but the secret is in the file)";
        }

        string key = entry.Key;
        if (!key.StartsWith("//", StringComparison.Ordinal) && key.IndexOf(':') > 0 && key.IndexOf("://", StringComparison.Ordinal) < 0)
        {
            return "(npm does not recognise this key, since a registry-scoped key must start with //host/, but the secret is in the file)";
        }

        if (key.IndexOf("://", StringComparison.Ordinal) > 0)
        {
            return "(npm never matches a key that starts with a scheme, but the secret is in the file)";
        }

        if (key.StartsWith("//", StringComparison.Ordinal))
        {
            int hostEnd = key.IndexOfAny(new[] { '/', ':' }, 2);
            string host = hostEnd < 0 ? key.Substring(2) : key.Substring(2, hostEnd - 2);
            if (host != host.ToLowerInvariant())
            {
                return "(npm compares hosts in lower case, so it does not use this key, but the secret is in the file)";
            }
        }

        return null;
    }

    private static void AddUnexpanded(DecodedText doc, FindingSink sink, Entry entry, string safeKey, ValueInfo info)
    {
        var value = entry.Value;
        int line = doc.Lines[entry.LineIndex].Number;
        sink.Add(RuleCatalog.UnexpandedEnvReference, line, doc.Column(entry.LineIndex, value.Start), doc.Column(entry.LineIndex, value.End),
            safeKey, "unexpanded:" + info.Shown, info.Shown, Messages.Unexpanded(safeKey, info.Shown, info.BrokenForm ?? "a reference"));

        // The contract treats the whole value as a broken reference, not a secret, so a literal
        // fallback is not also NPMRC001/002. A checksum-valid npm token in it is still a leaked
        // token, reported as such (NPMRC003) at its own position.
        if (KindOf(entry.Key, out _) is not (CredentialKind.Token or CredentialKind.Basic))
        {
            return;
        }

        bool mapsRaw = !value.Quoted && doc.Text.Substring(value.Start, value.End - value.Start) == value.Text;
        foreach (var (start, length) in info.Fallbacks)
        {
            string fallback = value.Text.Substring(start, length);
            if (!NpmToken.IsValid(fallback.AsSpan()))
            {
                continue;
            }

            int s = mapsRaw ? value.Start + start : value.Start;
            int e = mapsRaw ? s + length : value.End;
            string redacted = Redaction.Redact(fallback);
            sink.Add(RuleCatalog.NpmAccessToken, line, doc.Column(entry.LineIndex, s), doc.Column(entry.LineIndex, e), safeKey, fallback, redacted,
                Messages.NpmTokenInFile(redacted));
        }
    }

    /// <summary>NPMRC004: a comment line that, uncommented, would be NPMRC001/002; or a UUID standing alone.</summary>
    private static void CheckCommentLine(DecodedText doc, FindingSink sink, int lineIndex)
    {
        string text = doc.Text;
        var line = doc.Lines[lineIndex];
        int r = line.Start;
        while (r < line.End && (text[r] == '#' || text[r] == ';' || Js.IsWhiteSpace(text[r])))
        {
            r++;
        }

        if (r == line.End)
        {
            return;
        }

        int rs = r, re = line.End;
        Js.Trim(text, ref rs, ref re);
        string rest = text.Substring(rs, re - rs);
        if (ValueShapes.IsUuid(rest))
        {
            ConfigRules.CommentedCredential(doc, sink, lineIndex, rs, re, null, "legacy UUID token", rest, CredentialShape.Token);
            return;
        }

        int eq = text.IndexOf('=', r, line.End - r);
        if (eq <= r)
        {
            return;
        }

        var key = Unsafe(text, r, eq);
        var value = Unsafe(text, eq + 1, line.End);
        if (!value.HasText)
        {
            return;
        }

        // Prose before the key ("# old token: //registry.npmjs.org/:_authToken=…") still leaves a
        // credential assignment; plain prose ("the password = …") has no credential key as its last word.
        string keyText = key.Text;
        int lastSpace = keyText.LastIndexOf(' ');
        if (lastSpace >= 0)
        {
            keyText = keyText.Substring(lastSpace + 1);
            if (!keyText.StartsWith("//", StringComparison.Ordinal) && !keyText.StartsWith("_", StringComparison.Ordinal))
            {
                return;
            }
        }

        string safeKey = ValueShapes.Sanitize(keyText);
        var kind = KindOf(keyText, out string name);
        if (kind is CredentialKind.Token or CredentialKind.Basic)
        {
            var info = Classify(value);
            if (info.Class == ValueClass.Literal && !ValueShapes.IsPlaceholderFor(value.Text, ShapeOf(kind, name)))
            {
                string what = kind == CredentialKind.Token ? ValueShapes.DescribeToken(value.Text) : ValueShapes.DescribeBasic(name, value.Text);
                ConfigRules.CommentedCredential(doc, sink, lineIndex, value.Start, value.End, safeKey, what, value.Text, ShapeOf(kind, name));
            }
        }

        if (value.Kind == ValueKind.String)
        {
            ConfigRules.UrlCredentials(doc, sink, lineIndex, value.Start, value.End, safeKey, commented: true);
        }
    }

    /// <summary>The nerf dart of a registry URL (semantics A4), or null when it is not an http(s) URL.</summary>
    internal static string? NerfDart(string? url)
    {
        if (url == null)
        {
            return null;
        }

        string t = Js.Trim(url);
        int sep = t.IndexOf("://", StringComparison.Ordinal);
        if (sep < 0 || t.IndexOf("${", StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        string scheme = t.Substring(0, sep).ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            return null;
        }

        string authority = ValueShapes.Authority(t, sep + 3, out int stop).ToLowerInvariant();
        if ((scheme == "https" && authority.EndsWith(":443", StringComparison.Ordinal)) || (scheme == "http" && authority.EndsWith(":80", StringComparison.Ordinal)))
        {
            authority = authority.Substring(0, authority.LastIndexOf(':'));
        }

        int pathEnd = stop;
        while (pathEnd < t.Length && t[pathEnd] != '?' && t[pathEnd] != '#')
        {
            pathEnd++;
        }

        string path = t.Substring(stop, pathEnd - stop);
        int lastSlash = path.LastIndexOf('/');
        path = lastSlash >= 0 ? path.Substring(0, lastSlash + 1) : "/";
        return "//" + authority + path;
    }

    private static string HostOfNerf(string nerf)
    {
        if (!nerf.StartsWith("//", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        int stop = 2;
        while (stop < nerf.Length && nerf[stop] != '/' && nerf[stop] != ':')
        {
            stop++;
        }

        return nerf.Substring(2, stop - 2).ToLowerInvariant();
    }
}
