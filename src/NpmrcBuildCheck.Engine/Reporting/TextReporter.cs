using System.IO;

namespace NpmrcBuildCheck.Reporting;

/// <summary>
/// One line per finding in MSBuild's canonical form, <c>file(line,col): error CODE: message</c>,
/// which editors, terminals and CI problem matchers turn into annotations. A finding about a
/// whole file (line 0) has no position: <c>file: warning NPMRC900: message</c>.
/// </summary>
public sealed class TextReporter : IReporter
{
    public void Write(Report report, TextWriter output)
    {
        foreach (var entry in report.Entries)
        {
            var finding = entry.Finding;
            string position = finding.Line > 0 ? $"({finding.Line},{finding.Column})" : string.Empty;
            output.WriteLine($"{report.FullPath(finding)}{position}: {Category(entry.Outcome)} {finding.Rule.Code}: {finding.Message}");
        }
    }

    private static string Category(Outcome outcome) => outcome switch
    {
        Outcome.Error => "error",
        Outcome.Warning => "warning",
        _ => "message",
    };
}
