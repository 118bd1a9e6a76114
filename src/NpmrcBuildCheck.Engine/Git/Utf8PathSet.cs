using System;
using System.Text;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Git;

/// <summary>
/// A set of paths kept as UTF-8 bytes in one buffer with an open-addressing table: no string or
/// set entry per path. Answers as a <c>HashSet&lt;string&gt;(StringComparer.Ordinal)</c> of the
/// same paths decoded would: bytes that are not valid UTF-8 are stored as their lossy decoding
/// (U+FFFD) re-encoded, and a query that is not valid UTF-16 (a lone surrogate) is never found,
/// since a decoded path never holds one.
/// </summary>
internal sealed class Utf8PathSet : IDisposable
{
    private static readonly UTF8Encoding Strict = new(false, true);
    private static readonly UTF8Encoding Lossy = new(false, false);

    private readonly NpmrcBuildCheck.Caching.FileBytes? source;
    private byte[] bytes;
    private int used;
    private int[] offsets;
    private int[] lengths;
    private uint[] hashes;
    private int[] table;

    /// <summary>
    /// Sized for <paramref name="capacity"/> paths (it grows past that). Paths added with
    /// <see cref="AddFromSource"/> stay in <paramref name="source"/> (not copied), which the set
    /// then owns and disposes.
    /// </summary>
    public Utf8PathSet(int capacity = 16, NpmrcBuildCheck.Caching.FileBytes? source = null)
    {
        capacity = Math.Max(16, capacity);
        this.source = source;
        bytes = new byte[1024];
        offsets = new int[capacity];
        lengths = new int[capacity];
        hashes = new uint[capacity];
        int size = 32;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        table = new int[size];
    }

    public int Count { get; private set; }

    /// <summary>Adds a path given as UTF-8 bytes (from a git index: not necessarily valid).</summary>
#if NET8_0_OR_GREATER
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
#endif
    public void Add(ReadOnlySpan<byte> path) => Add(path, -1);

    /// <summary>Adds the path at <paramref name="offset"/> in the source, without copying it when it is valid UTF-8.</summary>
    public void AddFromSource(int offset, int length) => Add(source!.Span.Slice(offset, length), offset);

    public void Dispose() => source?.Dispose();

    private ReadOnlySpan<byte> PathAt(int index) =>
        offsets[index] < 0 ? new ReadOnlySpan<byte>(bytes, ~offsets[index], lengths[index]) : source!.Span.Slice(offsets[index], lengths[index]);

#if NET8_0_OR_GREATER
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
#endif
    private void Add(ReadOnlySpan<byte> path, int sourceOffset)
    {
        if (!IsValid(path))
        {
            path = Strict.GetBytes(Lossy.GetString(path.ToArray()));
            sourceOffset = -1;
        }

        uint hash = (uint)PathHash.Of(path);
        int mask = table.Length - 1;
        int slot = (int)hash & mask;
        while (table[slot] != 0)
        {
            int other = table[slot] - 1;
            if (hashes[other] == hash && path.SequenceEqual(PathAt(other)))
            {
                return;
            }

            slot = (slot + 1) & mask;
        }

        if (Count == offsets.Length)
        {
            Array.Resize(ref offsets, Count * 2);
            Array.Resize(ref lengths, Count * 2);
            Array.Resize(ref hashes, Count * 2);
        }

        if (sourceOffset >= 0)
        {
            offsets[Count] = sourceOffset;
        }
        else
        {
            if (bytes.Length - used < path.Length)
            {
                Array.Resize(ref bytes, Math.Max(bytes.Length * 2, used + path.Length));
            }

            path.CopyTo(new Span<byte>(bytes, used, path.Length));
            offsets[Count] = ~used;
            used += path.Length;
        }

        lengths[Count] = path.Length;
        hashes[Count] = hash;
        table[slot] = ++Count;
        if (Count * 2 > table.Length)
        {
            Grow();
        }
    }

#if NET8_0_OR_GREATER
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
#endif
    public bool Contains(string path)
    {
        if (Count == 0)
        {
            return false;
        }

        byte[] encoded;
        try
        {
            encoded = Strict.GetBytes(path);
        }
        catch (ArgumentException)
        {
            return false;
        }

        uint hash = (uint)PathHash.Of(encoded);
        int mask = table.Length - 1;
        int slot = (int)hash & mask;
        while (table[slot] != 0)
        {
            int index = table[slot] - 1;
            if (hashes[index] == hash && new ReadOnlySpan<byte>(encoded).SequenceEqual(PathAt(index)))
            {
                return true;
            }

            slot = (slot + 1) & mask;
        }

        return false;
    }

    private void Grow()
    {
        table = new int[table.Length * 2];
        int mask = table.Length - 1;
        for (int i = 0; i < Count; i++)
        {
            int slot = (int)hashes[i] & mask;
            while (table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            table[slot] = i + 1;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsValid(ReadOnlySpan<byte> path)
    {
#if NET8_0_OR_GREATER
        return System.Text.Unicode.Utf8.IsValid(path);
#else
        foreach (byte b in path)
        {
            if (b >= 0x80)
            {
                try
                {
                    Strict.GetCharCount(path.ToArray());
                    return true;
                }
                catch (ArgumentException)
                {
                    return false;
                }
            }
        }

        return true;
#endif
    }
}
