using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Build.Framework;
using NpmrcBuildCheck.Reporting;
using NpmrcBuildCheck.Scanning;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Tasks;

/// <summary>
/// Scans one tree and returns its findings as items: in the package's private scan project,
/// once per build for each distinct root and settings, or in place for a project that scans
/// its own folder (collecting the scan <see cref="StartNpmrcScan"/> began). It logs only its
/// summary; each project reports its own findings.
/// </summary>
public sealed class ScanNpmrcTree : ScanSettingsTask
{
    [Output]
    public ITaskItem[] Findings { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        var options = CreateOptions();
        ScanResult result = CollectStartedScan(options) ?? TreeScanner.Scan(options);
        Findings = result.Findings
            .Select(finding => FindingItem.ToItem(finding, options.Root, ProjectOwnership.OwnerOf(finding.Path, result.ProjectDirectories)))
            .ToArray();
        Log.LogMessage(
            MessageImportance.Normal,
            "NpmrcBuildCheck: scanned {0} ({1} read) in {2} ms",
            Counted.Of(result.FilesScanned, "file"),
            Counted.Of(result.BytesRead, "byte"),
            (long)result.Elapsed.TotalMilliseconds);
        if (result.CacheProblem is not null)
        {
            // Only speed is lost: every file was read and every finding is reported.
            Log.LogMessage(MessageImportance.Low, "NpmrcBuildCheck: caching is off for this scan: the cache {0}. Set NpmrcBuildCheckCacheDirectory to a writable folder to cache again.", result.CacheProblem);
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>The result of the same scan started earlier in this process, if any.</summary>
    private ScanResult? CollectStartedScan(ScanOptions options)
    {
        if (BuildEngine is not IBuildEngine4 engine
            || engine.UnregisterTaskObject(PendingScanKey(options), RegisteredTaskObjectLifetime.Build) is not Task<ScanResult> pending)
        {
            return null;
        }

        try
        {
            return pending.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            // The scanner reports its own failures as findings; anything else, scan again here.
            Log.LogMessage(MessageImportance.Low, "NpmrcBuildCheck: the early scan failed ({0}); scanning now.", e.GetType().Name);
            return null;
        }
    }
}
