using System.IO.Hashing;
using System;
using System.Collections.Generic;
using System.Text;
using NpmrcBuildCheck.Caching;

namespace NpmrcBuildCheck.History;

/// <summary>
/// Entry names met in trees, decoded once: a history holds millions of tree entries but few
/// distinct names (each version of a folder repeats its neighbours' names), so each name's
/// string and blob reading are computed once and found again by the name's bytes.
/// </summary>
internal sealed class TreeNames
{
    private readonly Dictionary<ulong, Entry> entries = new();

    /// <summary>The decoded name and how a blob of that name is read.</summary>
    public (string Name, byte Reading) Get(ReadOnlySpan<byte> name)
    {
        ulong hash = XxHash64.HashToUInt64(name);
        if (entries.TryGetValue(hash, out var entry))
        {
            for (var e = entry; e is not null; e = e.Next)
            {
                if (name.SequenceEqual(e.Bytes))
                {
                    return (e.Name, e.Reading);
                }
            }
        }

        string decoded = Decode(name);
        entries[hash] = new Entry(name.ToArray(), decoded, BlobReading.Of(decoded), entry);
        return (decoded, entries[hash].Reading);
    }

    private static string Decode(ReadOnlySpan<byte> name) => Encoding.UTF8.GetString(name.ToArray());

    private sealed class Entry
    {
        public Entry(byte[] bytes, string name, byte reading, Entry? next)
        {
            Bytes = bytes;
            Name = name;
            Reading = reading;
            Next = next;
        }

        public byte[] Bytes { get; }

        public string Name { get; }

        public byte Reading { get; }

        public Entry? Next { get; }
    }
}
