using System.Collections.Generic;
using System.IO;
using System.Linq;
using NpmrcBuildCheck.Findings;

namespace NpmrcBuildCheck.Reporting;

/// <summary>What a host reports after its settings are applied: the shown findings (never the suppressed ones) under one root.</summary>
public sealed class Report
{
    public Report(string root, IReadOnlyList<SarifLog.Entry> entries, string toolVersion)
    {
        Root = Path.GetFullPath(root);
        Entries = entries;
        ToolVersion = toolVersion;
    }

    /// <summary>The absolute folder every finding's path is relative to.</summary>
    public string Root { get; }

    /// <summary>The findings to show, with how each is reported.</summary>
    public IReadOnlyList<SarifLog.Entry> Entries { get; }

    public string ToolVersion { get; }

    public int Errors => Entries.Count(e => e.Outcome == Outcome.Error);

    public int Warnings => Entries.Count(e => e.Outcome == Outcome.Warning);

    /// <summary>The root as a file URI with a trailing '/', as SARIF's <c>%SRCROOT%</c>.</summary>
    public string RootUri => new System.Uri(Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).AbsoluteUri;

    public string FullPath(Finding finding) => Path.Combine(Root, finding.Path.Replace('/', Path.DirectorySeparatorChar));
}
