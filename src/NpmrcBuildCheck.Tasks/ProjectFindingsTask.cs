using System;
using System.Collections.Generic;
using Microsoft.Build.Framework;
using NpmrcBuildCheck.Findings;

namespace NpmrcBuildCheck.Tasks;

/// <summary>A task that works on one project's share of a shared scan (see <see cref="ProjectFindings"/>).</summary>
public abstract class ProjectFindingsTask : NpmrcTask
{
    /// <summary>The findings of the shared scan, as <see cref="ScanNpmrcTree"/> returned them.</summary>
    public ITaskItem[] Findings { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string ScanRoot { get; set; } = string.Empty;

    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>The project's C# sources: the analyzer reports those, so the scan does not again.</summary>
    public ITaskItem[] Compile { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>This project's findings, with the full path of each file.</summary>
    protected IReadOnlyList<(Finding Finding, string FullPath)> SelectFindings() =>
        ProjectFindings.Select(Findings, ScanRoot, ProjectDirectory, Compile);
}
