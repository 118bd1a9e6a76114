using System;
using System.Collections.Generic;

namespace NpmrcBuildCheck.Git.Objects;

/// <summary>
/// Reads objects from a <see cref="GitObjectStore"/> with its own delta base cache and scratch
/// buffer. Not thread-safe: one reader per thread (the store and its mapped packs are shared).
/// Delta chains are resolved without recursion: down to a cached or whole base, then each
/// delta is inflated into the scratch buffer and applied on the way back up, caching the bases.
/// </summary>
internal sealed class GitObjectReader
{
    /// <summary>Longer chains than this are taken for a loop in a damaged pack (git writes at most 4095).</summary>
    private const int MaxChainLength = 10000;

    private readonly GitObjectStore store;
    private readonly DeltaBaseCache cache;
    private readonly List<PendingDelta> chain = new();
    private byte[] scratch = new byte[64 * 1024];

    public GitObjectReader(GitObjectStore store, long cacheBytes)
    {
        this.store = store;
        cache = new DeltaBaseCache(cacheBytes);
    }

    /// <summary>Reads an object; throws <see cref="GitObjectException"/> when it is missing, corrupt or unreadable. Never fetches.</summary>
    public GitObject Read(ObjectId id)
    {
        if (store.TryLocate(id, out var pack, out int packOrdinal, out long offset))
        {
            return ReadPacked(id, pack, packOrdinal, offset);
        }

        return store.TryReadLoose(id) ?? throw new GitObjectException(id, GitObjectProblem.Missing, "not in any pack or loose object folder");
    }

    /// <summary>Type and size without inflating a whole object (a delta's size is in its first inflated bytes).</summary>
    public bool TryReadInfo(ObjectId id, out GitObjectType type, out long size)
    {
        type = GitObjectType.None;
        size = -1;
        if (!store.TryLocate(id, out var pack, out int packOrdinal, out long offset))
        {
            if (store.TryReadLoose(id) is { } loose)
            {
                type = loose.Type;
                size = loose.Data.Length;
                return true;
            }

            return false;
        }

        if (!pack.TryReadHeader(offset, out var entry))
        {
            throw Corrupt(id, pack, "bad entry header");
        }

        if (!entry.IsDelta)
        {
            type = (GitObjectType)entry.Type;
            size = entry.Size;
            return true;
        }

        size = DeltaResultSize(id, pack, entry);
        for (int depth = 0; entry.IsDelta; depth++)
        {
            if (depth > MaxChainLength)
            {
                throw Corrupt(id, pack, "delta chain too long");
            }

            if (entry.Type == PackFile.RefDelta)
            {
                if (!store.TryLocate(entry.BaseId, out pack, out packOrdinal, out offset))
                {
                    type = store.TryReadLoose(entry.BaseId)?.Type ?? throw Corrupt(id, pack, "delta base missing");
                    return true;
                }
            }
            else
            {
                offset = entry.BaseOffset;
            }

            if (!pack.TryReadHeader(offset, out entry))
            {
                throw Corrupt(id, pack, "bad delta base header");
            }
        }

        type = (GitObjectType)entry.Type;
        return true;
    }

    /// <summary>Reads the object stored at a pack position (the caller knows its id from the index).</summary>
    internal GitObject ReadPacked(ObjectId id, PackFile pack, int packOrdinal, long offset)
    {
        chain.Clear();
        GitObject current;
        while (true)
        {
            long key = DeltaBaseCache.Key(packOrdinal, offset);
            if (cache.TryGet(key, out current))
            {
                break;
            }

            if (!pack.TryReadHeader(offset, out var entry))
            {
                throw Corrupt(id, pack, "bad entry header");
            }

            if (!entry.IsDelta)
            {
                if (entry.Size > int.MaxValue - 64)
                {
                    throw Corrupt(id, pack, "object too large");
                }

                var data = new byte[entry.Size];
                if (!pack.Inflate(entry.DataOffset, data, data.Length))
                {
                    throw Corrupt(id, pack, "bad zlib data");
                }

                current = new GitObject((GitObjectType)entry.Type, data);
                if (chain.Count > 0)
                {
                    cache.Put(key, current);
                }

                break;
            }

            if (chain.Count >= MaxChainLength)
            {
                throw Corrupt(id, pack, "delta chain too long");
            }

            chain.Add(new PendingDelta(pack, key, entry));
            if (entry.Type == PackFile.OfsDelta)
            {
                offset = entry.BaseOffset;
            }
            else if (!store.TryLocate(entry.BaseId, out pack, out packOrdinal, out offset))
            {
                current = store.TryReadLoose(entry.BaseId) ?? throw Corrupt(id, pack, "delta base " + entry.BaseId + " missing");
                break;
            }
        }

        for (int i = chain.Count - 1; i >= 0; i--)
        {
            var delta = chain[i];
            if (delta.Entry.Size > int.MaxValue - 64)
            {
                throw Corrupt(id, delta.Pack, "delta too large");
            }

            int size = (int)delta.Entry.Size;
            if (scratch.Length < size)
            {
                scratch = new byte[Math.Max(size, scratch.Length * 2)];
            }

            if (!delta.Pack.Inflate(delta.Entry.DataOffset, scratch, size))
            {
                throw Corrupt(id, delta.Pack, "bad zlib data in a delta");
            }

            byte[] result = Delta.Apply(current.Data, new ReadOnlySpan<byte>(scratch, 0, size)) ?? throw Corrupt(id, delta.Pack, "delta does not apply to its base");
            current = new GitObject(current.Type, result);
            if (i > 0)
            {
                cache.Put(delta.Key, current);
            }
        }

        return current;
    }

    private long DeltaResultSize(ObjectId id, PackFile pack, PackEntry entry)
    {
        if (entry.Size > int.MaxValue - 64)
        {
            throw Corrupt(id, pack, "delta too large");
        }

        int size = (int)entry.Size;
        if (scratch.Length < size)
        {
            scratch = new byte[Math.Max(size, scratch.Length * 2)];
        }

        if (!pack.Inflate(entry.DataOffset, scratch, size))
        {
            throw Corrupt(id, pack, "bad zlib data in a delta");
        }

        long result = Delta.ResultSize(new ReadOnlySpan<byte>(scratch, 0, size));
        return result >= 0 ? result : throw Corrupt(id, pack, "bad delta header");
    }

    private static GitObjectException Corrupt(ObjectId id, PackFile pack, string reason) =>
        new(id, GitObjectProblem.Corrupt, reason + " in " + System.IO.Path.GetFileName(pack.Path));

    private readonly struct PendingDelta
    {
        public PendingDelta(PackFile pack, long key, PackEntry entry)
        {
            Pack = pack;
            Key = key;
            Entry = entry;
        }

        public PackFile Pack { get; }

        public long Key { get; }

        public PackEntry Entry { get; }
    }
}
