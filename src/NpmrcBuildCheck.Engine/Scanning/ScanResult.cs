using System;
using System.Collections.Generic;
using NpmrcBuildCheck.Findings;

namespace NpmrcBuildCheck.Scanning;

/// <summary>The outcome of scanning one tree.</summary>
public sealed class ScanResult
{
    public ScanResult(IReadOnlyList<Finding> findings, int filesScanned, long bytesRead, TimeSpan elapsed, IReadOnlyList<string> projectDirectories)
    {
        Findings = findings;
        FilesScanned = filesScanned;
        BytesRead = bytesRead;
        Elapsed = elapsed;
        ProjectDirectories = projectDirectories;
    }

    /// <summary>All findings, sorted by path, line and column; inline suppressions already applied.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Files scanned: read, served from the cache, or empty. Binary, over-size and special files are not counted.</summary>
    public int FilesScanned { get; }

    /// <summary>
    /// File content read from disk for detection by this scan (0 for files served from the cache).
    /// Git metadata (the index and .gitignore files, read only when a credential finding needs
    /// them) and the cache file itself are not counted.
    /// </summary>
    public long BytesRead { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>Files whose findings came from the cache (not read).</summary>
    public int CacheHits { get; init; }

    /// <summary>Files skipped as binary (by extension or content).</summary>
    public int BinaryFilesSkipped { get; init; }

    /// <summary>Folders listed by the walk (pruned folders are never listed).</summary>
    public int DirectoriesListed { get; init; }

    /// <summary>Why the cache was not used or not saved (the scan itself is complete), or null.</summary>
    public string? CacheProblem { get; init; }

    /// <summary>Root-relative folders ('/' separators, "" for the root) that hold a .NET project file.</summary>
    public IReadOnlyList<string> ProjectDirectories { get; }
}
