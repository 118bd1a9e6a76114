using System.Collections.Generic;

namespace NpmrcBuildCheck.Git.Objects;

/// <summary>
/// Recently reconstructed delta bases by pack position, least recently used dropped first
/// once their bytes pass the budget (git's <c>core.deltaBaseCacheLimit</c> idea). Reading a
/// pack in offset order, a chain's bases are met again and again: each is inflated once.
/// One per reader: no locks.
/// </summary>
internal sealed class DeltaBaseCache
{
    private readonly Dictionary<long, Node> nodes = new();
    private readonly long budget;
    private readonly Node head = new(0, default);
    private long bytes;

    public DeltaBaseCache(long budget)
    {
        this.budget = budget;
        head.Previous = head;
        head.Next = head;
    }

    /// <summary>A key for a pack position: the pack's ordinal in the store and the offset.</summary>
    public static long Key(int pack, long offset) => ((long)pack << 40) | offset;

    public bool TryGet(long key, out GitObject value)
    {
        if (nodes.TryGetValue(key, out var node))
        {
            Unlink(node);
            LinkFirst(node);
            value = node.Value;
            return true;
        }

        value = default;
        return false;
    }

    public void Put(long key, GitObject value)
    {
        long size = value.Data.Length;
        if (size > budget / 4 || nodes.ContainsKey(key))
        {
            return;
        }

        var node = new Node(key, value);
        nodes[key] = node;
        LinkFirst(node);
        bytes += size;
        while (bytes > budget && head.Previous != head)
        {
            var last = head.Previous!;
            Unlink(last);
            nodes.Remove(last.Key);
            bytes -= last.Value.Data.Length;
        }
    }

    private void LinkFirst(Node node)
    {
        node.Next = head.Next;
        node.Previous = head;
        head.Next!.Previous = node;
        head.Next = node;
    }

    private static void Unlink(Node node)
    {
        node.Previous!.Next = node.Next;
        node.Next!.Previous = node.Previous;
    }

    private sealed class Node
    {
        public Node(long key, GitObject value)
        {
            Key = key;
            Value = value;
        }

        public long Key { get; }

        public GitObject Value { get; }

        public Node? Previous { get; set; }

        public Node? Next { get; set; }
    }
}
