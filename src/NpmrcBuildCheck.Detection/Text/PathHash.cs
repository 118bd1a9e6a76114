using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace NpmrcBuildCheck.Text;

/// <summary>The hash of the engine's UTF-8 path tables (the scan cache, the git index's paths).</summary>
internal static class PathHash
{
    /// <summary>FNV-1a over 8-byte words, then mixed: cheap and good enough for tables whose keys come from one tree.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(ReadOnlySpan<byte> bytes)
    {
        ulong h = 14695981039346656037UL ^ (ulong)bytes.Length;
        int i = 0;
        for (; i + 8 <= bytes.Length; i += 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(i))) * 1099511628211UL;
        }

        for (; i < bytes.Length; i++)
        {
            h = (h ^ bytes[i]) * 1099511628211UL;
        }

        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        return h;
    }
}
