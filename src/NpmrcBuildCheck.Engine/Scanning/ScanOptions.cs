using System;
using System.Collections.Generic;

namespace NpmrcBuildCheck.Scanning;

/// <summary>What to scan and how. Everything that changes results is part of <see cref="SettingsKey"/>.</summary>
public sealed class ScanOptions
{
    /// <summary>Default size limit: larger files are reported as NPMRC900 (message importance), not read.</summary>
    public const long DefaultMaxFileSize = 16 * 1024 * 1024;

    public ScanOptions(string root) => Root = root;

    /// <summary>Absolute path of the folder whose tree is scanned.</summary>
    public string Root { get; }

    /// <summary>Extra globs, relative to the root, pruned from the walk (NpmrcBuildCheckExclude).</summary>
    public IReadOnlyList<string> ExcludeGlobs { get; init; } = Array.Empty<string>();

    /// <summary>Absolute folders pruned from the walk (a project's own BaseOutputPath / BaseIntermediateOutputPath).</summary>
    public IReadOnlyList<string> PrunedDirectories { get; init; } = Array.Empty<string>();

    /// <summary>Files larger than this are not read.</summary>
    public long MaxFileSize { get; init; } = DefaultMaxFileSize;

    /// <summary>Folder for the incremental cache; null disables it.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Identifies the settings and engine version in the cache, so a change of either invalidates it.</summary>
    public string SettingsKey =>
        string.Join("\n", typeof(ScanOptions).Assembly.GetName().Version?.ToString() ?? "0", Root, MaxFileSize.ToString(), string.Join(";", ExcludeGlobs), string.Join(";", PrunedDirectories));
}
