using System.Text;

namespace NpmrcBuildCheck.Text;

/// <summary>YAML's quoted scalars (<c>"..."</c> with backslash escapes, <c>'...'</c> with <c>''</c>): the one reading of them for CI files and <c>.yarnrc.yml</c>.</summary>
internal static class YamlQuotes
{
    /// <summary>Index of the quote closing the one at <paramref name="at"/>, or -1 before <paramref name="end"/>.</summary>
    public static int ClosingQuote(string text, int at, int end)
    {
        char q = text[at];
        for (int p = at + 1; p < end; p++)
        {
            if (q == '"' && text[p] == '\\')
            {
                p++;
            }
            else if (text[p] == q)
            {
                if (q == '\'' && p + 1 < end && text[p + 1] == '\'')
                {
                    p++;
                }
                else
                {
                    return p;
                }
            }
        }

        return -1;
    }

    /// <summary>The value between the quote at <paramref name="open"/> and <paramref name="close"/> (exclusive): escapes resolved, line breaks folded.</summary>
    public static string Unquote(string text, int open, int close)
    {
        char q = text[open];
        var sb = new StringBuilder(close - open);
        for (int p = open + 1; p < close; p++)
        {
            char c = text[p];
            if (c == '\r' || c == '\n')
            {
                while (p + 1 < close && (text[p + 1] == ' ' || text[p + 1] == '\t' || text[p + 1] == '\r' || text[p + 1] == '\n'))
                {
                    p++;
                }

                sb.Append(' ');
            }
            else if (q == '\'' && c == '\'' && p + 1 < close)
            {
                sb.Append('\'');
                p++;
            }
            else if (q == '"' && c == '\\' && p + 1 < close)
            {
                char e = text[++p];
                sb.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', _ => e });
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
