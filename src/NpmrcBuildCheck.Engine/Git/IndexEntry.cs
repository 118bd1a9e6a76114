using NpmrcBuildCheck.Git.Objects;

namespace NpmrcBuildCheck.Git;

/// <summary>One entry of the git index: what the next commit holds at <see cref="Path"/>.</summary>
/// <param name="Path">Work-tree-relative path, '/' separators.</param>
/// <param name="Mode">The git mode: 0100644 or 0100755 for a file, 0120000 a symbolic link, 0160000 a submodule, 040000 a sparse-index folder.</param>
/// <param name="Stage">0 normally; 1 to 3 for the sides of an unresolved merge conflict.</param>
/// <param name="Id">The staged object's id (SHA-1 or SHA-256).</param>
internal readonly record struct IndexEntry(string Path, int Mode, int Stage, ObjectId Id)
{
    /// <summary>A regular file (not a link, submodule or sparse folder): its object is a blob of the file's bytes.</summary>
    public bool IsRegularFile => (Mode & 0xF000) == 0x8000;
}
