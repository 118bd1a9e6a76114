using System;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Detection;

/// <summary>
/// <c>package.json</c>: a plain-http <c>"registry"</c> (as in <c>publishConfig.registry</c>, semantics I2) is NPMRC005.
/// Credentials in it are found by the text scan (NPMRC003).
/// </summary>
internal static class PackageJsonReader
{
    public static void Read(DecodedText doc, FindingSink sink)
    {
        string text = doc.Text;
        int from = 0;
        while (true)
        {
            int at = text.IndexOf("\"registry\"", from, StringComparison.Ordinal);
            if (at < 0)
            {
                return;
            }

            from = at + 10;
            int p = from;
            p = Js.SkipWhiteSpace(text, p, text.Length);

            if (p >= text.Length || text[p] != ':')
            {
                continue;
            }

            p++;
            p = Js.SkipWhiteSpace(text, p, text.Length);

            if (p >= text.Length || text[p] != '"')
            {
                continue;
            }

            int close = text.IndexOf('"', p + 1);
            if (close < 0)
            {
                return;
            }

            string url = text.Substring(p + 1, close - p - 1);
            if (url.IndexOf('\n') < 0)
            {
                ConfigRules.RegistryUrl(doc, sink, doc.LineIndexOf(p + 1), p + 1, close, "publishConfig.registry", url, null);
            }

            from = close + 1;
        }
    }
}
