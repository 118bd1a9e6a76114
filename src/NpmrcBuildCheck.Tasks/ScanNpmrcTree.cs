using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using NpmrcBuildCheck.Reporting;
using NpmrcBuildCheck.Scanning;

namespace NpmrcBuildCheck.Tasks;

/// <summary>
/// Scans one tree and returns its findings as items. Runs in the package's private scan
/// project, once per build for each distinct root and settings; it logs only its summary,
/// since its events belong to no project (each project reports its own findings).
/// </summary>
public sealed class ScanNpmrcTree : Task
{
    [Required]
    public string Root { get; set; } = string.Empty;

    /// <summary>';'-separated globs relative to the root.</summary>
    public string? Exclude { get; set; }

    /// <summary>';'-separated absolute folders to prune (custom output folders).</summary>
    public string? PrunedDirectories { get; set; }

    public string? CacheDirectory { get; set; }

    [Output]
    public ITaskItem[] Findings { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        string root = Path.GetFullPath(Root);
        Log.LogMessage(MessageImportance.Low, "NpmrcBuildCheck: root '{0}', exclude '{1}', pruned '{2}', cache '{3}'.", root, Exclude, PrunedDirectories, CacheDirectory);
        var options = new ScanOptions(root)
        {
            ExcludeGlobs = Split(Exclude),
            PrunedDirectories = Split(PrunedDirectories).Select(Path.GetFullPath).ToArray(),
            CacheDirectory = string.IsNullOrWhiteSpace(CacheDirectory) ? null : Path.GetFullPath(CacheDirectory),
        };

        ScanResult result = TreeScanner.Scan(options);
        Findings = result.Findings
            .Select(finding => FindingItem.ToItem(finding, root, ProjectOwnership.OwnerOf(finding.Path, result.ProjectDirectories)))
            .ToArray();
        Log.LogMessage(
            MessageImportance.Normal,
            "NpmrcBuildCheck: scanned {0} files ({1} bytes read) in {2} ms",
            result.FilesScanned,
            result.BytesRead,
            (long)result.Elapsed.TotalMilliseconds);
        return !Log.HasLoggedErrors;
    }

    private static string[] Split(string? list) =>
        (list ?? string.Empty).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
}
