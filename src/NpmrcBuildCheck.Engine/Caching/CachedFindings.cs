using System.IO;
using NpmrcBuildCheck.Findings;

namespace NpmrcBuildCheck.Caching;

/// <summary>
/// How the scan cache and the history state store a finding: everything but the path (the
/// file's or blob's own), as <see cref="BinaryWriter"/> writes it. A finding holds no secret.
/// </summary>
internal static class CachedFindings
{
    public static void Write(BinaryWriter writer, Finding finding)
    {
        writer.Write(finding.Rule.Code);
        writer.Write(finding.Line);
        writer.Write(finding.Column);
        writer.Write(finding.EndLine);
        writer.Write(finding.EndColumn);
        writer.Write(finding.Key is not null);
        writer.Write(finding.Key ?? string.Empty);
        writer.Write(finding.Redacted);
        writer.Write(finding.SubjectDigest);
        writer.Write(finding.Text.Serialize());
    }
}
