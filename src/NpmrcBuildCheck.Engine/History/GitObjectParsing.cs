using System;
using System.Collections.Generic;
using NpmrcBuildCheck.Git.Objects;

namespace NpmrcBuildCheck.History;

/// <summary>
/// The parts of commits, tags and trees the history walk needs. Commit and tag headers are
/// <c>key value</c> lines up to the first blank line; tree entries are
/// <c>mode SP name NUL id</c>, the id raw (20 or 32 bytes).
/// </summary>
internal static class GitObjectParsing
{
    /// <summary>A commit's tree, parents and committer time (seconds since 1970); false when the header does not parse.</summary>
    public static bool TryParseCommit(ReadOnlySpan<byte> data, List<ObjectId> parents, out ObjectId tree, out long time)
    {
        tree = default;
        time = 0;
        parents.Clear();
        int position = 0;
        while (position < data.Length)
        {
            int end = data.Slice(position).IndexOf((byte)'\n');
            var line = end < 0 ? data.Slice(position) : data.Slice(position, end);
            position = end < 0 ? data.Length : position + end + 1;
            if (line.Length == 0)
            {
                break;
            }

            if (StartsWith(line, "tree "))
            {
                if (!ObjectId.TryParse(line.Slice(5), out tree))
                {
                    return false;
                }
            }
            else if (StartsWith(line, "parent "))
            {
                if (!ObjectId.TryParse(line.Slice(7), out var parent))
                {
                    return false;
                }

                parents.Add(parent);
            }
            else if (StartsWith(line, "committer "))
            {
                time = ParseTime(line);
            }
        }

        return !tree.IsEmpty;
    }

    /// <summary>The object an annotated tag points to.</summary>
    public static bool TryParseTag(ReadOnlySpan<byte> data, out ObjectId target)
    {
        target = default;
        int end = data.IndexOf((byte)'\n');
        var line = end < 0 ? data : data.Slice(0, end);
        return StartsWith(line, "object ") && ObjectId.TryParse(line.Slice(7), out target);
    }

    /// <summary>"Name &lt;email&gt; 1700000000 +0100": the number before the zone.</summary>
    private static long ParseTime(ReadOnlySpan<byte> line)
    {
        int close = line.LastIndexOf((byte)'>');
        if (close < 0)
        {
            return 0;
        }

        long value = 0;
        int i = close + 1;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        for (; i < line.Length && line[i] >= '0' && line[i] <= '9' && value < long.MaxValue / 10; i++)
        {
            value = (value * 10) + (line[i] - '0');
        }

        return value;
    }

    private static bool StartsWith(ReadOnlySpan<byte> line, string prefix)
    {
        if (line.Length < prefix.Length)
        {
            return false;
        }

        for (int i = 0; i < prefix.Length; i++)
        {
            if (line[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>What a tree entry is, by its mode.</summary>
internal enum TreeEntryKind : byte
{
    File,
    Tree,
    SymbolicLink,
    Submodule,
}

/// <summary>Walks a tree object's entries without allocating; names stay bytes until a caller needs a string.</summary>
internal ref struct TreeEntryReader
{
    private readonly ReadOnlySpan<byte> data;
    private readonly int hashSize;
    private int position;

    public TreeEntryReader(ReadOnlySpan<byte> data, int hashSize)
    {
        this.data = data;
        this.hashSize = hashSize;
        position = 0;
        Kind = TreeEntryKind.File;
        Name = default;
        Id = default;
    }

    public TreeEntryKind Kind { get; private set; }

    public ReadOnlySpan<byte> Name { get; private set; }

    public ObjectId Id { get; private set; }

    /// <summary>Moves to the next entry; false at the end. Throws <see cref="FormatException"/> on a damaged tree.</summary>
    public bool MoveNext()
    {
        if (position >= data.Length)
        {
            return false;
        }

        var rest = data.Slice(position);
        int space = rest.IndexOf((byte)' ');
        int nul = rest.IndexOf((byte)0);
        if (space <= 0 || nul < space || nul + 1 + hashSize > rest.Length)
        {
            throw new FormatException("damaged tree entry");
        }

        int mode = 0;
        for (int i = 0; i < space; i++)
        {
            byte c = rest[i];
            if (c < '0' || c > '7')
            {
                throw new FormatException("damaged tree entry mode");
            }

            mode = (mode << 3) | (c - '0');
        }

        Kind = (mode & 0xF000) switch
        {
            0x4000 => TreeEntryKind.Tree,
            0xA000 => TreeEntryKind.SymbolicLink,
            0xE000 => TreeEntryKind.Submodule,
            _ => TreeEntryKind.File,
        };
        Name = rest.Slice(space + 1, nul - space - 1);
        Id = ObjectId.FromBytes(rest.Slice(nul + 1, hashSize), hashSize);
        position += nul + 1 + hashSize;
        return true;
    }
}
