using System;
using System.Collections.Generic;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Detection;

/// <summary>What a value (after npm's unescaping) is made of, as far as secrets go.</summary>
internal enum ValueClass
{
    /// <summary>Nothing but whitespace.</summary>
    Empty,

    /// <summary>Only references the tool expands (<c>${VAR}</c>, <c>${VAR?}</c> in .npmrc): not a secret.</summary>
    PureReference,

    /// <summary>Only references the tool does not expand (<c>$VAR</c>, <c>%VAR%</c>, <c>${VAR:-x}</c>…): broken, not a secret.</summary>
    BrokenReference,

    /// <summary>Literal text (letters or digits outside references): a secret when under a credential key.</summary>
    Literal,
}

/// <summary>The result of classifying a value: its class, the first broken form, and any non-empty fallbacks.</summary>
internal sealed class ValueInfo
{
    public ValueClass Class { get; set; }

    /// <summary>For a broken reference, how it is written (e.g. <c>$VAR</c>).</summary>
    public string? BrokenForm { get; set; }

    /// <summary>Non-empty <c>${VAR:-fallback}</c> / <c>${VAR-fallback}</c> fallbacks: start and length in the value.</summary>
    public List<(int Start, int Length)> Fallbacks { get; } = new();

    /// <summary>The value with fallback text masked, for messages.</summary>
    public string Shown { get; set; } = string.Empty;
}

/// <summary>Reference syntax of npm (.npmrc, semantics E1–E8) and Yarn Berry (Y4).</summary>
internal static class ReferenceSyntax
{
    /// <summary>Classifies an .npmrc value (after S8 unescaping) by npm's expansion rules.</summary>
    public static ValueInfo ClassifyNpmrc(string v)
    {
        var info = new ValueInfo();
        bool pure = false, broken = false;
        int literalChars = 0;
        var shown = new System.Text.StringBuilder();
        int lastBrace = v.LastIndexOf('}');
        int lastPercent = v.LastIndexOf('%');
        var braces = new NextChar('}');
        var parens = new NextChar(')');
        int i = 0;
        while (i < v.Length)
        {
            char c = v[i];
            if (c == '\\')
            {
                int j = i;
                while (j < v.Length && v[j] == '\\')
                {
                    j++;
                }

                if (j + 1 < v.Length && v[j] == '$' && v[j + 1] == '{' && lastBrace > j)
                {
                    int close = braces.Next(v, j + 2);
                    if (close > 0)
                    {
                        broken = true;
                        info.BrokenForm ??= "an escaped \\${VAR}";
                        shown.Append(v, i, close + 1 - i);
                        i = close + 1;
                        continue;
                    }
                }

                shown.Append(v, i, j - i);
                i = j;
                continue;
            }

            if (c == '$' && i + 1 < v.Length)
            {
                char n = v[i + 1];
                if (n == '{')
                {
                    int close = lastBrace > i + 1 ? braces.Next(v, i + 2) : -1;
                    if (close < 0)
                    {
                        shown.Append(c);
                        i++;
                        continue;
                    }

                    string inner = v.Substring(i + 2, close - i - 2);
                    string name = inner.EndsWith("?", StringComparison.Ordinal) && !inner.EndsWith("??", StringComparison.Ordinal) ? inner.Substring(0, inner.Length - 1) : inner;
                    if (inner.IndexOf('$') >= 0 || inner.IndexOf('{') >= 0 || IsEnvName(name))
                    {
                        pure = true;
                        shown.Append(v, i, close + 1 - i);
                        i = close + 1;
                        while (i < v.Length && v[i] == '}')
                        {
                            shown.Append('}');
                            i++;
                        }

                        continue;
                    }

                    broken = true;
                    int fb = inner.IndexOf(":-", StringComparison.Ordinal);
                    int dash = inner.IndexOf('-');
                    if (fb > 0 && IsEnvName(inner.Substring(0, fb)))
                    {
                        info.BrokenForm ??= "${VAR:-default}";
                        AddFallback(info, shown, v, i, fb + 2, inner.Length - fb - 2);
                    }
                    else if (dash > 0 && IsEnvName(inner.Substring(0, dash)))
                    {
                        info.BrokenForm ??= "${VAR-default}";
                        AddFallback(info, shown, v, i, dash + 1, inner.Length - dash - 1);
                    }
                    else
                    {
                        info.BrokenForm ??= Js.Trim(inner) != inner && IsEnvName(Js.Trim(inner)) ? "${ VAR } with spaces" : "an unusual ${…} form";
                        shown.Append(v, i, close + 1 - i);
                    }

                    i = close + 1;
                    continue;
                }

                if (n == '(')
                {
                    int close = parens.Next(v, i + 2);
                    if (close > 0 && IsEnvName(v.Substring(i + 2, close - i - 2)))
                    {
                        broken = true;
                        info.BrokenForm ??= "$(VAR)";
                        shown.Append(v, i, close + 1 - i);
                        i = close + 1;
                        continue;
                    }
                }

                if (IsNameStart(n))
                {
                    int j = i + 1;
                    while (j < v.Length && IsNameChar(v[j]))
                    {
                        j++;
                    }

                    broken = true;
                    info.BrokenForm ??= "$VAR";
                    shown.Append(v, i, j - i);
                    i = j;
                    continue;
                }
            }

            if (c == '%' && lastPercent > i)
            {
                int close = v.IndexOf('%', i + 1);
                if (close > i + 1 && IsEnvName(v.Substring(i + 1, close - i - 1)))
                {
                    broken = true;
                    info.BrokenForm ??= "%VAR%";
                    shown.Append(v, i, close + 1 - i);
                    i = close + 1;
                    continue;
                }
            }

            if (char.IsLetterOrDigit(c))
            {
                literalChars++;
            }

            shown.Append(c);
            i++;
        }

        info.Shown = shown.ToString();
        if (literalChars > 0 && !(broken && literalChars < 8))
        {
            info.Class = ValueClass.Literal;
        }
        else if (broken)
        {
            info.Class = ValueClass.BrokenReference;
        }
        else
        {
            info.Class = pure ? ValueClass.PureReference : ValueClass.Empty;
        }

        return info;
    }

