using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using NpmrcBuildCheck.Reporting;

namespace NpmrcBuildCheck.Tasks;

/// <summary>Writes the project's current findings as its baseline of accepted findings.</summary>
public sealed class WriteNpmrcBaseline : Task
{
    public ITaskItem[] Findings { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string ScanRoot { get; set; } = string.Empty;

    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    public ITaskItem[] Compile { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string Baseline { get; set; } = string.Empty;

    public override bool Execute()
    {
        string path = Path.GetFullPath(Path.Combine(ProjectDirectory, Baseline));
        var findings = ProjectFindings.Select(Findings, ScanRoot, ProjectDirectory, Compile).Select(selected => selected.Finding).ToList();
        Reporting.Baseline.Write(path, findings);
        Log.LogMessage(MessageImportance.High, "NpmrcBuildCheck: wrote baseline '{0}' accepting {1} findings.", path, findings.Count);
        return !Log.HasLoggedErrors;
    }
}
