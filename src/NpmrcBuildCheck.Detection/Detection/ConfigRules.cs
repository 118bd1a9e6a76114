using NpmrcBuildCheck.Rules;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Detection;

/// <summary>
/// The config rules NPMRC001, NPMRC002, NPMRC004, NPMRC005 and NPMRC006, applied in one place to what every
/// config reader finds. A reader knows its tool: which keys hold credentials or name a registry,
/// which values turn TLS verification off, what a reference or a placeholder looks like. This class
/// knows the rules: subject, redaction, span and message.
/// </summary>
internal static class ConfigRules
{
    /// <summary>
    /// A literal credential (not a reference, not a placeholder) at text[start, end) of a line: NPMRC001
    /// for a token, NPMRC002 otherwise, unless a credential finding already covers the span.
    /// <paramref name="what"/> describes its shape; <paramref name="note"/> says whether the tool uses it.
    /// </summary>
    public static void Credential(DecodedText doc, FindingSink sink, int lineIndex, int start, int end, ConfigTool tool, string key,
        string what, string secret, CredentialShape shape, string? note)
    {
        int line = doc.Lines[lineIndex].Number;
        int col = doc.Column(lineIndex, start), endCol = doc.Column(lineIndex, end);
        if (sink.IsClaimed(line, col, endCol))
        {
            return;
        }

        string redacted = ValueShapes.Redact(secret, shape);
        if (shape == CredentialShape.Token)
        {
            sink.Add(RuleCatalog.HardCodedAuthToken, line, col, endCol, key, secret, redacted, tool switch
            {
                ConfigTool.YarnBerry => Messages.HardCodedYarnToken(key, what, redacted),
                ConfigTool.Bun => Messages.HardCodedBunToken(key, what, redacted),
                _ => Messages.HardCodedToken(key, what, redacted, note),
            });
        }
        else
        {
            sink.Add(RuleCatalog.HardCodedBasicAuth, line, col, endCol, key, secret, redacted, Messages.HardCodedBasic(key, what, redacted, note));
        }
    }

    /// <summary>A credential in a comment at text[start, end) of a line: NPMRC004, unless a credential finding already covers the span.</summary>
    public static void CommentedCredential(DecodedText doc, FindingSink sink, int lineIndex, int start, int end, string? key, string what, string secret, CredentialShape shape)
    {
        int line = doc.Lines[lineIndex].Number;
        int col = doc.Column(lineIndex, start), endCol = doc.Column(lineIndex, end);
        if (sink.IsClaimed(line, col, endCol))
        {
            return;
        }

        string redacted = ValueShapes.Redact(secret, shape);
        sink.Add(RuleCatalog.CommentedCredential, line, col, endCol, key, secret, redacted, Messages.CommentedCredential(key, what, redacted));
    }

    /// <summary>URL passwords (<c>scheme://user:password@</c>) in text[start, end): see <see cref="UrlCredential"/>.</summary>
    public static void UrlCredentials(DecodedText doc, FindingSink sink, int lineIndex, int start, int end, string? key, bool commented)
    {
        foreach (var cred in ValueShapes.FindUrlCredentials(doc.Text, start, end))
        {
            UrlCredential(doc, sink, lineIndex, cred, key, commented);
        }
    }

    /// <summary>
    /// A URL password that is not a reference or a placeholder: NPMRC002 (worded for a lockfile when
    /// <paramref name="key"/> is null), or NPMRC004 when <paramref name="commented"/>. Nothing of it is shown.
    /// </summary>
    public static void UrlCredential(DecodedText doc, FindingSink sink, int lineIndex, ValueShapes.UrlCredential cred, string? key, bool commented)
    {
        string password = doc.Text.Substring(cred.PasswordStart, cred.PasswordEnd - cred.PasswordStart);
        if (ValueShapes.IsReferenceLike(password) || ValueShapes.IsPlaceholder(password))
        {
            return;
        }

        if (commented)
        {
            CommentedCredential(doc, sink, lineIndex, cred.PasswordStart, cred.PasswordEnd, key, "URL password", password, CredentialShape.Plain);
            return;
        }

        int line = doc.Lines[lineIndex].Number;
        int col = doc.Column(lineIndex, cred.PasswordStart), endCol = doc.Column(lineIndex, cred.PasswordEnd);
        if (!sink.IsClaimed(line, col, endCol))
        {
            string redacted = Findings.Redaction.RedactPassword(password);
            sink.Add(RuleCatalog.HardCodedBasicAuth, line, col, endCol, key, password, redacted,
                key == null ? Messages.LockfileUrlCredential(redacted) : Messages.UrlCredential(key, redacted));
        }
    }

    /// <summary>
    /// A registry URL setting at text[start, end) of a line: NPMRC005 when it is plain http to a host
    /// that is not loopback. <paramref name="note"/> adds what the tool does about it, if anything.
    /// </summary>
    public static void RegistryUrl(DecodedText doc, FindingSink sink, int lineIndex, int start, int end, string key, string url, string? note)
    {
        if (!ValueShapes.IsInsecureHttp(url))
        {
            return;
        }

        string shown = ValueShapes.Sanitize(url);
        sink.Add(RuleCatalog.InsecureRegistry, doc.Lines[lineIndex].Number, doc.Column(lineIndex, start), doc.Column(lineIndex, end),
            key, shown, shown, Messages.InsecureRegistry(key, shown, note));
    }

    /// <summary>
    /// A setting at text[start, end) that the tool reads as "do not verify TLS certificates": NPMRC006.
    /// <paramref name="setting"/>=<paramref name="value"/> is the subject; <paramref name="shown"/> is the value as written.
    /// </summary>
    public static void TlsVerificationOff(DecodedText doc, FindingSink sink, int lineIndex, int start, int end, string key, string setting, string value, string shown)
    {
        sink.Add(RuleCatalog.TlsVerificationDisabled, doc.Lines[lineIndex].Number, doc.Column(lineIndex, start), doc.Column(lineIndex, end),
            key, setting + "=" + value, shown, Messages.TlsDisabled(key, shown));
    }
}
