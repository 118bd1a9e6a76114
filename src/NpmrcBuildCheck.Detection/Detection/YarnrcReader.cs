using System;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Detection;

/// <summary>Yarn classic <c>.yarnrc</c>: lockfile syntax, <c>key value</c> / <c>"key" "value"</c> lines.</summary>
internal static class YarnrcReader
{
    public static void Read(DecodedText doc, FindingSink sink, int[] commentStart)
    {
        string text = doc.Text;
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

            bool comment = text[fs] == '#';
            if (comment)
            {
                commentStart[li] = fs - s;
                fs++;
                while (fs < e && (text[fs] == '#' || Js.IsWhiteSpace(text[fs])))
                {
                    fs++;
                }

                if (fs == e)
                {
                    continue;
                }

                int ce = e;
                while (ce > fs && Js.IsWhiteSpace(text[ce - 1]))
                {
                    ce--;
                }

                if (ValueShapes.IsUuid(text.Substring(fs, ce - fs)))
                {
                    ConfigRules.CommentedCredential(doc, sink, li, fs, ce, null, "legacy UUID token", text.Substring(fs, ce - fs), CredentialShape.Token);
                    continue;
                }
            }

            if (!Split(text, fs, e, out string key, out string value, out int vs, out int ve, out bool quoted))
            {
                continue;
            }

            Apply(doc, sink, li, key, value, vs, ve, quoted, comment);
        }
    }

    private static bool Split(string text, int fs, int e, out string key, out string value, out int vs, out int ve, out bool quoted)
    {
        key = value = string.Empty;
        vs = ve = -1;
        quoted = false;
        int p;
        if (text[fs] == '"')
        {
            int close = text.IndexOf('"', fs + 1, e - fs - 1);
            if (close < 0)
            {
                return false;
            }

            key = text.Substring(fs + 1, close - fs - 1);
            p = close + 1;
        }
        else
        {
            p = fs;
            while (p < e && !Js.IsWhiteSpace(text[p]))
            {
                p++;
            }

            key = text.Substring(fs, p - fs);
        }

        p = Js.SkipWhiteSpace(text, p, e);

        if (p >= e)
        {
            return false;
        }

        int end = e;
        while (end > p && Js.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (text[p] == '"' && end - p >= 2 && text[end - 1] == '"')
        {
            quoted = true;
            vs = p + 1;
            ve = end - 1;
            value = StrictJson.Parse(text, p, end, out string? str) == JsonKind.String ? str! : text.Substring(vs, ve - vs);
        }
        else
        {
            vs = p;
            ve = end;
            value = text.Substring(vs, ve - vs);
        }

        return key.Length > 0;
    }

    private static void Apply(DecodedText doc, FindingSink sink, int li, string key, string value, int vs, int ve, bool quoted, bool comment)
    {
        string safeKey = ValueShapes.Sanitize(key);
        var kind = NpmrcReader.KindOf(key, out string name);
        if (kind is NpmrcReader.CredentialKind.Token or NpmrcReader.CredentialKind.Basic)
        {
            var info = ReferenceSyntax.ClassifyNpmrc(value);
            if (info.Class == ValueClass.Literal && !ValueShapes.IsPlaceholderFor(value, NpmrcReader.ShapeOf(kind, name)) && !(!quoted && value is "true" or "false"))
            {
                var shape = NpmrcReader.ShapeOf(kind, name);
                string what = kind == NpmrcReader.CredentialKind.Token ? ValueShapes.DescribeToken(value) : ValueShapes.DescribeBasic(name, value);
                if (comment)
                {
                    ConfigRules.CommentedCredential(doc, sink, li, vs, ve, safeKey, what, value, shape);
                }
                else
                {
                    ConfigRules.Credential(doc, sink, li, vs, ve, ConfigTool.YarnClassic, safeKey, what, value, shape,
                        "(Yarn 1 never sends auth keys from .yarnrc, but the secret is in the file)");
                }
            }
        }

        if (!comment)
        {
            if ((key == "registry" || (key.StartsWith("@", StringComparison.Ordinal) && key.EndsWith(":registry", StringComparison.Ordinal)))
                && value.IndexOf("${", StringComparison.Ordinal) < 0)
            {
                ConfigRules.RegistryUrl(doc, sink, li, vs, ve, safeKey, value, null);
            }
            else if (key == "strict-ssl" && value is "false" or "0" or "null")
            {
                ConfigRules.TlsVerificationOff(doc, sink, li, vs, ve, safeKey, "strict-ssl", value, value);
            }
        }

        if (value.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            ConfigRules.UrlCredentials(doc, sink, li, vs, ve, safeKey, comment);
        }
    }
}
