using System;
using System.Collections.Generic;
using System.IO;

namespace NpmrcBuildCheck.Git.Objects;

/// <summary>
/// A repository's object database, read without git: the <c>objects</c> folder of the common
/// git directory (linked work trees share it), each folder listed in
/// <c>objects/info/alternates</c> (recursively), their packs (<c>.idx</c> v2 + <c>.pack</c>,
/// mapped) and loose objects. SHA-1 or SHA-256 by <c>extensions.objectFormat</c>. Never
/// fetches: in a partial clone a filtered object is <see cref="GitObjectProblem.Missing"/>.
/// Thread-safe; for speed give each thread its own <see cref="CreateReader"/>.
/// </summary>
internal sealed class GitObjectStore : IDisposable
{
    /// <summary>Per-reader delta base cache; git's own default (core.deltaBaseCacheLimit) is 96 MiB per process.</summary>
    public const long DefaultCacheBytes = 48L * 1024 * 1024;

    private const int MaxAlternateDepth = 5;

    private readonly object gate = new();
    private readonly List<string> objectDirectories;
    private readonly List<string> problems = new();
    private volatile PackFile[] packs;
    private GitObjectReader? sharedReader;
    private int lastPack;

    private GitObjectStore(string gitDirectory, string commonDirectory, int hashSize, List<string> objectDirectories, bool partial)
    {
        GitDirectory = gitDirectory;
        CommonDirectory = commonDirectory;
        HashSize = hashSize;
        this.objectDirectories = objectDirectories;
        packs = LoadPacks();
        IsPartialClone = partial || HasPromisorPack();
    }

    /// <summary>The git directory (a work tree's own one, or a bare repository).</summary>
    public string GitDirectory { get; }

    /// <summary>Where objects, refs and config live (differs from <see cref="GitDirectory"/> in a linked work tree).</summary>
    public string CommonDirectory { get; }

    /// <summary>The work tree <see cref="OpenAt"/> found the repository from; null when opened at a git directory.</summary>
    public string? WorkTree { get; private set; }

    /// <summary>20 (SHA-1) or 32 (SHA-256).</summary>
    public int HashSize { get; }

    /// <summary>A partial clone (promisor remote or promisor packs): missing objects are expected and never fetched.</summary>
    public bool IsPartialClone { get; }

    /// <summary>Packs or alternates that could not be opened, described without content (path and reason).</summary>
    public IReadOnlyList<string> Problems => problems;

    internal IReadOnlyList<PackFile> Packs => packs;

    /// <summary>
    /// Opens the object database of the repository at <paramref name="path"/>: a work tree (or a
    /// folder inside one), a linked work tree, a <c>.git</c> folder or a bare repository. Null when none.
    /// </summary>
    public static GitObjectStore? OpenAt(string path)
    {
        string full = Path.GetFullPath(path);
        if (IsGitDirectory(full))
        {
            return Open(full);
        }

        var repository = GitRepository.Discover(full);
        if (repository is null)
        {
            return null;
        }

        var store = Open(repository.GitDirectory);
        store.WorkTree = repository.WorkTree;
        return store;
    }

    /// <summary>Opens the object database of a git directory (throws when it has none).</summary>
    public static GitObjectStore Open(string gitDirectory)
    {
        string gitDir = Path.GetFullPath(gitDirectory);
        string common = GitRepository.CommonDirectoryOf(gitDir);
        string config = Path.Combine(common, "config");
        int hashSize = GitIndex.HashSizeFor(config);
        string objects = Path.Combine(common, "objects");
        if (!Directory.Exists(objects))
        {
            throw new DirectoryNotFoundException("no objects folder in " + common);
        }

        var directories = new List<string>();
        AddWithAlternates(objects, directories, 0);
        return new GitObjectStore(gitDir, common, hashSize, directories, ConfigDeclaresPromisor(config));
    }

    /// <summary>A folder with HEAD and objects (a bare repository or a .git folder).</summary>
    public static bool IsGitDirectory(string path) =>
        File.Exists(Path.Combine(path, "HEAD")) && (Directory.Exists(Path.Combine(path, "objects")) || File.Exists(Path.Combine(path, "commondir")));

