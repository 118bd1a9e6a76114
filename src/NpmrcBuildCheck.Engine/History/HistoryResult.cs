using System;
using System.Collections.Generic;
using NpmrcBuildCheck.Findings;

namespace NpmrcBuildCheck.History;

/// <summary>The outcome of a history scan.</summary>
public sealed class HistoryResult
{
    internal HistoryResult(IReadOnlyList<Finding> findings, IReadOnlyList<string> notes)
    {
        Findings = findings;
        Notes = notes;
    }

    /// <summary>NPMRC011 for credentials only in the history, NPMRC900 for objects that could not be read; sorted by path and line.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>What the scan could not cover, for the user (shallow history, blobs a partial clone does not hold); no content.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Unique blobs read and scanned by this run (0 when all were known from the state).</summary>
    public int BlobsScanned { get; init; }

    /// <summary>Inflated bytes of the blobs this run scanned.</summary>
    public long BytesRead { get; init; }

    /// <summary>Commits reachable from all refs (walked now or known from the state).</summary>
    public int Commits { get; init; }

    /// <summary>Unique blobs in the reachable history (scanned now or before).</summary>
    public int Blobs { get; init; }

    /// <summary>A shallow clone: history beyond its boundary was not scanned.</summary>
    public bool IsShallow { get; init; }

    /// <summary>Blobs a partial clone does not hold: not scanned, never fetched.</summary>
    public int MissingBlobs { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>The folder finding paths are relative to: the work tree root, or the git directory of a bare repository; null outside a repository.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>The summary line hosts print, like the tree scan's.</summary>
    public string Summary => $"NpmrcBuildCheck: scanned {BlobsScanned} blobs ({BytesRead} bytes read) in {(long)Elapsed.TotalMilliseconds} ms";
}
