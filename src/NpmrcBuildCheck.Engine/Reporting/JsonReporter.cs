using System.IO;

namespace NpmrcBuildCheck.Reporting;

/// <summary>
/// The findings as plain JSON for scripts: the root, then each finding with its code, level,
/// root-relative and full path, position, key, redacted value, fingerprint, message and help
/// link. Like every output, it holds no secret.
/// </summary>
public sealed class JsonReporter : IReporter
{
    public const int FormatVersion = 1;

    public void Write(Report report, TextWriter output)
    {
        var json = new JsonWriter()
            .StartObject()
            .Number("version", FormatVersion)
            .StartObject("tool").String("name", "NpmrcBuildCheck").String("version", report.ToolVersion).EndObject()
            .String("root", report.Root)
            .StartObject("summary").Number("errors", report.Errors).Number("warnings", report.Warnings).Number("findings", report.Entries.Count).EndObject()
            .StartArray("findings");
        foreach (var entry in report.Entries)
        {
            var finding = entry.Finding;
            json.StartObject()
                .String("code", finding.Rule.Code)
                .String("level", entry.Outcome.ToString().ToLowerInvariant())
                .String("path", finding.Path)
                .String("file", report.FullPath(finding))
                .Number("line", finding.Line)
                .Number("column", finding.Column)
                .Number("endLine", finding.EndLine)
                .Number("endColumn", finding.EndColumn)
                .String("key", finding.Key)
                .String("redacted", finding.Redacted.Length == 0 ? null : finding.Redacted)
                .String("fingerprint", finding.Fingerprint)
                .String("message", finding.Message)
                .String("helpUri", finding.Rule.HelpLink)
                .EndObject();
        }

        output.Write(json.EndArray().EndObject().ToString());
    }
}
