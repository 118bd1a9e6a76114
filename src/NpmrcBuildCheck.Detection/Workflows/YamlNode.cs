using System;
using System.Collections.Generic;

namespace NpmrcBuildCheck.Workflows;

internal enum YamlNodeKind
{
    Scalar,
    Sequence,
    Map,
}

/// <summary>
/// One node of a YAML document with its source position: 1-based line and column (UTF-16 code
/// units) where it starts, and for scalars where it ends. An empty value is an empty scalar.
/// </summary>
internal sealed class YamlNode
{
    private const int IndexThreshold = 16;

    private Dictionary<string, int>? index;
    private int indexedCount;

    private YamlNode(YamlNodeKind kind, int line, int column)
    {
        Kind = kind;
        Line = line;
        Column = column;
        EndLine = line;
        EndColumn = column;
    }

    public YamlNodeKind Kind { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>Last line of the node's text (a block scalar's last content line).</summary>
    public int EndLine { get; private set; }

    /// <summary>Column just past the node's text on <see cref="EndLine"/>.</summary>
    public int EndColumn { get; private set; }

    /// <summary>A scalar's value: quotes and escapes resolved; block scalars keep their lines (folded ones too).</summary>
    public string Value { get; private set; } = string.Empty;

    /// <summary>The node's tag without its <c>!</c> (<c>reference</c> for GitLab's <c>!reference</c>), or null.</summary>
    public string? Tag { get; set; }

    public List<YamlNode> Items { get; } = new();

    public List<KeyValuePair<YamlNode, YamlNode>> Entries { get; } = new();

    public bool IsScalar => Kind == YamlNodeKind.Scalar;

    public bool IsMap => Kind == YamlNodeKind.Map;

    public bool IsSequence => Kind == YamlNodeKind.Sequence;

    /// <summary>The value of <paramref name="key"/> in a map (the first one), or null.</summary>
    public YamlNode? this[string key] => Entry(key)?.Value;

    public static YamlNode Scalar(string value, int line, int column, int endLine, int endColumn) =>
        new(YamlNodeKind.Scalar, line, column) { Value = value, EndLine = endLine, EndColumn = endColumn };

    public static YamlNode Collection(YamlNodeKind kind, int line, int column) => new(kind, line, column);

    /// <summary>The entry of <paramref name="key"/> in a map (key node and value), or null.</summary>
    public KeyValuePair<YamlNode, YamlNode>? Entry(string key)
    {
        if (Entries.Count <= IndexThreshold)
        {
            foreach (var entry in Entries)
            {
                if (entry.Key.IsScalar && string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
                {
                    return entry;
                }
            }

            return null;
        }

        // Large maps (a root with thousands of jobs or anchors) are looked up often: index them once.
        if (index == null || indexedCount != Entries.Count)
        {
            index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = Entries.Count - 1; i >= 0; i--)
            {
                if (Entries[i].Key.IsScalar)
                {
                    index[Entries[i].Key.Value] = i;
                }
            }

            indexedCount = Entries.Count;
        }

        return index.TryGetValue(key, out int at) ? Entries[at] : null;
    }

    /// <summary>The scalar value of <paramref name="key"/>, or null when absent or not a scalar.</summary>
    public string? Text(string key) => this[key] is { IsScalar: true } n ? n.Value : null;

    /// <summary>A sequence's items, a lone node as itself (GitLab and CircleCI accept both), nothing for null.</summary>
    public static IEnumerable<YamlNode> ItemsOrSelf(YamlNode? node)
    {
        if (node == null)
        {
            return Array.Empty<YamlNode>();
        }

        return node.IsSequence ? node.Items : new[] { node };
    }
}
