using System;
using System.Text;

namespace NpmrcBuildCheck.Text;

/// <summary>JavaScript's notions of whitespace and numbers, as npm applies them (semantics S2, I1).</summary>
internal static class Js
{
    /// <summary>The JS <c>trim()</c> / <c>\s</c> set: includes U+FEFF, excludes U+0085 and U+200B.</summary>
    public static bool IsWhiteSpace(char c) =>
        c switch
        {
            '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF' => true,
            _ => c >= '\u2000' && c <= '\u200A',
        };

    /// <summary>The first index in [start, end) of <paramref name="text"/> that is not JS whitespace, or <paramref name="end"/>.</summary>
    public static int SkipWhiteSpace(string text, int start, int end)
    {
        while (start < end && IsWhiteSpace(text[start]))
        {
            start++;
        }

        return start;
    }

    /// <summary>Narrows [start, end) of <paramref name="text"/> to exclude JS whitespace at both ends.</summary>
    public static void Trim(string text, ref int start, ref int end)
    {
        start = SkipWhiteSpace(text, start, end);

        while (end > start && IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
    }

    public static string Trim(string text)
    {
        int s = 0, e = text.Length;
        Trim(text, ref s, ref e);
        return s == 0 && e == text.Length ? text : text.Substring(s, e - s);
    }

    /// <summary>
    /// JS <c>Number(text)</c> for a string: true when the result is not NaN; <paramref name="isZero"/> when it is 0 or -0.
    /// </summary>
    public static bool IsNumber(string text, out bool isZero)
    {
        string t = Trim(text);
        isZero = false;
        if (t.Length == 0)
        {
            isZero = true;
            return true;
        }

        if (t.Length > 2 && t[0] == '0' && (char)(t[1] | 0x20) is 'x' or 'o' or 'b')
        {
            char radix = (char)(t[1] | 0x20);
            bool allZero = true;
            for (int i = 2; i < t.Length; i++)
            {
                char c = t[i];
                bool ok = radix switch
                {
                    'x' => Uri.IsHexDigit(c),
                    'o' => c >= '0' && c <= '7',
                    _ => c == '0' || c == '1',
                };
                if (!ok)
                {
                    return false;
                }

                allZero &= c == '0';
            }

            isZero = allZero;
            return true;
        }

        int p = 0;
        if (t[p] == '+' || t[p] == '-')
        {
            p++;
        }

        if (string.CompareOrdinal(t, p, "Infinity", 0, int.MaxValue) == 0 && t.Length - p == 8)
        {
            return true;
        }

        int digits = 0;
        bool zero = true;
        while (p < t.Length && t[p] >= '0' && t[p] <= '9')
        {
            zero &= t[p] == '0';
            digits++;
            p++;
        }

        if (p < t.Length && t[p] == '.')
        {
            p++;
            while (p < t.Length && t[p] >= '0' && t[p] <= '9')
            {
                zero &= t[p] == '0';
                digits++;
                p++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (p < t.Length && (t[p] | 0x20) == 'e')
        {
            p++;
            if (p < t.Length && (t[p] == '+' || t[p] == '-'))
            {
                p++;
            }

            int exp = 0;
            while (p < t.Length && t[p] >= '0' && t[p] <= '9')
            {
                exp++;
                p++;
            }

            if (exp == 0)
            {
                return false;
            }
        }

        if (p != t.Length)
        {
            return false;
        }

        isZero = zero;
        return true;
    }
}

/// <summary>The kind of value strict <c>JSON.parse</c> produced.</summary>
internal enum JsonKind
{
    Invalid,
    String,
    Number,
    True,
    False,
    Null,
    Object,
    Array,
}

/// <summary>
/// A tiny strict JSON reader (RFC 8259, as <c>JSON.parse</c>), enough for npm's quoted values:
/// returns the kind and, for a string, its decoded text. Never throws; bounded nesting.
/// </summary>
internal static class StrictJson
{
    private const int MaxDepth = 64;

    public static JsonKind Parse(string text, int start, int end, out string? stringValue)
    {
        stringValue = null;
        int p = start;
        SkipWs(text, ref p, end);
        JsonKind kind = ParseValue(text, ref p, end, 0, out stringValue);
        if (kind == JsonKind.Invalid)
        {
            stringValue = null;
            return kind;
        }

        SkipWs(text, ref p, end);
        if (p != end)
        {
            stringValue = null;
            return JsonKind.Invalid;
        }

        return kind;
    }

    private static void SkipWs(string s, ref int p, int end)
    {
        while (p < end && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r'))
        {
            p++;
        }
    }

    private static JsonKind ParseValue(string s, ref int p, int end, int depth, out string? str)
    {
        str = null;
        if (p >= end || depth > MaxDepth)
        {
            return JsonKind.Invalid;
        }

        char c = s[p];
        switch (c)
        {
            case '"':
                return ParseString(s, ref p, end, out str) ? JsonKind.String : JsonKind.Invalid;
            case 't':
                return Literal(s, ref p, end, "true") ? JsonKind.True : JsonKind.Invalid;
            case 'f':
                return Literal(s, ref p, end, "false") ? JsonKind.False : JsonKind.Invalid;
            case 'n':
                return Literal(s, ref p, end, "null") ? JsonKind.Null : JsonKind.Invalid;
            case '{':
                return ParseContainer(s, ref p, end, depth, '}', true) ? JsonKind.Object : JsonKind.Invalid;
            case '[':
                return ParseContainer(s, ref p, end, depth, ']', false) ? JsonKind.Array : JsonKind.Invalid;
            default:
                return ParseNumber(s, ref p, end) ? JsonKind.Number : JsonKind.Invalid;
        }
    }

    private static bool Literal(string s, ref int p, int end, string word)
    {
        if (end - p < word.Length || string.CompareOrdinal(s, p, word, 0, word.Length) != 0)
        {
            return false;
        }

        p += word.Length;
        return true;
    }

    private static bool ParseContainer(string s, ref int p, int end, int depth, char close, bool isObject)
    {
        p++;
        SkipWs(s, ref p, end);
        if (p < end && s[p] == close)
        {
            p++;
            return true;
        }

        while (true)
        {
            if (isObject)
            {
                if (p >= end || s[p] != '"' || !ParseString(s, ref p, end, out _))
                {
                    return false;
                }

                SkipWs(s, ref p, end);
                if (p >= end || s[p] != ':')
                {
                    return false;
                }

                p++;
                SkipWs(s, ref p, end);
            }

            if (ParseValue(s, ref p, end, depth + 1, out _) == JsonKind.Invalid)
            {
                return false;
            }

            SkipWs(s, ref p, end);
            if (p >= end)
            {
                return false;
            }

            if (s[p] == ',')
            {
                p++;
                SkipWs(s, ref p, end);
                continue;
            }

            if (s[p] == close)
            {
                p++;
                return true;
            }

            return false;
        }
    }

    private static bool ParseNumber(string s, ref int p, int end)
    {
        int q = p;
        if (q < end && s[q] == '-')
        {
            q++;
        }

        if (q >= end)
        {
            return false;
        }

        if (s[q] == '0')
        {
            q++;
        }
        else if (s[q] >= '1' && s[q] <= '9')
        {
            while (q < end && s[q] >= '0' && s[q] <= '9')
            {
                q++;
            }
        }
        else
        {
            return false;
        }

        if (q < end && s[q] == '.')
        {
            q++;
            int d = q;
            while (q < end && s[q] >= '0' && s[q] <= '9')
            {
                q++;
            }

            if (q == d)
            {
                return false;
            }
        }

        if (q < end && (s[q] == 'e' || s[q] == 'E'))
        {
            q++;
            if (q < end && (s[q] == '+' || s[q] == '-'))
            {
                q++;
            }

            int d = q;
            while (q < end && s[q] >= '0' && s[q] <= '9')
            {
                q++;
            }

            if (q == d)
            {
                return false;
            }
        }

        p = q;
        return true;
    }

    private static bool ParseString(string s, ref int p, int end, out string? value)
    {
        value = null;
        var sb = new StringBuilder();
        int q = p + 1;
        while (q < end)
        {
            char c = s[q];
            if (c == '"')
            {
                p = q + 1;
                value = sb.ToString();
                return true;
            }

            if (c < 0x20)
            {
                return false;
            }

            if (c != '\\')
            {
                sb.Append(c);
                q++;
                continue;
            }

            if (q + 1 >= end)
            {
                return false;
            }

            char e = s[q + 1];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (q + 6 > end)
                    {
                        return false;
                    }

                    int code = 0;
                    for (int i = q + 2; i < q + 6; i++)
                    {
                        char h = s[i];
                        if (!Uri.IsHexDigit(h))
                        {
                            return false;
                        }

                        code = (code << 4) | Convert.ToInt32(h.ToString(), 16);
                    }

                    sb.Append((char)code);
                    q += 4;
                    break;
                default:
                    return false;
            }

            q += 2;
        }

        return false;
    }
}