    /// <summary>A reader with its own delta base cache, for one thread.</summary>
    public GitObjectReader CreateReader(long cacheBytes = DefaultCacheBytes) => new(this, cacheBytes);

    /// <summary>Reads an object (thread-safe, through a shared reader). Throws <see cref="GitObjectException"/>.</summary>
    public GitObject Read(ObjectId id)
    {
        lock (gate)
        {
            sharedReader ??= CreateReader();
            return sharedReader.Read(id);
        }
    }

    /// <summary>Whether the object is stored (packed or loose), without reading it.</summary>
    public bool Contains(ObjectId id) => TryLocate(id, out _, out _, out _) || LooseExists(id);

    /// <summary>Finds the pack holding an object; the pack that answered last is asked first.</summary>
    internal bool TryLocate(ObjectId id, out PackFile pack, out int ordinal, out long offset)
    {
        var current = packs;
        int first = lastPack;
        for (int k = 0; k < current.Length; k++)
        {
            int i = (first + k) % current.Length;
            long found = current[i].Index.Find(id);
            if (found >= 0)
            {
                lastPack = i;
                pack = current[i];
                ordinal = i;
                offset = found;
                return true;
            }
        }

        pack = null!;
        ordinal = -1;
        offset = -1;
        return false;
    }

    /// <summary>Reads a loose object; null when no object folder has it.</summary>
    internal GitObject? TryReadLoose(ObjectId id)
    {
        foreach (var directory in objectDirectories)
        {
            if (LooseObjects.TryRead(directory, id) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    public void Dispose()
    {
        foreach (var pack in packs)
        {
            pack.Dispose();
        }

        packs = Array.Empty<PackFile>();
    }

    private bool LooseExists(ObjectId id)
    {
        foreach (var directory in objectDirectories)
        {
            if (File.Exists(LooseObjects.PathOf(directory, id)))
            {
                return true;
            }
        }

        return false;
    }

    private PackFile[] LoadPacks()
    {
        var found = new List<PackFile>();
        foreach (var directory in objectDirectories)
        {
            string packDirectory = Path.Combine(directory, "pack");
            if (!Directory.Exists(packDirectory))
            {
                continue;
            }

            string[] indexes = Directory.GetFiles(packDirectory, "pack-*.idx");
            Array.Sort(indexes, StringComparer.Ordinal);
            foreach (var index in indexes)
            {
                string pack = Path.ChangeExtension(index, ".pack");
                if (!File.Exists(pack))
                {
                    continue;
                }

                try
                {
                    found.Add(PackFile.Open(pack, index, HashSize));
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    problems.Add($"pack '{Path.GetFileName(pack)}' could not be opened: {ex.Message}");
                }
            }
        }

        return found.ToArray();
    }

    private bool HasPromisorPack()
    {
        foreach (var pack in packs)
        {
            if (File.Exists(Path.ChangeExtension(pack.Path, ".promisor")))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddWithAlternates(string objects, List<string> directories, int depth)
    {
        string full = Path.GetFullPath(objects).TrimEnd('/', '\\');
        if (directories.Contains(full) || !Directory.Exists(full))
        {
            return;
        }

        directories.Add(full);
        string alternates = Path.Combine(Path.Combine(full, "info"), "alternates");
        if (depth >= MaxAlternateDepth || !File.Exists(alternates))
        {
            return;
        }

        foreach (var raw in File.ReadAllLines(alternates))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || line[0] == '"')
            {
                continue; // Quoted (C-escaped) paths are rare; skipped rather than guessed.
            }

            AddWithAlternates(Path.IsPathRooted(line) ? line : Path.Combine(full, line), directories, depth + 1);
        }
    }

    /// <summary><c>extensions.partialClone</c> or a remote's <c>promisor = true</c>.</summary>
    private static bool ConfigDeclaresPromisor(string configPath)
    {
        try
        {
            if (!File.Exists(configPath))
            {
                return false;
            }

            foreach (var raw in File.ReadAllLines(configPath))
            {
                string line = raw.Trim().Replace(" ", string.Empty).ToLowerInvariant();
                if (line.StartsWith("partialclone=", StringComparison.Ordinal) || line == "promisor=true" || line == "promisor")
                {
                    return true;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable config: not known to be partial; missing objects are still reported as missing.
        }

        return false;
    }
}