    /// <summary>
    /// Classifies a Yarn Berry value: <c>${VAR}</c>, <c>${VAR-}</c>, <c>${VAR:-}</c> are references; a non-empty
    /// fallback is literal text Yarn uses (returned in <see cref="ValueInfo.Fallbacks"/>); <c>$VAR</c> stays literal.
    /// </summary>
    public static ValueInfo ClassifyYarn(string v)
    {
        var info = new ValueInfo();
        bool pure = false;
        int literalChars = 0;
        var shown = new System.Text.StringBuilder();
        int lastBrace = v.LastIndexOf('}');
        var braces = new NextChar('}');
        int i = 0;
        while (i < v.Length)
        {
            if (v[i] == '$' && i + 1 < v.Length && v[i + 1] == '{' && lastBrace > i + 1)
            {
                int close = braces.Next(v, i + 2);
                if (close > 0)
                {
                    string inner = v.Substring(i + 2, close - i - 2);
                    int fb = inner.IndexOf(":-", StringComparison.Ordinal);
                    int dash = inner.IndexOf('-');
                    string name = fb > 0 ? inner.Substring(0, fb) : dash > 0 ? inner.Substring(0, dash) : inner;
                    if (IsEnvName(name))
                    {
                        pure = true;
                        if (fb > 0)
                        {
                            AddFallback(info, shown, v, i, fb + 2, inner.Length - fb - 2);
                        }
                        else if (dash > 0)
                        {
                            AddFallback(info, shown, v, i, dash + 1, inner.Length - dash - 1);
                        }
                        else
                        {
                            shown.Append(v, i, close + 1 - i);
                        }

                        i = close + 1;
                        continue;
                    }

                    for (int k = i; k <= close; k++)
                    {
                        literalChars += char.IsLetterOrDigit(v[k]) ? 1 : 0;
                    }

                    shown.Append(v, i, close + 1 - i);
                    i = close + 1;
                    continue;
                }
            }

            if (char.IsLetterOrDigit(v[i]))
            {
                literalChars++;
            }

            shown.Append(v[i]);
            i++;
        }

        info.Shown = shown.ToString();
        info.Class = literalChars > 0 ? ValueClass.Literal : pure ? ValueClass.PureReference : ValueClass.Empty;
        return info;
    }

    /// <summary>Memoised "next occurrence of a character", so scanning a long value stays linear.</summary>
    private struct NextChar
    {
        private readonly char target;
        private int found;
        private int searchedFrom;

        public NextChar(char target)
        {
            this.target = target;
            found = -2;
            searchedFrom = int.MaxValue;
        }

        public int Next(string v, int from)
        {
            if (searchedFrom <= from && (found == -1 || found >= from))
            {
                return found;
            }

            searchedFrom = from;
            found = v.IndexOf(target, from);
            return found;
        }
    }

    public static bool IsEnvName(string name)
    {
        if (name.Length == 0 || !IsNameStart(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!IsNameChar(c) && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNameStart(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';

    private static bool IsNameChar(char c) => IsNameStart(c) || (c >= '0' && c <= '9');

    private static void AddFallback(ValueInfo info, System.Text.StringBuilder shown, string v, int refStart, int offsetInInner, int length)
    {
        int innerStart = refStart + 2;
        int fallbackStart = innerStart + offsetInInner;
        shown.Append(v, refStart, fallbackStart - refStart);
        if (length > 0)
        {
            info.Fallbacks.Add((fallbackStart, length));
            shown.Append("****");
        }

        shown.Append('}');
    }
}
