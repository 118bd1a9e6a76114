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

    /// <summary>
    /// Reads an object into <paramref name="buffer"/> (grown when too small; a loose object's own
    /// array, never shared, replaces it) and returns its length, for objects read once and dropped (trees of a
    /// walk, blobs of a scan). Throws <see cref="GitObjectException"/> as <see cref="Read"/>.
    /// </summary>
    public int ReadInto(ObjectId id, ref byte[] buffer, out GitObjectType type)
    {
        if (store.TryLocate(id, out var pack, out int packOrdinal, out long offset))
        {
            int length = ReadPackedInto(id, pack, packOrdinal, offset, keep: false, ref buffer, out var data, out type);
            if (!ReferenceEquals(data, buffer))
            {
                // A cached object: copied, the cache's array must never be written to.
                EnsureCapacity(ref buffer, length);
                Buffer.BlockCopy(data, 0, buffer, 0, length);
            }

            return length;
        }

        var loose = store.TryReadLoose(id) ?? throw new GitObjectException(id, GitObjectProblem.Missing, "not in any pack or loose object folder");
        type = loose.Type;
        buffer = loose.Data;
        return loose.Data.Length;
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
        if (cache.TryGet(DeltaBaseCache.Key(packOrdinal, offset), out var cached))
        {
            return cached;
        }

        var entry = Header(id, pack, offset);
        if (!entry.IsDelta)
        {
            return InflateWhole(id, pack, entry);
        }

        var baseObject = ResolveBase(id, pack, packOrdinal, entry);
        var delta = InflateDelta(id, pack, entry);
        byte[] result = Delta.Apply(baseObject.Data, delta) ?? throw Corrupt(id, pack, "delta does not apply to its base");
        return new GitObject(baseObject.Type, result);
    }

    /// <summary>
    /// Reads the object at a pack position into <paramref name="buffer"/> (grown when too small)
    /// and returns its length: no allocation for the object itself, which a scan reads once and
    /// drops. With <paramref name="keep"/> (the caller knows a later read needs it as a delta
    /// base) it is read into its own array, cached, and <paramref name="buffer"/> is left alone:
    /// the bytes are then in <paramref name="data"/>, which is otherwise <paramref name="buffer"/>.
    /// </summary>
    internal int ReadPackedInto(ObjectId id, PackFile pack, int packOrdinal, long offset, bool keep, ref byte[] buffer, out byte[] data, out GitObjectType type)
    {
        long key = DeltaBaseCache.Key(packOrdinal, offset);
        if (cache.TryGet(key, out var cached) || keep)
        {
            if (!cached.IsValid)
            {
                cached = ReadPacked(id, pack, packOrdinal, offset);
                cache.Put(key, cached);
            }

            type = cached.Type;
            data = cached.Data;
            return cached.Data.Length;
        }

        data = buffer;
        var entry = Header(id, pack, offset);
        if (!entry.IsDelta)
        {
            int size = CheckedSize(id, pack, entry.Size);
            EnsureCapacity(ref buffer, size);
            data = buffer;
            if (!pack.Inflate(entry.DataOffset, buffer, size))
            {
                throw Corrupt(id, pack, "bad zlib data");
            }

            type = (GitObjectType)entry.Type;
            return size;
        }

        var baseObject = ResolveBase(id, pack, packOrdinal, entry);
        var delta = InflateDelta(id, pack, entry);
        long resultSize = Delta.ResultSize(delta);
        EnsureCapacity(ref buffer, CheckedSize(id, pack, resultSize));
        data = buffer;
        int written = Delta.ApplyInto(baseObject.Data, delta, buffer);
        type = baseObject.Type;
        return written >= 0 ? written : throw Corrupt(id, pack, "delta does not apply to its base");
    }

    /// <summary>
    /// The object a delta entry applies to, every step of its chain cached (they are bases):
    /// down to a cached or whole object, then each delta applied on the way back up.
    /// </summary>
    private GitObject ResolveBase(ObjectId id, PackFile pack, int packOrdinal, PackEntry delta)
    {
        long offset;
        if (delta.Type == PackFile.OfsDelta)
        {
            offset = delta.BaseOffset;
        }
        else if (!store.TryLocate(delta.BaseId, out pack, out packOrdinal, out offset))
        {
            return store.TryReadLoose(delta.BaseId) ?? throw Corrupt(id, pack, "delta base " + delta.BaseId + " missing");
        }

        chain.Clear();
        GitObject current;
        while (true)
        {
            long key = DeltaBaseCache.Key(packOrdinal, offset);
            if (cache.TryGet(key, out current))
            {
                break;
            }

            var entry = Header(id, pack, offset);
            if (!entry.IsDelta)
            {
                current = InflateWhole(id, pack, entry);
                cache.Put(key, current);
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
            var step = chain[i];
            var data = InflateDelta(id, step.Pack, step.Entry);
            byte[] result = Delta.Apply(current.Data, data) ?? throw Corrupt(id, step.Pack, "delta does not apply to its base");
            current = new GitObject(current.Type, result);
            cache.Put(step.Key, current);
        }

        return current;
    }

    private static PackEntry Header(ObjectId id, PackFile pack, long offset) =>
        pack.TryReadHeader(offset, out var entry) ? entry : throw Corrupt(id, pack, "bad entry header");

    private static GitObject InflateWhole(ObjectId id, PackFile pack, PackEntry entry)
    {
        var data = new byte[CheckedSize(id, pack, entry.Size)];
        if (!pack.Inflate(entry.DataOffset, data, data.Length))
        {
            throw Corrupt(id, pack, "bad zlib data");
        }

        return new GitObject((GitObjectType)entry.Type, data);
    }

    /// <summary>Inflates a delta's instructions into the scratch buffer.</summary>
    private ReadOnlySpan<byte> InflateDelta(ObjectId id, PackFile pack, PackEntry entry)
    {
        int size = CheckedSize(id, pack, entry.Size);
        EnsureCapacity(ref scratch, size);
        if (!pack.Inflate(entry.DataOffset, scratch, size))
        {
            throw Corrupt(id, pack, "bad zlib data in a delta");
        }

        return new ReadOnlySpan<byte>(scratch, 0, size);
    }

    private static int CheckedSize(ObjectId id, PackFile pack, long size) =>
        size >= 0 && size <= int.MaxValue - 64 ? (int)size : throw Corrupt(id, pack, "object too large");

    private static void EnsureCapacity(ref byte[] buffer, int size)
    {
        if (buffer.Length < size)
        {
            buffer = new byte[Math.Max(size, Math.Min(int.MaxValue - 64, (long)buffer.Length * 2))];
        }
    }

    private long DeltaResultSize(ObjectId id, PackFile pack, PackEntry entry)
    {
        long result = Delta.ResultSize(InflateDelta(id, pack, entry));
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
