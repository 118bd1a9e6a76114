using System;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace NpmrcBuildCheck.Git.Objects;

/// <summary>
/// Loose objects: <c>objects/xx/yyyy…</c>, one zlib stream of <c>type size\0content</c>.
/// </summary>
internal static class LooseObjects
{
    private const int MaxHeader = 32;

    public static string PathOf(string objectsDirectory, ObjectId id)
    {
        string hex = id.ToString();
        return Path.Combine(Path.Combine(objectsDirectory, hex.Substring(0, 2)), hex.Substring(2));
    }

    /// <summary>Reads a loose object; null when the file does not exist. Damage throws <see cref="GitObjectException"/>.</summary>
    public static GitObject? TryRead(string objectsDirectory, ObjectId id)
    {
        string path = PathOf(objectsDirectory, id);
        byte[] compressed;
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            compressed = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GitObjectException(id, GitObjectProblem.Unreadable, ex.GetType().Name);
        }

        using var stream = new MemoryStream(compressed, writable: false);
        if (!Zlib.SkipHeader(stream))
        {
            throw new GitObjectException(id, GitObjectProblem.Corrupt, "not a zlib stream");
        }

        try
        {
            using var inflater = new DeflateStream(stream, CompressionMode.Decompress);
            var header = new byte[MaxHeader];
            int length = 0;
            int nul = -1;
            while (nul < 0 && length < MaxHeader)
            {
                int b = inflater.ReadByte();
                if (b < 0)
                {
                    break;
                }

                if (b == 0)
                {
                    nul = length;
                }

                header[length++] = (byte)b;
            }

            if (nul < 0 || !TryParseHeader(header.AsSpan(0, nul), out var type, out int size))
            {
                throw new GitObjectException(id, GitObjectProblem.Corrupt, "bad loose object header");
            }

            var data = new byte[size];
            if (!Zlib.ReadExact(inflater, data, 0, size) || !Zlib.IsAtEnd(inflater))
            {
                throw new GitObjectException(id, GitObjectProblem.Corrupt, "content does not match its stated size");
            }

            return new GitObject(type, data);
        }
        catch (InvalidDataException)
        {
            throw new GitObjectException(id, GitObjectProblem.Corrupt, "bad zlib data");
        }
    }

    private static bool TryParseHeader(ReadOnlySpan<byte> header, out GitObjectType type, out int size)
    {
        type = GitObjectType.None;
        size = 0;
        int space = header.IndexOf((byte)' ');
        if (space <= 0 || space == header.Length - 1)
        {
            return false;
        }

        type = TypeFromName(header.Slice(0, space));
        long value = 0;
        foreach (byte c in header.Slice(space + 1))
        {
            if (c < '0' || c > '9' || value > int.MaxValue / 10)
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        size = (int)Math.Min(value, int.MaxValue);
        return type != GitObjectType.None && value <= int.MaxValue - 64;
    }

    private static GitObjectType TypeFromName(ReadOnlySpan<byte> name) => Encoding.ASCII.GetString(name.ToArray()) switch
    {
        "commit" => GitObjectType.Commit,
        "tree" => GitObjectType.Tree,
        "blob" => GitObjectType.Blob,
        "tag" => GitObjectType.Tag,
        _ => GitObjectType.None,
    };
}
