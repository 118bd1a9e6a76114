using System;
using System.IO;

namespace NpmrcBuildCheck.Git;

/// <summary>How git sees one file.</summary>
internal enum GitFileState
{
    /// <summary>Not in a git work tree (or its state cannot be known): every file counts as committable.</summary>
    Unknown,

    /// <summary>In the index: committed or staged, so its content is (or will be) in the history.</summary>
    Tracked,

    /// <summary>Not tracked, not ignored: it would be committed by <c>git add -A</c>.</summary>
    Untracked,

    /// <summary>Not tracked and ignored by a .gitignore or info/exclude rule.</summary>
    IgnoredUntracked,
}

/// <summary>
/// Git state of files under a scan root. Everything is lazy: the index and .gitignore
/// files are read only when the first file with a credential finding asks, so scans with no
/// credential finding never touch git metadata. Re-created on every scan (never cached):
/// the answer is always current.
/// </summary>
internal sealed class GitStatus : IDisposable
{
    private readonly GitRepository? repository;
    private readonly string rootPrefix;
    private GitIndex? index;
    private bool indexLoaded;
    private GitIgnoreEvaluator? ignore;

    public GitStatus(string root)
    {
        repository = GitRepository.Discover(root);
        rootPrefix = string.Empty;
        if (repository is not null)
        {
            string full = Path.GetFullPath(root).TrimEnd('/', '\\');
            string work = repository.WorkTree.TrimEnd('/', '\\');
            if (full.Length > work.Length)
            {
                rootPrefix = full.Substring(work.Length + 1).Replace('\\', '/') + "/";
            }
        }
    }

    public bool InWorkTree => repository is not null;

    /// <summary>Frees the loaded index (its paths live outside the GC heap).</summary>
    public void Dispose() => index?.Dispose();

    public string? WorkTree => repository?.WorkTree;

    /// <summary>The state of a file given by its root-relative path.</summary>
    public GitFileState Get(string rootRelativePath)
    {
        if (repository is null)
        {
            return GitFileState.Unknown;
        }

        string path = rootPrefix + rootRelativePath;
        LoadIndex();
        if (index is null)
        {
            // Unreadable or split index: do not guess.
            return GitFileState.Unknown;
        }

        if (index.IsTracked(path))
        {
            return GitFileState.Tracked;
        }

        ignore ??= new GitIgnoreEvaluator(repository.WorkTree, repository.ExcludePath);
        return ignore.IsIgnored(path, isDirectory: false) ? GitFileState.IgnoredUntracked : GitFileState.Untracked;
    }

    /// <summary>Reads the index now (<see cref="Get"/> does it on first use). Never throws.</summary>
    public void LoadIndex()
    {
        if (repository is not null && !indexLoaded)
        {
            Scanning.ScanTrace.Phase("git discovered");
            int hashSize = GitIndex.HashSizeFor(Path.Combine(repository.CommonDirectory, "config"));
            Scanning.ScanTrace.Phase("git config");
            index = GitIndex.Load(repository.IndexPath, hashSize);
            Scanning.ScanTrace.Phase("git index");
            indexLoaded = true;
        }
    }
}
