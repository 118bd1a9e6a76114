using NpmrcBuildCheck.Rules;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Detection;

/// <summary>
/// The settings rules NPMRC005 and NPMRC006, applied in one place to the settings every config
/// reader finds. A reader knows its tool: which keys name a registry, which values turn TLS
/// verification off, what a reference looks like. This class knows the rules: subject, span and message.
/// </summary>
internal static class ConfigRules
{
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
