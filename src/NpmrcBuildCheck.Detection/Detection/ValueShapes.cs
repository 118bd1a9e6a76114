using System;
using System.Collections.Generic;
using System.Text;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Detection;

/// <summary>Shape tests on values: placeholders, references, UUIDs, URLs with credentials, base64 credentials.</summary>
internal static class ValueShapes
{
    private static readonly HashSet<string> PlaceholderWords = new(StringComparer.Ordinal)
    {
        "token", "authtoken", "npmtoken", "npmauthtoken", "accesstoken", "apitoken", "secret", "password", "passwd", "pass", "pwd",
        "changeme", "changeit", "replaceme", "placeholder", "redacted", "hidden", "masked", "todo", "tbd", "fixme", "none", "null", "nil",
        "undefined", "empty", "dummy", "sample", "example", "value", "string", "mytoken", "yourtoken", "foo", "bar", "foobar", "baz",
        "true", "false", "auth", "base64", "authident", "username", "user", "userpassword", "userpass",
    };

    private static readonly string[] PlaceholderFragments =
    {
        "changeme", "replaceme", "replacewith", "placeholder", "tokenhere", "passwordhere", "secrethere", "insertyour", "enteryour",
        "putyour", "pasteyour", "addyour", "redacted", "yourtoken", "yournpm", "yourpat", "yourpassword", "yourauth", "yoursecret",
        "yourapikey", "yourpersonalaccesstoken", "base64encoded", "encodedpersonalaccesstoken", "notarealtoken", "faketoken", "dummytoken",
        "exampletoken", "sampletoken", "notmyreal", "notreal", "notasecret", "notsecret",
    };

    private static readonly string[] PublicPrefixes = { "npm_", "npms_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-" };

