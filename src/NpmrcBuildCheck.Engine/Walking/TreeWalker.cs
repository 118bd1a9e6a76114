using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;
#if NET8_0_OR_GREATER
using System.IO.Enumeration;
#endif
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Scanning;

namespace NpmrcBuildCheck.Walking;

/// <summary>One file listed by the walk. Size and time come from the listing (no extra open).</summary>
internal sealed class WalkedFile
{
    private readonly string? fullPrefix;
    private readonly string? relativePrefix;
    private string? fullPath;
    private string? relativePath;

    public WalkedFile(string relativePath, string fullPath, string name, long length, long lastWriteTicks, bool isSymbolicLink)
    {
        this.relativePath = relativePath;
        this.fullPath = fullPath;
        Name = name;
        Length = length;
        LastWriteTicks = lastWriteTicks;
        IsSymbolicLink = isSymbolicLink;
    }

    /// <summary>
    /// A file listed in the folder <paramref name="fullPrefix"/> (ending with a separator), whose
    /// root-relative path is <paramref name="relativePrefix"/> (empty or ending with '/') and the
    /// name. Both paths are made only if asked: a cache hit asks for neither.
    /// </summary>
    public WalkedFile(string relativePrefix, string fullPrefix, string name, long length, long lastWriteTicks, bool isSymbolicLink, bool prefixOnly)
    {
        this.relativePrefix = relativePrefix;
        this.fullPrefix = fullPrefix;
        Name = name;
        Length = length;
        LastWriteTicks = lastWriteTicks;
        IsSymbolicLink = isSymbolicLink;
    }

    public string RelativePath => relativePath ??= relativePrefix + Name;

    /// <summary>The relative path is <see cref="RelativePrefix"/> followed by <see cref="RelativeLeaf"/> (the name, or empty).</summary>
    public string RelativePrefix => relativePrefix ?? relativePath!;

    public string RelativeLeaf => relativePrefix is null ? string.Empty : Name;

    public string FullPath => fullPath ??= fullPrefix + Name;

    public string Name { get; }

    public long Length { get; }

    public long LastWriteTicks { get; }

    /// <summary>Status-change time (ctime), 0 where the listing does not give it: with <see cref="Inode"/>, part of the cache key as in git's index.</summary>
    public long ChangeTicks { get; init; }

    /// <summary>Inode number, 0 where the listing does not give it.</summary>
    public long Inode { get; init; }

    public bool IsSymbolicLink { get; }

    /// <summary>For a link: <see cref="Length"/> and <see cref="LastWriteTicks"/> are its final target's (else the link's own).</summary>
    public bool TargetResolved { get; init; }

    /// <summary>Whether <see cref="Length"/> is the size of what a read returns.</summary>
    public bool LengthIsExact => !IsSymbolicLink || TargetResolved;
}

/// <summary>What the walk found.</summary>
internal sealed class WalkResult
{
    public List<WalkedFile> Files { get; } = new();

    public List<string> ProjectDirectories { get; } = new();

    /// <summary>NPMRC900 findings for folders that could not be listed.</summary>
    public List<Finding> Problems { get; } = new();

    public int DirectoriesListed { get; set; }
}

/// <summary>
/// Lists a tree, pruning while walking: a pruned folder's contents are never listed.
/// <list type="bullet">
/// <item>Iterative (an explicit stack), so depth never overflows the call stack.</item>
/// <item>Symbolic links to folders (and Windows junctions) are not followed: that makes
/// loops impossible, and matches git (which stores a link, not its target) and ripgrep's
/// default. Symbolic links to files are followed (their target is read).</item>
/// <item>A folder that cannot be listed becomes an NPMRC900 finding; the walk goes on.</item>
/// <item>With more than one worker, folders are listed in parallel; the file list order then varies (callers sort what they report).</item>
/// </list>
/// </summary>
internal static class TreeWalker
{
    /// <summary>A class, not a struct: lists and sorts of it then run the runtime's precompiled shared generic code, not freshly JIT-compiled copies (this runs in a fresh process on every build).</summary>
    internal sealed class Entry
    {
        public Entry(string name, bool isDirectory, bool isLink, long length, long ticks)
        {
            Name = name;
            IsDirectory = isDirectory;
            IsLink = isLink;
            Length = length;
            Ticks = ticks;
        }

        public string Name { get; private set; }

        public bool IsDirectory { get; private set; }

