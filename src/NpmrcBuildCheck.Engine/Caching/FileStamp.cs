using System;

namespace NpmrcBuildCheck.Caching;

/// <summary>
/// What the cache compares to decide that a file is unchanged, as git's index does: size,
/// modification time, status-change time (ctime) and inode. An edit that keeps the size and
/// puts the modification time back (<c>touch -r</c>) still changes the ctime, which no user
/// command can set. Where the walk cannot see ctime or inode (Windows, the managed fallback
/// listing) they are 0, and size and modification time decide.
/// </summary>
internal readonly struct FileStamp : IEquatable<FileStamp>
{
    public FileStamp(long length, long lastWriteTicks, long changeTicks, long inode)
    {
        Length = length;
        LastWriteTicks = lastWriteTicks;
        ChangeTicks = changeTicks;
        Inode = inode;
    }

    public long Length { get; }

    public long LastWriteTicks { get; }

    public long ChangeTicks { get; }

    public long Inode { get; }

    public bool Equals(FileStamp other) =>
        Length == other.Length && LastWriteTicks == other.LastWriteTicks && ChangeTicks == other.ChangeTicks && Inode == other.Inode;

    public override bool Equals(object? obj) => obj is FileStamp other && Equals(other);

    public override int GetHashCode() => (Length, LastWriteTicks, ChangeTicks, Inode).GetHashCode();
}
