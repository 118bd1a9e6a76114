using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using NpmrcBuildCheck.History;

namespace NpmrcBuildCheck.Tasks;

/// <summary>
/// Scans the git history of the repository holding <see cref="Root"/> (NpmrcBuildCheckHistory)
/// and returns its NPMRC011 and NPMRC900 findings as items, to be reported with the tree's
/// (same baseline, severities and SARIF). The scan runs once per build process for a
/// repository: the result is kept as a build-lifetime task object, and each project drops the
/// credentials its own tree scan found (they stay the tree's findings). The state in
/// <see cref="StateDirectory"/> makes later builds read only new objects.
/// </summary>
public sealed class ScanNpmrcHistory : NpmrcTask
{
    [Required]
    public string Root { get; set; } = string.Empty;

    public string? StateDirectory { get; set; }

    /// <summary>The tree scan's findings for this project (only their digests are used).</summary>
    public ITaskItem[] TreeFindings { get; set; } = Array.Empty<ITaskItem>();

    [Output]
    public ITaskItem[] Findings { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        string root = Path.GetFullPath(Root);
        string? state = string.IsNullOrWhiteSpace(StateDirectory) ? null : Path.GetFullPath(StateDirectory);
        var result = ScanOncePerBuild(root, state);
        var current = new HashSet<string>(TreeFindings.Select(item => item.GetMetadata("SubjectDigest")), StringComparer.Ordinal);
        string repository = result.RepositoryRoot ?? root;
        Findings = result.Findings
            .Where(finding => !current.Contains(finding.SubjectDigest) || finding.Rule != Rules.RuleCatalog.CredentialInHistory)
            .Select(finding => FindingItem.ToItem(finding with { Path = RelativeToRoot(repository, finding.Path, root) }, root, owner: null))
            .ToArray();
        return !Log.HasLoggedErrors;
    }

    /// <summary>
    /// History paths are relative to the repository; the report, baseline and SARIF log take
    /// paths relative to the scan root, as for the tree's findings (with <c>../</c> above it).
    /// </summary>
    private static string RelativeToRoot(string repository, string repositoryPath, string root)
    {
        string full = Path.GetFullPath(Path.Combine(repository, repositoryPath.Replace('/', Path.DirectorySeparatorChar)));
        var rootUri = new Uri(root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar);
        return Uri.UnescapeDataString(rootUri.MakeRelativeUri(new Uri(full)).ToString());
    }

    private HistoryResult ScanOncePerBuild(string root, string? state)
    {
        var engine = BuildEngine as IBuildEngine4;
        string key = "NpmrcBuildCheck.History\n" + typeof(ScanNpmrcHistory).Assembly.ManifestModule.ModuleVersionId + "\n" + (HistoryScanner.RepositoryOf(root) ?? root);
        if (engine?.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is HistoryResult known)
        {
            Log.LogMessage(MessageImportance.Low, "NpmrcBuildCheck: history already scanned in this build.");
            return known;
        }

        var result = HistoryScanner.Scan(new HistoryOptions(root) { StateDirectory = state });
        engine?.RegisterTaskObject(key, result, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        foreach (var note in result.Notes)
        {
            Log.LogMessage(MessageImportance.High, "NpmrcBuildCheck: {0}", note);
        }

        Log.LogMessage(MessageImportance.Normal, "{0} ({1} commits, {2} unique blobs in the history)", result.Summary, result.Commits, result.Blobs);
        return result;
    }
}
