using System;
using System.Buffers.Binary;
using System.IO;

namespace NpmrcBuildCheck.Git.Objects;

/// <summary>
/// A pack's <c>.idx</c>, version 2 (git's default since 1.5.2; SHA-1 and SHA-256 alike):
/// magic <c>\377tOc</c>, version, a 256-entry fan-out, the sorted object names, CRC-32s,
/// 31-bit offsets, then 64-bit offsets for packs over 2 GiB. Read whole into memory (28 or 40
/// bytes per object); lookups are a binary search within the fan-out slot.
/// </summary>
internal sealed class PackIndex
{
    private readonly byte[] data;
    private readonly int hashSize;
    private readonly int namesStart;
    private readonly int offsetsStart;
    private readonly int largeOffsetsStart;

    private PackIndex(byte[] data, int hashSize, int count)
    {
        this.data = data;
        this.hashSize = hashSize;
        Count = count;
        namesStart = 8 + (256 * 4);
        offsetsStart = namesStart + (count * hashSize) + (count * 4);
        largeOffsetsStart = offsetsStart + (count * 4);
    }

    public int Count { get; }

    /// <summary>Reads and checks an index file; throws <see cref="InvalidDataException"/> when it is not a valid version 2 index.</summary>
    public static PackIndex Load(string path, int hashSize)
    {
        byte[] data = File.ReadAllBytes(path);
        if (data.Length < 8 + 1024 + (2 * hashSize) || BinaryPrimitives.ReadUInt32BigEndian(data) != 0xFF744F63)
        {
            throw new InvalidDataException("not a version 2 pack index");
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(4)) != 2)
        {
            throw new InvalidDataException("unsupported pack index version");
        }

        uint count = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(8 + (255 * 4)));
        long minimum = 8 + 1024 + ((long)count * (hashSize + 8)) + (2 * hashSize);
        if (count > int.MaxValue / 64 || data.Length < minimum)
        {
            throw new InvalidDataException("truncated pack index");
        }

        return new PackIndex(data, hashSize, (int)count);
    }

    /// <summary>The pack offset of the object at sorted position <paramref name="position"/>.</summary>
    public long OffsetAt(int position)
    {
        uint small = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offsetsStart + (position * 4)));
        if ((small & 0x80000000) == 0)
        {
            return small;
        }

        int large = largeOffsetsStart + ((int)(small & 0x7FFFFFFF) * 8);
        return large + 8 <= data.Length - (2 * hashSize) ? (long)BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(large)) : -1;
    }

    /// <summary>Finds an object's pack offset; -1 when the pack does not hold it.</summary>
    public long Find(ObjectId id)
    {
        if (id.Length != hashSize)
        {
            return -1;
        }

        int slot = id.FirstByte;
        int low = slot == 0 ? 0 : (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(8 + ((slot - 1) * 4)));
        int high = (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(8 + (slot * 4))) - 1;
        Span<byte> wanted = stackalloc byte[32];
        id.CopyTo(wanted);
        var key = wanted.Slice(0, hashSize);
        while (low <= high)
        {
            int middle = (int)((uint)(low + high) >> 1);
            int c = data.AsSpan(namesStart + (middle * hashSize), hashSize).SequenceCompareTo(key);
            if (c == 0)
            {
                return OffsetAt(middle);
            }

            if (c < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }
}
