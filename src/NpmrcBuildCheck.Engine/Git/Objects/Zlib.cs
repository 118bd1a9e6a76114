using System;
using System.IO;
using System.IO.Compression;

namespace NpmrcBuildCheck.Git.Objects;

/// <summary>
/// Inflates git's zlib streams: the 2-byte zlib header is checked and skipped, the rest is raw
/// deflate (DeflateStream, on netstandard2.0 and net8.0 alike; git never sets a preset
/// dictionary). The adler-32 trailer is not checked: the object id is the integrity check.
/// </summary>
internal static class Zlib
{
    /// <summary>Checks the zlib header at the stream's position and leaves the stream after it.</summary>
    public static bool SkipHeader(Stream stream)
    {
        int cmf = stream.ReadByte();
        int flg = stream.ReadByte();
        return cmf >= 0 && flg >= 0 && (cmf & 0x0F) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0 && (flg & 0x20) == 0;
    }

    /// <summary>
    /// Inflates exactly <paramref name="size"/> bytes into <paramref name="destination"/> at
    /// <paramref name="offset"/>; false when the stream is damaged or holds more or fewer bytes.
    /// </summary>
    public static bool InflateExact(Stream compressed, byte[] destination, int offset, int size)
    {
        if (!SkipHeader(compressed))
        {
            return false;
        }

        try
        {
            using var inflater = new DeflateStream(compressed, CompressionMode.Decompress, leaveOpen: true);
            return ReadExact(inflater, destination, offset, size) && IsAtEnd(inflater);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Reads until <paramref name="size"/> bytes are in, or the stream ends (false).</summary>
    public static bool ReadExact(Stream stream, byte[] destination, int offset, int size)
    {
        while (size > 0)
        {
            int n = stream.Read(destination, offset, size);
            if (n <= 0)
            {
                return false;
            }

            offset += n;
            size -= n;
        }

        return true;
    }

    /// <summary>Whether an inflating stream has nothing left: more bytes than the header said is damage.</summary>
    public static bool IsAtEnd(Stream inflater)
    {
        byte[] one = new byte[1];
        return inflater.Read(one, 0, 1) == 0;
    }
}
