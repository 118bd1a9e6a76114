using System;
using System.Collections.Generic;
using NpmrcBuildCheck.Scanning;

namespace NpmrcBuildCheck.History;

/// <summary>What a history scan reads and where it remembers what it read.</summary>
public sealed class HistoryOptions
{
    public HistoryOptions(string repositoryPath) => RepositoryPath = repositoryPath;

    /// <summary>A work tree (or a folder in one), a linked work tree, a <c>.git</c> folder or a bare repository.</summary>
    public string RepositoryPath { get; }

    /// <summary>Folder of the incremental state (scanned object ids and digests, never content); null scans everything every time.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Blobs larger than this are not read (as files in the tree scan).</summary>
    public long MaxFileSize { get; init; } = ScanOptions.DefaultMaxFileSize;

    /// <summary>Threads that inflate and scan blobs; 0 picks the processor count (at most 4).</summary>
    public int MaxParallelism { get; init; }

    /// <summary>
    /// Subject digests of credentials the host found in the current tree: they stay the tree's
    /// findings. The credentials in HEAD's committed tree count as current in any case.
    /// </summary>
    public IReadOnlyCollection<string> CurrentDigests { get; init; } = Array.Empty<string>();

    /// <summary>Called now and then from scanning threads with (blobs done, blobs to scan); must be thread-safe.</summary>
    public Action<long, long>? Progress { get; init; }
}
