using System.IO;

namespace NpmrcBuildCheck.Reporting;

/// <summary>A SARIF 2.1.0 log (<see cref="SarifLog"/>), for GitHub code scanning and Azure DevOps.</summary>
public sealed class SarifReporter : IReporter
{
    public void Write(Report report, TextWriter output) =>
        output.Write(SarifLog.Build(report.Entries, report.RootUri, report.ToolVersion));
}
