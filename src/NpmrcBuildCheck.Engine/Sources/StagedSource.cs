using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Git;
using NpmrcBuildCheck.Git.Objects;
using NpmrcBuildCheck.Scanning;

namespace NpmrcBuildCheck.Sources;

/// <summary>
/// What the next commit holds: every regular file of the git index, read as its staged blob
/// from the object store, not from the work tree. A token staged and then deleted from the work
/// tree is still found; an edit not yet staged is not. The walker's pruning and the excludes
/// apply to the paths; every file is tracked, so no finding is relabelled as git-ignored.
/// </summary>
internal sealed class StagedSource : IContentSource
{
    private readonly IReadOnlyList<IndexEntry> entries;
    private readonly Func<IBlobReader> openBlobs;
    private readonly IReadOnlyList<string> excludeGlobs;
    private readonly long maxFileSize;

    private StagedSource(string root, IReadOnlyList<IndexEntry> entries, Func<IBlobReader> openBlobs, IReadOnlyList<string> excludeGlobs, long maxFileSize)
    {
        Root = root;
        this.entries = entries;
        this.openBlobs = openBlobs;
        this.excludeGlobs = excludeGlobs;
        this.maxFileSize = maxFileSize;
    }

    /// <summary>The work tree's root: staged paths are relative to it.</summary>
    public string Root { get; }

    /// <summary>Reads the index of the work tree holding <paramref name="start"/>.</summary>
    /// <exception cref="SourceUnavailableException">Not in a git work tree, or its index cannot be read.</exception>
    public static StagedSource Open(string start, Func<GitRepository, IBlobReader> openBlobs, IReadOnlyList<string> excludeGlobs, long maxFileSize = ScanOptions.DefaultMaxFileSize)
    {
        var repository = GitRepository.Discover(start)
            ?? throw new SourceUnavailableException($"'{Path.GetFullPath(start)}' is not inside a git work tree: there is no staged content to scan.");
        int hashSize = GitIndex.HashSizeFor(Path.Combine(repository.CommonDirectory, "config"));
        var entries = GitIndex.ReadEntries(repository.IndexPath, hashSize)
            ?? throw new SourceUnavailableException($"The git index '{repository.IndexPath}' could not be read (a split index is not supported: run 'git update-index --no-split-index').");
        return new StagedSource(repository.WorkTree, entries, () => openBlobs(repository), excludeGlobs, maxFileSize);
    }

    public ScanResult Scan()
    {
        var stopwatch = Stopwatch.StartNew();
        var filter = new IndexPathFilter(entries.Select(e => e.Path), excludeGlobs);
        var findings = new List<Finding>();
        var seen = new HashSet<(string, ObjectId)>();
        int scanned = 0;
        int binary = 0;
        long bytesRead = 0;
        using (var blobs = openBlobs())
        {
            foreach (var entry in entries)
            {
                // A conflicted path has one entry per side; the same blob twice is scanned once.
                if (!entry.IsRegularFile || !filter.IsIncluded(entry.Path) || !seen.Add((entry.Path, entry.Id)))
                {
                    continue;
                }

                string name = entry.Path.Substring(entry.Path.LastIndexOf('/') + 1);
                if (ContentScan.IsBinaryByName(name))
                {
                    binary++;
                    continue;
                }

                byte[] content;
                try
                {
                    content = blobs.ReadBlob(entry.Id);
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    findings.Add(ScanProblems.Unreadable(entry.Path, isDirectory: false, ex));
                    continue;
                }

                bytesRead += content.Length;
                if (content.Length > maxFileSize)
                {
                    findings.Add(ScanProblems.OverSize(entry.Path, content.Length, maxFileSize));
                    continue;
                }

                if (ContentScan.Detect(entry.Path, name, content, null, out var found) == ContentScan.Result.Binary)
                {
                    binary++;
                    continue;
                }

                scanned++;
                findings.AddRange(found);
            }
        }

        findings.Sort(TreeScanner.CompareFindings);
        var projects = filter.ProjectDirectories.OrderBy(d => d, StringComparer.Ordinal).ToList();
        return new ScanResult(findings, scanned, bytesRead, stopwatch.Elapsed, projects) { BinaryFilesSkipped = binary };
    }
}
