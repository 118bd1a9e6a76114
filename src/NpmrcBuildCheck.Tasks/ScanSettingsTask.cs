using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using NpmrcBuildCheck.Scanning;

namespace NpmrcBuildCheck.Tasks;

/// <summary>A task that takes the scan settings: the tree, its excludes and the cache.</summary>
public abstract class ScanSettingsTask : NpmrcTask
{
    [Required]
    public string Root { get; set; } = string.Empty;

    /// <summary>';'-separated globs relative to the root.</summary>
    public string? Exclude { get; set; }

    /// <summary>';'-separated absolute folders to prune (custom output folders).</summary>
    public string? PrunedDirectories { get; set; }

    public string? CacheDirectory { get; set; }

    protected ScanOptions CreateOptions()
    {
        string root = Path.GetFullPath(Root);
        Log.LogMessage(MessageImportance.Low, "NpmrcBuildCheck: root '{0}', exclude '{1}', pruned '{2}', cache '{3}'.", root, Exclude, PrunedDirectories, CacheDirectory);
        return new ScanOptions(root)
        {
            ExcludeGlobs = Split(Exclude),
            PrunedDirectories = Split(PrunedDirectories).Select(Path.GetFullPath).ToArray(),
            CacheDirectory = string.IsNullOrWhiteSpace(CacheDirectory) ? null : Path.GetFullPath(CacheDirectory),
        };
    }

    /// <summary>
    /// Identifies a scan started early in this build process (see <see cref="StartNpmrcScan"/>).
    /// Registered task objects are shared by every task of the process, so the key names the
    /// package build and every setting.
    /// </summary>
    protected static string PendingScanKey(ScanOptions options) =>
        "NpmrcBuildCheck.PendingScan\n" + typeof(ScanSettingsTask).Assembly.ManifestModule.ModuleVersionId + "\n" + options.SettingsKey + "\n" + options.CacheDirectory;

    private static string[] Split(string? list) =>
        (list ?? string.Empty).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
}
