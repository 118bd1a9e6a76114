using System;
using System.Collections.Generic;

namespace NpmrcBuildCheck.Scanning;

/// <summary>The shape of <see cref="Detection.ContentDetector.Detect"/>.</summary>
internal delegate void DetectCallback(string relativePath, Detection.FileKind kind, ReadOnlySpan<byte> content, ICollection<Findings.Finding> findings);

/// <summary>What to scan and how. Everything that changes results is part of <see cref="SettingsKey"/>.</summary>
public sealed class ScanOptions
{
    /// <summary>
    /// Default size limit, 16 MiB: larger files are reported as NPMRC900 (message importance,
    /// <see cref="ScanProblems.OverSizeLimit"/>), not read. It covers the largest text files a
    /// frontend tree really holds (lockfiles of a few MiB, bundles, most source maps) while
    /// bounding memory to one buffer of this size per reading thread.
    /// </summary>
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

    /// <summary>How many threads walk and read; 0 (default) picks one per core, plus two for a first scan, at most 4 (<see cref="WorkerCount"/>).</summary>
    public int MaxParallelism { get; init; }

    /// <summary>Replaces <see cref="Detection.ContentDetector.Detect"/> (benchmarks and tests only).</summary>
    internal DetectCallback? Detector { get; init; }

    /// <summary>Whether git state relabels findings (NPMRC009, history remark). On by default.</summary>
    public bool UseGit { get; init; } = true;

    /// <summary>Folder for the incremental cache; null disables it. It is never scanned itself.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Identifies the settings and engine version in the cache, so a change of either invalidates it.</summary>
    public string SettingsKey =>
        string.Join("\n", typeof(ScanOptions).Assembly.GetName().Version?.ToString() ?? "0", Root, MaxFileSize.ToString(), string.Join(";", ExcludeGlobs), string.Join(";", PrunedDirectories));
}
