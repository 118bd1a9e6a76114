namespace NpmrcBuildCheck.Git.Objects;

/// <summary>
/// An object's type and content (without the <c>type size\0</c> header). <see cref="Data"/>
/// may be shared with the reader's delta base cache: read it, never write to it.
/// </summary>
internal readonly struct GitObject
{
    public GitObject(GitObjectType type, byte[] data)
    {
        Type = type;
        Data = data;
    }

    public GitObjectType Type { get; }

    public byte[] Data { get; }

    /// <summary>False for the default value (no object).</summary>
    public bool IsValid => Data is not null;
}
