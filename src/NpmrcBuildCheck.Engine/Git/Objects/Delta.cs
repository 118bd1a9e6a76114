using System;

namespace NpmrcBuildCheck.Git.Objects;

/// <summary>
/// Git's delta format (pack OFS_DELTA / REF_DELTA payloads): the base size and result size as
/// little-endian base-128 numbers, then instructions: copy (high bit set: offset and size bytes
/// chosen by the low 7 bits; size 0 means 0x10000) or insert (1–127 literal bytes).
/// </summary>
internal static class Delta
{
    /// <summary>The result size a delta announces; -1 if the header is damaged.</summary>
    public static long ResultSize(ReadOnlySpan<byte> delta)
    {
        int position = 0;
        if (ReadSize(delta, ref position) < 0)
        {
            return -1;
        }

        return ReadSize(delta, ref position);
    }

    /// <summary>Applies <paramref name="delta"/> to <paramref name="baseObject"/>; null when the delta does not fit the base.</summary>
    public static byte[]? Apply(byte[] baseObject, ReadOnlySpan<byte> delta)
    {
        long resultSize = ResultSize(delta);
        if (resultSize < 0 || resultSize > int.MaxValue - 64)
        {
            return null;
        }

        var result = new byte[resultSize];
        return ApplyInto(baseObject, delta, result) == result.Length ? result : null;
    }

    /// <summary>
    /// Applies <paramref name="delta"/> into <paramref name="destination"/>, which must hold the
    /// result size (<see cref="ResultSize"/>); returns the bytes written, or -1 when the delta
    /// does not fit the base or the destination.
    /// </summary>
    public static int ApplyInto(ReadOnlySpan<byte> baseObject, ReadOnlySpan<byte> delta, Span<byte> destination)
    {
        int position = 0;
        long baseSize = ReadSize(delta, ref position);
        long resultSize = ReadSize(delta, ref position);
        if (baseSize != baseObject.Length || resultSize < 0 || resultSize > destination.Length)
        {
            return -1;
        }

        var result = destination.Slice(0, (int)resultSize);
        int written = 0;
        while (position < delta.Length)
        {
            byte op = delta[position++];
            if ((op & 0x80) != 0)
            {
                uint copyOffset = 0;
                uint copySize = 0;
                for (int bit = 0; bit < 4; bit++)
                {
                    if ((op & (1 << bit)) != 0)
                    {
                        if (position >= delta.Length)
                        {
                            return -1;
                        }

                        copyOffset |= (uint)delta[position++] << (8 * bit);
                    }
                }

                for (int bit = 0; bit < 3; bit++)
                {
                    if ((op & (0x10 << bit)) != 0)
                    {
                        if (position >= delta.Length)
                        {
                            return -1;
                        }

                        copySize |= (uint)delta[position++] << (8 * bit);
                    }
                }

                if (copySize == 0)
                {
                    copySize = 0x10000;
                }

                if ((ulong)copyOffset + copySize > (ulong)baseObject.Length || copySize > (uint)(result.Length - written))
                {
                    return -1;
                }

                baseObject.Slice((int)copyOffset, (int)copySize).CopyTo(result.Slice(written));
                written += (int)copySize;
            }
            else if (op != 0)
            {
                if (op > delta.Length - position || op > result.Length - written)
                {
                    return -1;
                }

                delta.Slice(position, op).CopyTo(result.Slice(written));
                position += op;
                written += op;
            }
            else
            {
                return -1; // Reserved instruction.
            }
        }

        return written == result.Length ? written : -1;
    }

    private static long ReadSize(ReadOnlySpan<byte> delta, ref int position)
    {
        long size = 0;
        int shift = 0;
        while (true)
        {
            if (position >= delta.Length || shift > 56)
            {
                return -1;
            }

            byte b = delta[position++];
            size |= (long)(b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0)
            {
                return size;
            }
        }
    }
}
