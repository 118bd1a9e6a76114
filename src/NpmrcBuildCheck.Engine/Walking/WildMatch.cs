using System;

namespace NpmrcBuildCheck.Walking;

/// <summary>
/// Git-style wildcard matching on '/'-separated relative paths (git's wildmatch with
/// WM_PATHNAME): <c>*</c> and <c>?</c> never match '/', <c>**</c> between slashes (or at
/// the start/end) matches any number of whole segments, <c>[a-z]</c>, <c>[!x]</c>/<c>[^x]</c>
/// classes and <c>\x</c> escapes. Used by exclude globs and .gitignore rules.
/// </summary>
internal static class WildMatch
{
    /// <summary>Guards against pathological patterns: matching gives up (no match) after this many steps.</summary>
    private const int StepBudget = 200_000;

    public static bool IsMatch(string pattern, string text, bool ignoreCase = false)
    {
        int budget = StepBudget;
        return Match(pattern, 0, text, 0, ignoreCase, ref budget);
    }

    private static bool Match(string p, int pi, string t, int ti, bool ignoreCase, ref int budget)
    {
        while (pi < p.Length)
        {
            if (--budget < 0)
            {
                return false;
            }

            char pc = p[pi];
            switch (pc)
            {
                case '\\':
                    // An escaped character matches itself; a trailing backslash matches nothing.
                    if (pi + 1 >= p.Length || ti >= t.Length || !CharEquals(p[pi + 1], t[ti], ignoreCase))
                    {
                        return false;
                    }

                    pi += 2;
                    ti++;
                    continue;

                case '?':
                    if (ti >= t.Length || t[ti] == '/')
                    {
                        return false;
                    }

                    pi++;
                    ti++;
                    continue;

                case '[':
                {
                    if (ti >= t.Length || t[ti] == '/')
                    {
                        return false;
                    }

                    int end = MatchClass(p, pi, t[ti], ignoreCase, out bool matched);
                    if (end < 0)
                    {
                        // Unterminated class: '[' is a literal.
                        if (t[ti] != '[')
                        {
                            return false;
                        }

                        pi++;
                        ti++;
                        continue;
                    }

                    if (!matched)
                    {
                        return false;
                    }

                    pi = end;
                    ti++;
                    continue;
                }

                case '*':
                {
                    bool doubleStar = pi + 1 < p.Length && p[pi + 1] == '*';
                    if (doubleStar)
                    {
                        int after = pi + 2;
                        while (after < p.Length && p[after] == '*')
                        {
                            after++;
                        }

                        bool startsSegment = pi == 0 || p[pi - 1] == '/';
                        if (startsSegment && after == p.Length)
                        {
                            // Trailing "**" matches everything that is left.
                            return true;
                        }

                        if (startsSegment && p[after] == '/')
                        {
                            // "**/" matches zero or more whole segments.
                            int rest = after + 1;
                            if (Match(p, rest, t, ti, ignoreCase, ref budget))
                            {
                                return true;
                            }

                            for (int k = ti; k < t.Length; k++)
                            {
                                if (t[k] == '/' && Match(p, rest, t, k + 1, ignoreCase, ref budget))
                                {
                                    return true;
                                }
                            }

                            return false;
                        }

                        // Otherwise "**" acts like "*".
                        pi = after - 1;
                    }

                    // Single '*': any run of characters except '/'.
                    int next = pi + 1;
                    if (next == p.Length)
                    {
                        return t.IndexOf('/', ti) < 0;
                    }

                    for (int k = ti; k <= t.Length; k++)
                    {
                        if (Match(p, next, t, k, ignoreCase, ref budget))
                        {
                            return true;
                        }

                        if (k < t.Length && t[k] == '/')
                        {
                            break;
                        }
                    }

                    return false;
                }

                default:
                    if (ti >= t.Length || !CharEquals(pc, t[ti], ignoreCase))
                    {
                        return false;
                    }

                    pi++;
                    ti++;
                    continue;
            }
        }

        return ti == t.Length;
    }

    /// <summary>Matches a bracket expression at <paramref name="start"/>; returns the index after ']' or -1 when unterminated.</summary>
    private static int MatchClass(string p, int start, char c, bool ignoreCase, out bool matched)
    {
        int i = start + 1;
        bool negate = false;
        if (i < p.Length && (p[i] == '!' || p[i] == '^'))
        {
            negate = true;
            i++;
        }

        bool found = false;
        bool first = true;
        while (i < p.Length)
        {
            char lo = p[i];
            if (lo == ']' && !first)
            {
                matched = found != negate;
                return i + 1;
            }

            first = false;
            if (lo == '[' && i + 1 < p.Length && p[i + 1] == ':')
            {
                int close = p.IndexOf(":]", i + 2, StringComparison.Ordinal);
                if (close > 0)
                {
                    found |= MatchNamedClass(p.Substring(i + 2, close - i - 2), c);
                    i = close + 2;
                    continue;
                }
            }

            if (lo == '\\' && i + 1 < p.Length)
            {
                i++;
                lo = p[i];
            }

            char hi = lo;
            if (i + 2 < p.Length && p[i + 1] == '-' && p[i + 2] != ']')
            {
                hi = p[i + 2];
                i += 2;
                if (hi == '\\' && i + 1 < p.Length)
                {
                    i++;
                    hi = p[i];
                }
            }

            if ((c >= lo && c <= hi) ||
                (ignoreCase && ((char.ToLowerInvariant(c) >= lo && char.ToLowerInvariant(c) <= hi) || (char.ToUpperInvariant(c) >= lo && char.ToUpperInvariant(c) <= hi))))
            {
                found = true;
            }

            i++;
        }

        matched = false;
        return -1;
    }

    private static bool MatchNamedClass(string name, char c) => name switch
    {
        "alnum" => char.IsLetterOrDigit(c),
        "alpha" => char.IsLetter(c),
        "digit" => c >= '0' && c <= '9',
        "lower" => char.IsLower(c),
        "upper" => char.IsUpper(c),
        "space" => char.IsWhiteSpace(c),
        "punct" => char.IsPunctuation(c) || char.IsSymbol(c),
        "xdigit" => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'),
        "blank" => c == ' ' || c == '\t',
        "cntrl" => char.IsControl(c),
        "print" => !char.IsControl(c),
        "graph" => !char.IsControl(c) && c != ' ',
        _ => false,
    };

    private static bool CharEquals(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
