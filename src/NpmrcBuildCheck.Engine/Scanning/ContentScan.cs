using System;
using System.Collections.Generic;
using NpmrcBuildCheck.Detection;
using NpmrcBuildCheck.Findings;

namespace NpmrcBuildCheck.Scanning;

/// <summary>
/// The per-file step every content source shares once it holds a file's bytes (from disk, from
/// a git blob, from standard input): skip binary content, run detection, and turn a failure of
/// detection into an NPMRC900 finding for that path. Where the bytes come from is the source's
/// business; what the findings look like is the reporter's.
/// </summary>
internal static class ContentScan
{
    /// <summary>What became of one file's content.</summary>
    public enum Result
    {
        /// <summary>Binary content: not scanned, not counted.</summary>
        Binary,

        /// <summary>Scanned; the findings (maybe none) are final.</summary>
        Detected,

        /// <summary>Detection failed; the one NPMRC900 finding says so (not to be cached).</summary>
        Failed,
    }

    /// <summary>Whether a file is skipped by its name alone: a binary extension, unless it is always read.</summary>
    public static bool IsBinaryByName(string fileName) =>
        BinaryFiles.HasBinaryExtension(fileName) && !IsAlwaysRead(FileKinds.Classify(fileName));

    /// <summary>Whether content of this kind is skipped as binary (a NUL near its start), unless it is always read.</summary>
    public static bool IsBinaryContent(FileKind kind, ReadOnlySpan<byte> content) =>
        !IsAlwaysRead(kind) && BinaryFiles.LooksBinary(content);

    /// <summary>Config files and lockfiles are always read: neither a binary extension nor a NUL byte skips them.</summary>
    private static bool IsAlwaysRead(FileKind kind) => FileKinds.IsConfig(kind) || kind == FileKind.Lockfile;

    /// <summary>Detects findings in one file's bytes. Never throws.</summary>
    /// <param name="relativePath">Root-relative path, '/' separators.</param>
    /// <param name="fileName">The file's name (its last path segment), which picks the reader.</param>
    /// <param name="content">The file's bytes as they are (invalid UTF-8 included).</param>
    /// <param name="detector">Replaces <see cref="ContentDetector.Detect"/> (benchmarks and tests); null for the real one.</param>
    /// <param name="findings">The findings; empty for binary content.</param>
    public static Result Detect(string relativePath, string fileName, ReadOnlySpan<byte> content, DetectCallback? detector, out Finding[] findings) =>
        Detect(relativePath, FileKinds.Classify(fileName), content, detector, out findings);

    /// <summary>The same for a file whose kind is already known (the history scan keeps it per blob).</summary>
    public static Result Detect(string relativePath, FileKind kind, ReadOnlySpan<byte> content, DetectCallback? detector, out Finding[] findings)
    {
        if (IsBinaryContent(kind, content))
        {
            findings = Array.Empty<Finding>();
            return Result.Binary;
        }

        var found = new List<Finding>();
        try
        {
            if (detector is not null)
            {
                detector(relativePath, kind, content, found);
            }
            else
            {
                ContentDetector.Detect(relativePath, kind, content, found);
            }

            findings = found.Count == 0 ? Array.Empty<Finding>() : found.ToArray();
            return Result.Detected;
        }
        catch (Exception ex)
        {
            findings = new[] { ScanProblemFindings.Internal(relativePath, ex) };
            return Result.Failed;
        }
    }
}
