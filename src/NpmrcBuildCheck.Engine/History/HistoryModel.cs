using System;
using NpmrcBuildCheck.Detection;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Git.Objects;
using NpmrcBuildCheck.Scanning;

namespace NpmrcBuildCheck.History;

/// <summary>A commit of the walked history: committer time and parents (indexes into the commit list).</summary>
internal sealed class CommitNode
{
    public CommitNode(ObjectId id) => Id = id;

    public ObjectId Id { get; }

    public long Time { get; set; }

    public int[] Parents { get; set; } = Array.Empty<int>();

    /// <summary>A parent is not in the repository (shallow boundary, damage): read again next time, it may have arrived.</summary>
    public bool Incomplete { get; set; }

    /// <summary>Read by this run: its tree still has to be walked.</summary>
    public bool IsNew { get; set; }
}

/// <summary>What became of a blob.</summary>
internal enum BlobStatus : byte
{
    Pending = 0,
    Scanned = 1,
    Binary = 2,
    OverSize = 3,
    Missing = 4,
    Corrupt = 5,
}

/// <summary>
/// How a blob is read, from its file name as in the tree scan: the <see cref="FileKind"/> (low
/// bits) and the path facts detection uses (package.json, documentation), or binary by name.
/// A blob is scanned once per reading (practically once: the same bytes under a config name
/// and a text name are read both ways).
/// </summary>
internal static class BlobReading
{
    private const byte KindMask = 0x07;
    private const byte PackageJson = 0x08;
    private const byte Documentation = 0x10;
    private const byte BinaryByName = 0x80;

    public static byte Of(string name)
    {
        if (ContentScan.IsBinaryByName(name))
        {
            return BinaryByName;
        }

        byte reading = (byte)FileKinds.Classify(name);
        if (name == "package.json")
        {
            reading |= PackageJson;
        }

        if (FileKinds.IsDocumentation(name))
        {
            reading |= Documentation;
        }

        return reading;
    }

    public static bool IsBinaryByName(byte reading) => (reading & BinaryByName) != 0;

    public static FileKind Kind(byte reading) => (FileKind)(reading & KindMask);
}

/// <summary>A blob id and how it is read: the unit of deduplication.</summary>
internal readonly struct BlobKey : IEquatable<BlobKey>
{
    public BlobKey(ObjectId id, byte reading)
    {
        Id = id;
        Reading = reading;
    }

    public ObjectId Id { get; }

    public byte Reading { get; }

    public bool Equals(BlobKey other) => Id == other.Id && Reading == other.Reading;

    public override bool Equals(object? obj) => obj is BlobKey other && Equals(other);

    public override int GetHashCode() => Id.GetHashCode() ^ Reading;
}

/// <summary>One unique blob: its status, its credential findings, and where it first appeared (for findings and problems).</summary>
internal sealed class BlobRecord
{
    public BlobStatus Status { get; set; }

    /// <summary>Credential findings (paths are the first path); null when none.</summary>
    public Finding[]? Findings { get; set; }

    /// <summary>Index of the oldest walked commit holding it; -1 when not (yet) seen by this walk.</summary>
    public int FirstCommit { get; set; } = -1;

    /// <summary>Its path in <see cref="FirstCommit"/>.</summary>
    public string? Path { get; set; }

    /// <summary>Whether the state must keep its commit and path (findings, or a retry next run).</summary>
    public bool KeepsPlace => Findings is not null || Status is BlobStatus.Missing or BlobStatus.Corrupt;
}