        public bool IsLink { get; private set; }

        public long Length { get; private set; }

        public long Ticks { get; private set; }

        /// <summary>Status-change time (ctime) in ticks where the listing gives it, else 0.</summary>
        public long ChangeTicks { get; private set; }

        /// <summary>Inode number where the listing gives it, else 0.</summary>
        public long Inode { get; private set; }

        /// <summary>Reuses an entry of a folder already processed (the walk lists 2,000 folders: no object per file).</summary>
        public Entry Set(string name, bool isDirectory, bool isLink, long length, long ticks, long changeTicks = 0, long inode = 0)
        {
            Name = name;
            IsDirectory = isDirectory;
            IsLink = isLink;
            Length = length;
            Ticks = ticks;
            ChangeTicks = changeTicks;
            Inode = inode;
            return this;
        }
    }

    /// <summary>
    /// Lists the whole tree on the calling thread (benchmarks; the scan walks with its own workers, see
    /// <see cref="Scanning.TreeScanner"/>).
    /// </summary>
    public static WalkResult Walk(string root, ExcludeFilter excludes, ICollection<string> prunedFullPaths)
    {
        var walk = new SharedWalk(root, excludes, prunedFullPaths);
        var result = new WalkResult();
        var entries = new List<Entry>(256);
        while (walk.TryListOne(result, entries, null))
        {
        }

        return result;
    }

    /// <summary>
    /// The folders still to list, shared by the threads of one walk: each thread takes one at a time
    /// (<see cref="TryListOne"/>) until <see cref="Done"/>. Order does not matter: callers sort what they report.
    /// </summary>
    internal sealed class SharedWalk
    {
        private readonly ConcurrentStack<Folder> pending = new();
        private readonly ExcludeFilter excludes;
        private readonly HashSet<string> pruned;
        private int outstanding = 1;

        public SharedWalk(string root, ExcludeFilter excludes, ICollection<string> prunedFullPaths)
        {
            this.excludes = excludes;
            pruned = new HashSet<string>(prunedFullPaths, PruneRules.IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            pending.Push(new Folder(root, string.Empty, Path.GetFileName(root)));
        }

        /// <summary>No folder is left to list, nor being listed.</summary>
        public bool Done => Volatile.Read(ref outstanding) <= 0;

        /// <summary>
        /// Lists one folder into <paramref name="into"/> (its files appended to <see cref="WalkResult.Files"/>), then
        /// hands the new files, from index <c>from</c>, to <paramref name="listed"/>; false when no folder waits now.
        /// The walk is <see cref="Done"/> only after <paramref name="listed"/> returned for its last folder.
        /// </summary>
        public bool TryListOne(WalkResult into, List<Entry> entries, Action<List<WalkedFile>, int>? listed)
        {
            if (!pending.TryPop(out var folder))
            {
                return false;
            }

            try
            {
                int from = into.Files.Count;
                ListFolder(folder, excludes, pruned, into, entries, child =>
                {
                    Interlocked.Increment(ref outstanding);
                    pending.Push(child);
                });
                listed?.Invoke(into.Files, from);
            }
            finally
            {
                Interlocked.Decrement(ref outstanding);
            }

            return true;
        }

        /// <summary>Ends the walk for every thread (one of them failed).</summary>
        public void Abort() => Volatile.Write(ref outstanding, int.MinValue / 2);
    }

    [ThreadStatic]
    private static List<Entry>? Spares;

    private sealed class Folder
    {
        public Folder(string full, string relative, string name)
        {
            Full = full;
            Relative = relative;
            Name = name;
        }

        public string Full { get; }

        public string Relative { get; }

        public string Name { get; }
    }

