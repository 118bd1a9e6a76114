using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace NpmrcBuildCheck.Git;

/// <summary>
/// The tracked paths of a git index (<c>.git/index</c>), versions 2, 3 and 4, read without
/// git. Only path names are kept; <see cref="ReadEntries"/> also gives each entry's staged
/// object id (what the next commit holds), for hosts that scan the index rather than the work tree. SHA-1 and SHA-256 repositories are supported (the hash
/// size comes from <c>extensions.objectFormat</c>). Sparse-index folder entries
/// (<c>dir/</c>) count as tracking everything below them. A split index (<c>link</c>
/// extension) or an index that does not parse yields null: "unknown", and the caller then
/// treats files as committable (never downgrades a finding on a guess).
/// </summary>
internal sealed class GitIndex : IDisposable
{
    private readonly Utf8PathSet files;
    private readonly List<string> sparseDirectories;

    private GitIndex(Utf8PathSet files, List<string> sparseDirectories, int version)
    {
        this.files = files;
        this.sparseDirectories = sparseDirectories;
        Version = version;
    }

    public int Version { get; }

    public int Count => files.Count;

    /// <summary>Frees the index file's memory, where the paths are kept.</summary>
    public void Dispose() => files.Dispose();

    /// <summary>Whether the work-tree-relative path ('/' separators) is tracked.</summary>
    public bool IsTracked(string path)
    {
        if (files.Contains(path))
        {
            return true;
        }

        foreach (var dir in sparseDirectories)
        {
            if (path.StartsWith(dir, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An empty index: a repository where nothing was ever added has no index file.</summary>
    public static GitIndex Empty { get; } = new(new Utf8PathSet(), new List<string>(), 2);

    public static GitIndex? Load(string indexPath, int hashSize)
    {
        try
        {
            if (!File.Exists(indexPath))
            {
                return Empty;
            }

            // Outside the GC heap (2.5 MB for 19k entries): the parsed set keeps its paths there, and owns it.
            var file = NpmrcBuildCheck.Caching.FileBytes.Read(indexPath);
            var index = Parse(file, hashSize, null);
            if (index is null)
            {
                file.Dispose();
            }

            return index;
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// Every entry of the index with its mode, stage and object id (the staged blob); null when
    /// the index does not parse or is split. A missing index file is an empty list.
    /// </summary>
    public static IReadOnlyList<IndexEntry>? ReadEntries(string indexPath, int hashSize)
    {
        try
        {
            if (!File.Exists(indexPath))
            {
                return Array.Empty<IndexEntry>();
            }

            var entries = new List<IndexEntry>();
            var file = NpmrcBuildCheck.Caching.FileBytes.Read(indexPath);
            using var index = Parse(file, hashSize, entries);
            if (index is null)
            {
                file.Dispose();
                return null;
            }

            return entries;
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>20 for SHA-1 repositories, 32 when the repository config says objectFormat = sha256.</summary>
    public static int HashSizeFor(string configPath)
    {
        try
        {
            if (File.Exists(configPath))
            {
                foreach (var raw in File.ReadAllLines(configPath))
                {
                    string line = raw.Trim();
                    if (line.StartsWith("objectformat", StringComparison.OrdinalIgnoreCase) &&
                        line.IndexOf("sha256", StringComparison.OrdinalIgnoreCase) > 0)
                    {
                        return 32;
                    }
                }
            }
        }
        catch (Exception)
        {
            // Default to SHA-1.
        }

        return 20;
    }

    /// <summary>Parses the whole index (19k entries in a typical SPA repository); runs on every build that has a credential finding, mostly in a fresh process, so it is optimised at its first compilation.</summary>
#if NET8_0_OR_GREATER
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
#endif
    internal static GitIndex? Parse(byte[] data, int hashSize) => Parse(NpmrcBuildCheck.Caching.FileBytes.Wrap(data), hashSize, null);

    /// <summary>
    /// Parses the index in <paramref name="file"/>; the result owns it (disposes it). With
    /// <paramref name="entries"/>, every entry is also added there with its object id.
    /// </summary>
#if NET8_0_OR_GREATER
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
#endif
    private static GitIndex? Parse(NpmrcBuildCheck.Caching.FileBytes file, int hashSize, List<IndexEntry>? entries)
    {
        ReadOnlySpan<byte> data = file.Span;
        if (data.Length < 12 + hashSize || data[0] != (byte)'D' || data[1] != (byte)'I' || data[2] != (byte)'R' || data[3] != (byte)'C')
        {
            return null;
        }

        int version = (int)ReadUInt32(data, 4);
        if (version < 2 || version > 4)
        {
            return null;
        }

        uint count = ReadUInt32(data, 8);
        // Paths take less than the index file (v2/v3 store them whole; v4 may expand them, and the set grows then).
        var files = new Utf8PathSet((int)Math.Min(count, 1u << 20), file);
        var sparse = new List<string>();
        int pos = 12;
        int end = data.Length - hashSize;
        byte[] previous = Array.Empty<byte>();
        int previousLength = 0;
        int fixedSize = 40 + hashSize + 2;
        var utf8 = new UTF8Encoding(false, false);
        for (uint i = 0; i < count; i++)
        {
            int entryStart = pos;
            if (pos + fixedSize > end)
            {
                return null;
            }

            int mode = (int)ReadUInt32(data, pos + 24);
            int flags = (data[pos + 40 + hashSize] << 8) | data[pos + 40 + hashSize + 1];
            pos += fixedSize;
            if ((flags & 0x4000) != 0)
            {
                if (version < 3)
                {
                    return null;
                }

                pos += 2;
            }

            // The path as bytes; a string is made only for a sparse-index folder entry (rare).
            ReadOnlySpan<byte> path;
            int pathOffset = -1;
            if (version == 4)
            {
                // Prefix compression: a varint of how many bytes to drop from the previous path, then the NUL-terminated rest.
                if (!TryReadVarint(data, ref pos, end, out long strip) || strip > previousLength)
                {
                    return null;
                }

                int nul = data.Slice(pos, end - pos).IndexOf((byte)0);
                if (nul < 0)
                {
                    return null;
                }

                nul += pos;
                int keep = previousLength - (int)strip;
                int suffix = nul - pos;
                if (previous.Length < keep + suffix)
                {
                    Array.Resize(ref previous, Math.Max(keep + suffix, previous.Length * 2));
                }

                data.Slice(pos, suffix).CopyTo(new Span<byte>(previous, keep, suffix));
                previousLength = keep + suffix;
                path = new ReadOnlySpan<byte>(previous, 0, previousLength);
                pos = nul + 1;
            }
            else
            {
                int nul = data.Slice(pos, end - pos).IndexOf((byte)0);
                if (nul < 0)
                {
                    return null;
                }

                nul += pos;
                path = data.Slice(pos, nul - pos);
                pathOffset = pos;
                int entryLength = nul - entryStart;
                pos = entryStart + ((entryLength + 8) & ~7);
            }

            if (entries is not null)
            {
                entries.Add(new IndexEntry(utf8.GetString(path.ToArray()), mode, (flags >> 12) & 3, Objects.ObjectId.FromBytes(data.Slice(entryStart + 40, hashSize), hashSize)));
            }

            if ((mode & 0xF000) == 0x4000 && path.Length > 0 && path[path.Length - 1] == (byte)'/')
            {
                sparse.Add(utf8.GetString(path.ToArray()));
            }
            else if (pathOffset >= 0)
            {
                files.AddFromSource(pathOffset, path.Length);
            }
            else
            {
                files.Add(path);
            }
        }

        // Extensions: refuse a split index, whose entries live partly in another file.
        while (pos + 8 <= end)
        {
            if (data[pos] == (byte)'l' && data[pos + 1] == (byte)'i' && data[pos + 2] == (byte)'n' && data[pos + 3] == (byte)'k')
            {
                return null;
            }

            long size = ReadUInt32(data, pos + 4);
            if (size > end - pos - 8)
            {
                break;
            }

            pos += 8 + (int)size;
        }

        return new GitIndex(files, sparse, version);
    }

    private static bool TryReadVarint(ReadOnlySpan<byte> data, ref int pos, int end, out long value)
    {
        value = 0;
        if (pos >= end)
        {
            return false;
        }

        byte c = data[pos++];
        value = c & 0x7F;
        while ((c & 0x80) != 0)
        {
            if (pos >= end || value > (long.MaxValue >> 8))
            {
                return false;
            }

            value += 1;
            c = data[pos++];
            value = (value << 7) + (c & 0x7F);
        }

        return true;
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> data, int offset) =>
        (uint)((data[offset] << 24) | (data[offset + 1] << 16) | (data[offset + 2] << 8) | data[offset + 3]);
}