    /// <summary>
    /// True for a value that only stands in for a secret: empty, <c>&lt;…&gt;</c>, <c>[…]</c>, <c>{…}</c>,
    /// template tokens (<c>#{X}#</c>, <c>__X__</c>, <c>@X@</c>, <c>$(X)</c>, <c>%%X%%</c>, <c>{{X}}</c>), runs of one character,
    /// elisions (<c>***</c>, <c>...</c>) and obvious words such as <c>YOUR_NPM_TOKEN</c> or <c>changeme</c>.
    /// </summary>
    public static bool IsPlaceholder(string value)
    {
        string t = Js.Trim(value);
        if (t.Length == 0)
        {
            return true;
        }

        if (t.Length >= 2)
        {
            char first = t[0], last = t[t.Length - 1];
            if ((first == '<' && last == '>') || (first == '[' && last == ']') || (first == '{' && last == '}') || (first == '(' && last == ')'))
            {
                return true;
            }

            if ((t.StartsWith("#{", StringComparison.Ordinal) && (last == '}' || t.EndsWith("}#", StringComparison.Ordinal)))
                || (t.StartsWith("$(", StringComparison.Ordinal) && last == ')')
                || (t.Length > 4 && t.StartsWith("__", StringComparison.Ordinal) && t.EndsWith("__", StringComparison.Ordinal))
                || (t.Length > 2 && first == '@' && last == '@')
                || IsTemplateMarker(t))
            {
                return true;
            }
        }

        if (t.IndexOf("***", StringComparison.Ordinal) >= 0 || t.IndexOf("...", StringComparison.Ordinal) >= 0 || t.IndexOf('\u2026') >= 0)
        {
            return true;
        }

        string rest = t;
        foreach (var prefix in PublicPrefixes)
        {
            if (t.Length > prefix.Length && t.StartsWith(prefix, StringComparison.Ordinal))
            {
                rest = t.Substring(prefix.Length);
                break;
            }
        }

        if ((rest.Length >= 3 || (rest.Length >= 1 && !ReferenceEquals(rest, t))) && AllSame(rest))
        {
            return true;
        }

        if (t.Length >= 3 && AllSame(t))
        {
            return true;
        }

        string n = Normalize(t);
        if (n.Length == 0 || PlaceholderWords.Contains(n))
        {
            return true;
        }

        if ((n.StartsWith("your", StringComparison.Ordinal) || n.StartsWith("my", StringComparison.Ordinal) || n.StartsWith("the", StringComparison.Ordinal))
            && (n.IndexOf("token", StringComparison.Ordinal) >= 0 || n.IndexOf("password", StringComparison.Ordinal) >= 0
                || n.IndexOf("secret", StringComparison.Ordinal) >= 0 || n.IndexOf("key", StringComparison.Ordinal) >= 0
                || n.IndexOf("pat", StringComparison.Ordinal) >= 0 || n.IndexOf("auth", StringComparison.Ordinal) >= 0))
        {
            return true;
        }

        foreach (var fragment in PlaceholderFragments)
        {
            if (n.IndexOf(fragment, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return IsUpperSnakeName(t);
    }

    /// <summary>
    /// A marker a template engine or build step replaces (<c>%%NAME%%</c>, <c>{{NAME}}</c>): not a
    /// secret, and not a reference the tool fails to expand either, since no tool ever sees it.
    /// </summary>
    public static bool IsTemplateMarker(string value)
    {
        string t = Js.Trim(value);
        return t.Length > 4 && ((t.StartsWith("%%", StringComparison.Ordinal) && t.EndsWith("%%", StringComparison.Ordinal))
            || (t.StartsWith("{{", StringComparison.Ordinal) && t.EndsWith("}}", StringComparison.Ordinal)));
    }

    /// <summary>Base64 needs 4 characters; no registry issues a shorter token.</summary>
    private const int MinimumCredentialLength = 4;

    /// <summary>
    /// True when a literal under a credential key only stands in for a credential of that
    /// <paramref name="shape"/>: a placeholder (<see cref="IsPlaceholder"/>); a token of 1–3
    /// characters; for base64 keys, text that is not valid base64 and too short to be any
    /// (1–3 characters), or base64 / <c>user:password</c> whose password is a placeholder. Valid base64
    /// of printable text is a credential however short (<c>YWJj</c> is the password <c>abc</c>).
    /// </summary>
    public static bool IsPlaceholderFor(string value, CredentialShape shape)
    {
        if (IsPlaceholder(value))
        {
            return true;
        }

        string t = Js.Trim(value);
        switch (shape)
        {
            case CredentialShape.Token:
                return t.Length < MinimumCredentialLength;
            case CredentialShape.Base64:
                return TryBase64(t) != null || t.IndexOf(':') > 0 ? IsPlaceholderCredential(t) : t.Length < MinimumCredentialLength;
            default:
                return false;
        }
    }

    /// <summary>A token's redacted form (<see cref="Findings.Redaction.Redact"/>); nothing of a password or base64 value.</summary>
    public static string Redact(string secret, CredentialShape shape) =>
        shape == CredentialShape.Token ? Findings.Redaction.Redact(secret) : Findings.Redaction.RedactPassword(secret);

    /// <summary>The shape of a basic-auth key's value by its name (<c>_auth</c>, <c>_password</c>, <c>npmAuthIdent</c>, <c>password</c>).</summary>
    public static CredentialShape ShapeOfBasicKey(string name) =>
        name.Equals("password", StringComparison.OrdinalIgnoreCase) ? CredentialShape.Plain : CredentialShape.Base64;

    /// <summary>
    /// A placeholder once decoded: base64 (or plain) <c>user:password</c> whose password is a placeholder
    /// (<c>username:password</c>, <c>foo:bar</c>), or base64 of a placeholder word.
    /// </summary>
    public static bool IsPlaceholderCredential(string value)
    {
        string? decoded = TryBase64(value) ?? (value.IndexOf(':') > 0 ? value : null);
        if (decoded == null)
        {
            return false;
        }

        int colon = decoded.IndexOf(':');
        if (colon > 0)
        {
            // The user name is not secret: the password decides.
            return IsPlaceholder(decoded.Substring(colon + 1));
        }

        return IsPlaceholder(decoded);
    }

    /// <summary>An environment-variable-like name such as <c>NPM_TOKEN</c> (upper case with at least one underscore).</summary>
    public static bool IsUpperSnakeName(string t)
    {
        if (t.Length < 3 || !(t[0] >= 'A' && t[0] <= 'Z'))
        {
            return false;
        }

        bool underscore = false;
        foreach (char c in t)
        {
            if (c == '_')
            {
                underscore = true;
            }
            else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        return underscore;
    }

    public static bool IsUuid(string t)
    {
        if (t.Length != 36)
        {
            return false;
        }

        for (int i = 0; i < 36; i++)
        {
            char c = t[i];
            bool dash = i is 8 or 13 or 18 or 23;
            if (dash ? c != '-' : !Uri.IsHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool LooksLikeJwt(string t) => t.StartsWith("eyJ", StringComparison.Ordinal) && t.Split('.').Length == 3;

    /// <summary>Describes the shape of a literal token value without showing it.</summary>
    public static string DescribeToken(string value)
    {
        if (value.Length == Tokens.NpmToken.Length && Tokens.NpmToken.IsValid(value.AsSpan()))
        {
            return "npm access token";
        }

        if (value.StartsWith("npm_", StringComparison.Ordinal))
        {
            return "npm_-prefixed token";
        }

        if (IsUuid(value))
        {
            return "legacy UUID token";
        }

        if (value.StartsWith("ghp_", StringComparison.Ordinal) || value.StartsWith("github_pat_", StringComparison.Ordinal))
        {
            return "GitHub personal access token";
        }

        if (LooksLikeJwt(value))
        {
            return "JWT";
        }

        return "token";
    }

    /// <summary>Describes a basic-auth value (<c>_auth</c>, <c>_password</c>, <c>npmAuthIdent</c>, bun <c>password</c>) without showing it.</summary>
    public static string DescribeBasic(string keyName, string value)
    {
        string k = keyName.ToLowerInvariant();
        string? decoded = TryBase64(value);
        if (k == "_auth")
        {
            return decoded == null ? "_auth value (not valid base64)" : decoded.IndexOf(':') > 0 ? "base64 of user:password" : "base64 value";
        }

        if (k == "_password")
        {
            if (decoded == null)
            {
                return "password (not base64, which npm expects)";
            }

            return IsPatShape(decoded) ? "base64 of a personal access token (Azure Artifacts style)" : "base64-encoded password";
        }

        if (k == "npmauthident")
        {
            if (value.IndexOf(':') > 0)
            {
                return "user:password";
            }

            return decoded != null && decoded.IndexOf(':') > 0 ? "base64 of user:password" : "credential";
        }

        return "password";
    }

    public static string? TryBase64(string value)
    {
        string t = value.Trim();
        if (t.Length < 4 || t.Length % 4 != 0)
        {
            return null;
        }

        foreach (char c in t)
        {
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '='))
            {
                return null;
            }
        }

        try
        {
            byte[] bytes = Convert.FromBase64String(t);
            string text = new UTF8Encoding(false, true).GetString(bytes);
            foreach (char c in text)
            {
                if (c < 0x20)
                {
                    return null;
                }
            }

            return text;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsPatShape(string decoded)
    {
        if (decoded.Length == 52)
        {
            foreach (char c in decoded)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7')))
                {
                    return false;
                }
            }

            return true;
        }

        if (decoded.Length >= 40 && decoded.Length <= 100)
        {
            foreach (char c in decoded)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>
    /// A URL credential: <c>user:password@</c> in the authority. Indices are into the searched text. A
    /// class, as <see cref="Text.TextLine"/>: a list of it then runs precompiled code in a fresh process.
    /// </summary>
    internal sealed class UrlCredential
    {
        public UrlCredential(int passwordStart, int passwordEnd)
        {
            PasswordStart = passwordStart;
            PasswordEnd = passwordEnd;
        }

        public int PasswordStart { get; }

        public int PasswordEnd { get; }
    }

    /// <summary>
    /// Finds <c>scheme://user:password@host</c> (and, when <paramref name="allowSchemeless"/>, <c>//user:password@host</c>
    /// at <paramref name="start"/>) in text[start, end). Only non-empty passwords count.
    /// </summary>
    public static List<UrlCredential> FindUrlCredentials(string text, int start, int end, bool allowSchemeless = false)
    {
        var found = new List<UrlCredential>();
        int from = start;
        bool first = true;
        while (from < end)
        {
            int authority;
            if (first && allowSchemeless && end - start >= 2 && text[start] == '/' && text[start + 1] == '/')
            {
                authority = start + 2;
            }
            else
            {
                int sep = text.IndexOf("://", from, end - from, StringComparison.Ordinal);
                if (sep < 0)
                {
                    break;
                }

                authority = sep + 3;
            }

            first = false;
            int stop = authority;
            while (stop < end)
            {
                char c = text[stop];
                if (c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>' || c == ',' || Js.IsWhiteSpace(c))
                {
                    break;
                }

                stop++;
            }

            int at = text.LastIndexOf('@', stop - 1, stop - authority);
            if (stop > authority && at >= authority)
            {
                int colon = text.IndexOf(':', authority, at - authority);
                if (colon >= 0 && at > colon + 1)
                {
                    found.Add(new UrlCredential(colon + 1, at));
                }
            }

            from = Math.Max(stop, authority);
        }

        return found;
    }

    /// <summary>Replaces URL passwords and npm tokens in a key or URL so it can be shown.</summary>
    public static string Sanitize(string text)
    {
        if (text.IndexOf('@') < 0 && text.IndexOf("npm_", StringComparison.Ordinal) < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text);
        var creds = FindUrlCredentials(text, 0, text.Length, allowSchemeless: true);
        for (int i = creds.Count - 1; i >= 0; i--)
        {
            sb.Remove(creds[i].PasswordStart, creds[i].PasswordEnd - creds[i].PasswordStart);
            sb.Insert(creds[i].PasswordStart, "****");
        }

        string s = sb.ToString();
        int at = 0;
        while ((at = s.IndexOf("npm_", at, StringComparison.Ordinal)) >= 0)
        {
            int e = at + 4;
            while (e < s.Length && Tokens.NpmToken.IsBase62(s[e]))
            {
                e++;
            }

            if (e - at > 12)
            {
                s = s.Substring(0, at) + Findings.Redaction.Redact(s.Substring(at, e - at)) + s.Substring(e);
            }

            at += 4;
        }

        return s;
    }

    /// <summary>
    /// The authority of a URL whose authority starts at <paramref name="start"/> (just after
    /// <c>scheme://</c>), without any <c>user:password@</c>; <paramref name="end"/> is where the path starts.
    /// </summary>
    internal static string Authority(string url, int start, out int end)
    {
        end = start;
        while (end < url.Length && url[end] != '/' && url[end] != '?' && url[end] != '#')
        {
            end++;
        }

        string authority = url.Substring(start, end - start);
        int at = authority.LastIndexOf('@');
        return at >= 0 ? authority.Substring(at + 1) : authority;
    }

    /// <summary>True when <paramref name="url"/> is <c>http://</c> (any case) to a host that is not loopback.</summary>
    public static bool IsInsecureHttp(string url)
    {
        string t = Js.Trim(url);
        if (!t.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string authority = Authority(t, "http://".Length, out _);
        string host;
        if (authority.StartsWith("[", StringComparison.Ordinal))
        {
            int close = authority.IndexOf(']');
            host = close > 0 ? authority.Substring(0, close + 1) : authority;
        }
        else
        {
            int colon = authority.IndexOf(':');
            host = colon >= 0 ? authority.Substring(0, colon) : authority;
        }

        host = host.ToLowerInvariant().TrimEnd('.');
        if (host.Length == 0 || host.IndexOf('$') >= 0)
        {
            return false;
        }

        if (host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal) || host == "[::1]")
        {
            return false;
        }

        if (host.StartsWith("127.", StringComparison.Ordinal))
        {
            foreach (char c in host)
            {
                if (!(c == '.' || (c >= '0' && c <= '9')))
                {
                    return true;
                }
            }

            return false;
        }

        return true;
    }

    /// <summary>True when a (text-file or URL) value is only a reference or template, never a secret.</summary>
    public static bool IsReferenceLike(string value)
    {
        string t = Js.Trim(value);
        if (t.Length == 0)
        {
            return true;
        }

        if (t[0] == '$' || t.IndexOf("${", StringComparison.Ordinal) >= 0 || t.IndexOf("$(", StringComparison.Ordinal) >= 0
            || t.IndexOf("{{", StringComparison.Ordinal) >= 0 || t.IndexOf("#{", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        if (t.Length > 2 && t[0] == '%' && t[t.Length - 1] == '%')
        {
            return true;
        }

        return false;
    }

    private static bool AllSame(string t)
    {
        for (int i = 1; i < t.Length; i++)
        {
            if (t[i] != t[0])
            {
                return false;
            }
        }

        return t.Length > 0;
    }

    private static string Normalize(string t)
    {
        var sb = new StringBuilder(t.Length);
        foreach (char c in t)
        {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            {
                sb.Append(c);
            }
            else if (c >= 'A' && c <= 'Z')
            {
                sb.Append((char)(c + 32));
            }
        }

        return sb.ToString();
    }
}