    private static void ListFolder(Folder folder, ExcludeFilter excludes, HashSet<string> pruned, WalkResult result, List<Entry> entries, Action<Folder> push)
    {
        // The previous folder's entries become spares for this one (kept past the end of the list).
        var spare = Spares ??= new List<Entry>(256);
        spare.AddRange(entries);
        entries.Clear();
        try
        {
            List(folder.Full, entries, spare);
        }
        catch (Exception ex)
        {
            result.Problems.Add(ScanProblems.Unreadable(folder.Relative, isDirectory: true, ex));
            return;
        }

        result.DirectoriesListed++;
        bool hasProject = false;
        foreach (var e in entries)
        {
            if (!e.IsDirectory && PruneRules.IsProjectFile(e.Name))
            {
                hasProject = true;
                break;
            }
        }

        if (hasProject)
        {
            result.ProjectDirectories.Add(folder.Relative);
        }

        string prefix = folder.Relative.Length == 0 ? string.Empty : folder.Relative + "/";
        string fullPrefix = folder.Full.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? folder.Full : folder.Full + Path.DirectorySeparatorChar;

        // In listing order, not sorted: callers sort what they report.
        foreach (var e in entries)
        {
            if (!e.IsDirectory)
            {
                continue;
            }

            if (e.IsLink)
            {
                continue; // Links to folders are not followed.
            }

            if (PruneRules.IsAlwaysPruned(e.Name, folder.Name) || (hasProject && PruneRules.IsBuildOutputName(e.Name)))
            {
                continue;
            }

            string full = fullPrefix + e.Name;
            if (pruned.Count > 0 && pruned.Contains(full))
            {
                continue;
            }

            string relative = prefix + e.Name;
            if (!excludes.IsEmpty && excludes.IsExcluded(relative, isDirectory: true))
            {
                continue;
            }

            push(new Folder(full, relative, e.Name));
        }

        foreach (var e in entries)
        {
            if (e.IsDirectory)
            {
                continue;
            }

            if (!excludes.IsEmpty && excludes.IsExcluded(prefix + e.Name, isDirectory: false))
            {
                continue;
            }

            result.Files.Add(new WalkedFile(prefix, fullPrefix, e.Name, e.Length, e.Ticks, e.IsLink, prefixOnly: true) { ChangeTicks = e.ChangeTicks, Inode = e.Inode });
        }
    }

/// <summary>Lists one folder with the fast native reader (when available) or .NET's enumerator (tests compare the two).</summary>
    internal static List<Entry> ListForTest(string directory, bool managed)
    {
        var into = new List<Entry>();
#if NET8_0_OR_GREATER
        if (managed)
        {
            ListManaged(directory, into);
            return into;
        }
#endif
        List(directory, into);
        return into;
    }

#if NET8_0_OR_GREATER
    private static readonly EnumerationOptions ListOptions = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
        MatchType = MatchType.Simple,
    };

    private static void List(string directory, List<Entry> into, List<Entry>? spare = null)
    {
        if (LinuxDirectoryReader.Enabled)
        {
            int before = into.Count;
            try
            {
                LinuxDirectoryReader.List(directory, into, spare);
                return;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                LinuxDirectoryReader.Disable();
                into.RemoveRange(before, into.Count - before);
            }
        }

        ListManaged(directory, into);
    }

    private static void ListManaged(string directory, List<Entry> into)
    {
        var enumerable = new FileSystemEnumerable<Entry>(directory, static (ref FileSystemEntry e) =>
        {
            var attributes = e.Attributes;
            bool isLink = (int)attributes != -1 && (attributes & FileAttributes.ReparsePoint) != 0;
            bool isDirectory = e.IsDirectory;
            long length = 0;
            long ticks = 0;
            if (!isDirectory)
            {
                try
                {
                    length = e.Length;
                    ticks = e.LastWriteTimeUtc.UtcTicks;
                }
                catch (Exception)
                {
                    // A vanished or unreadable entry: length 0, the reader reports or skips it.
                }
            }

            return new Entry(e.FileName.ToString(), isDirectory, isLink, length, ticks);
        }, ListOptions);
        foreach (var entry in enumerable)
        {
            into.Add(entry);
        }
    }
#else
    private static void List(string directory, List<Entry> into, List<Entry>? spare = null)
    {
        foreach (var info in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            // Attributes are -1 when the entry cannot be stat'ed (e.g. its path is over PATH_MAX): then the
            // entry's type from the listing decides, and a folder is listed (and reported if it fails).
            var attributes = info.Attributes;
            bool valid = (int)attributes != -1;
            bool isDirectory = info is DirectoryInfo;
            bool isLink = valid && (attributes & FileAttributes.ReparsePoint) != 0;
            long length = 0;
            long ticks = 0;
            if (!isDirectory && info is FileInfo file)
            {
                try
                {
                    length = file.Length;
                    ticks = file.LastWriteTimeUtc.Ticks;
                }
                catch (Exception)
                {
                    // A vanished or unreadable entry: length 0, the reader reports or skips it.
                }
            }

            into.Add(new Entry(info.Name, isDirectory, isLink, length, ticks));
        }
    }
#endif
}
