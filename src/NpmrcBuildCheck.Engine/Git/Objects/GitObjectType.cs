namespace NpmrcBuildCheck.Git.Objects;

/// <summary>The four object types, numbered as in pack files (1–4); the delta kinds exist only inside packs.</summary>
internal enum GitObjectType : byte
{
    None = 0,
    Commit = 1,
    Tree = 2,
    Blob = 3,
    Tag = 4,
}
