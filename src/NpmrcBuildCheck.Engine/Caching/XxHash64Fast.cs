using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace NpmrcBuildCheck.Caching;

/// <summary>
/// XXH64 with seed 0, the same values as <c>System.IO.Hashing.XxHash64.HashToUInt64</c>
/// (tests compare them). The cache verifies its file with it on every build, mostly in a fresh
/// process: the package's copy is not precompiled, so its first uses ran as tier-0 code (~7 ms
/// to load and name the file, ~4 ms for a 1.6 MB cache); this one is optimised at its first
/// compilation.
/// </summary>
internal static class XxHash64Fast
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime3 = 0x165667B19E3779F9UL;
    private const ulong Prime4 = 0x85EBCA77C2B2AE63UL;
    private const ulong Prime5 = 0x27D4EB2F165667C5UL;

#if NET8_0_OR_GREATER
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
    public static ulong Hash(ReadOnlySpan<byte> data)
    {
        int length = data.Length;
        int i = 0;
        ulong h;
        if (length >= 32)
        {
            ulong v1 = unchecked(Prime1 + Prime2);
            ulong v2 = Prime2;
            ulong v3 = 0;
            ulong v4 = unchecked(0 - Prime1);
            int limit = length - 32;
            for (; i <= limit; i += 32)
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(i)));
                v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(i + 8)));
                v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(i + 16)));
                v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(i + 24)));
            }

            h = RotateLeft(v1, 1) + RotateLeft(v2, 7) + RotateLeft(v3, 12) + RotateLeft(v4, 18);
            h = MergeRound(h, v1);
            h = MergeRound(h, v2);
            h = MergeRound(h, v3);
            h = MergeRound(h, v4);
        }
        else
        {
            h = Prime5;
        }

        h += (ulong)length;
        for (; i + 8 <= length; i += 8)
        {
            h ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(i)));
            h = (RotateLeft(h, 27) * Prime1) + Prime4;
        }

        if (i + 4 <= length)
        {
            h ^= BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i)) * Prime1;
            h = (RotateLeft(h, 23) * Prime2) + Prime3;
            i += 4;
        }

        for (; i < length; i++)
        {
            h ^= data[i] * Prime5;
            h = RotateLeft(h, 11) * Prime1;
        }

        h ^= h >> 33;
        h *= Prime2;
        h ^= h >> 29;
        h *= Prime3;
        h ^= h >> 32;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Round(ulong accumulator, ulong input) => RotateLeft(accumulator + (input * Prime2), 31) * Prime1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MergeRound(ulong accumulator, ulong value) => ((accumulator ^ Round(0, value)) * Prime1) + Prime4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RotateLeft(ulong value, int offset) => (value << offset) | (value >> (64 - offset));
}
