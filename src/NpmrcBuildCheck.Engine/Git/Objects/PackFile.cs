using System;
using System.IO;
using System.IO.MemoryMappedFiles;

namespace NpmrcBuildCheck.Git.Objects;

/// <summary>
/// One <c>.pack</c> with its <c>.idx</c>, mapped read-only into memory: readers on several
/// threads parse entries and inflate straight from the mapping, without a file handle or a
/// lock each. Entry header: type (3 bits) and size (base-128), then for OFS_DELTA the base's
/// distance back (git's offset encoding), for REF_DELTA the base's id.
/// </summary>
internal sealed unsafe class PackFile : IDisposable
{
    public const byte OfsDelta = 6;
    public const byte RefDelta = 7;

    private readonly MemoryMappedFile map;
    private readonly MemoryMappedViewAccessor view;
    private readonly byte* start;
    private readonly long length;
    private readonly int hashSize;

    private PackFile(string path, PackIndex index, MemoryMappedFile map, MemoryMappedViewAccessor view, long length, int hashSize)
    {
        Path = path;
        Index = index;
        this.map = map;
        this.view = view;
        this.length = length;
        this.hashSize = hashSize;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        start = pointer + view.PointerOffset;
    }

    public string Path { get; }

    public PackIndex Index { get; }

    /// <summary>Opens <paramref name="packPath"/> and its index; throws <see cref="InvalidDataException"/> or an I/O exception.</summary>
    public static PackFile Open(string packPath, string indexPath, int hashSize)
    {
        var index = PackIndex.Load(indexPath, hashSize);
        long length = new FileInfo(packPath).Length;
        if (length < 12 + hashSize)
        {
            throw new InvalidDataException("truncated pack");
        }

        var map = MemoryMappedFile.CreateFromFile(packPath, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        MemoryMappedViewAccessor? view = null;
        try
        {
            view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            var pack = new PackFile(packPath, index, map, view, length, hashSize);
            var header = new ReadOnlySpan<byte>(pack.start, 8);
            if (header[0] != 'P' || header[1] != 'A' || header[2] != 'C' || header[3] != 'K' || header[4] != 0 || header[5] != 0 || header[6] != 0 || (header[7] != 2 && header[7] != 3))
            {
                pack.Dispose();
                throw new InvalidDataException("not a version 2 or 3 pack");
            }

            return pack;
        }
        catch
        {
            view?.Dispose();
            map.Dispose();
            throw;
        }
    }

    /// <summary>Parses the entry header at <paramref name="offset"/>; false when it does not lie within the pack or does not parse.</summary>
    public bool TryReadHeader(long offset, out PackEntry entry)
    {
        entry = default;
        long end = length - hashSize;
        if (offset < 12 || offset >= end)
        {
            return false;
        }

        long p = offset;
        byte c = start[p++];
        byte type = (byte)((c >> 4) & 7);
        long size = c & 15;
        int shift = 4;
        while ((c & 0x80) != 0)
        {
            if (p >= end || shift > 56)
            {
                return false;
            }

            c = start[p++];
            size |= (long)(c & 0x7F) << shift;
            shift += 7;
        }

        long baseOffset = 0;
        ObjectId baseId = default;
        if (type == OfsDelta)
        {
            if (p >= end)
            {
                return false;
            }

            c = start[p++];
            long distance = c & 0x7F;
            while ((c & 0x80) != 0)
            {
                if (p >= end || distance > (long.MaxValue >> 8))
                {
                    return false;
                }

                c = start[p++];
                distance = ((distance + 1) << 7) | (long)(c & 0x7F);
            }

            baseOffset = offset - distance;
            if (distance <= 0 || baseOffset < 12)
            {
                return false;
            }
        }
        else if (type == RefDelta)
        {
            if (p + hashSize > end)
            {
                return false;
            }

            baseId = ObjectId.FromBytes(new ReadOnlySpan<byte>(start + p, hashSize), hashSize);
            p += hashSize;
        }
        else if (type < 1 || type > 4)
        {
            return false;
        }

        entry = new PackEntry(type, size, p, baseOffset, baseId);
        return true;
    }

    /// <summary>Inflates an entry's data (exactly <paramref name="size"/> bytes); false when damaged.</summary>
    public bool Inflate(long dataOffset, byte[] destination, int size)
    {
        using var stream = new UnmanagedMemoryStream(start + dataOffset, length - hashSize - dataOffset);
        return Zlib.InflateExact(stream, destination, 0, size);
    }

    public void Dispose()
    {
        view.SafeMemoryMappedViewHandle.ReleasePointer();
        view.Dispose();
        map.Dispose();
    }
}

/// <summary>A parsed pack entry header: raw type (1–4, or 6/7 for deltas), inflated size, where the zlib data starts, and the delta base.</summary>
internal readonly struct PackEntry
{
    public PackEntry(byte type, long size, long dataOffset, long baseOffset, ObjectId baseId)
    {
        Type = type;
        Size = size;
        DataOffset = dataOffset;
        BaseOffset = baseOffset;
        BaseId = baseId;
    }

    public byte Type { get; }

    public long Size { get; }

    public long DataOffset { get; }

    public long BaseOffset { get; }

    public ObjectId BaseId { get; }

    public bool IsDelta => Type == PackFile.OfsDelta || Type == PackFile.RefDelta;
}
