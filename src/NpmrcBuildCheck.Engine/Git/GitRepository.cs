using System;
using System.IO;

namespace NpmrcBuildCheck.Git;

/// <summary>
/// A git work tree found without a git executable: the nearest folder at or above the
/// scan root holding a <c>.git</c> folder (with a HEAD) or a <c>.git</c> file
/// (<c>gitdir: …</c>, as in linked work trees and submodules).
/// </summary>
internal sealed class GitRepository
{
    private GitRepository(string workTree, string gitDirectory, string commonDirectory)
    {
        WorkTree = workTree;
        GitDirectory = gitDirectory;
        CommonDirectory = commonDirectory;
    }

    /// <summary>The work tree root (full path, no trailing separator).</summary>
    public string WorkTree { get; }

    /// <summary>Where this work tree's index lives.</summary>
    public string GitDirectory { get; }

    /// <summary>Where shared files (info/exclude, config) live; the git dir itself unless a linked work tree.</summary>
    public string CommonDirectory { get; }

    public string IndexPath => Path.Combine(GitDirectory, "index");

    public string ExcludePath => Path.Combine(Path.Combine(CommonDirectory, "info"), "exclude");

    /// <summary>Finds the work tree holding <paramref name="start"/>; null outside any work tree or on any error.</summary>
    public static GitRepository? Discover(string start)
    {
        try
        {
            string? dir = Path.GetFullPath(start);
            while (dir is not null)
            {
                string dotGit = Path.Combine(dir, ".git");
                if (Directory.Exists(dotGit))
                {
                    if (File.Exists(Path.Combine(dotGit, "HEAD")))
                    {
                        return Create(dir, dotGit);
                    }
                }
                else if (File.Exists(dotGit))
                {
                    string? gitDir = ReadGitFile(dotGit, dir);
                    if (gitDir is not null && Directory.Exists(gitDir))
                    {
                        return Create(dir, gitDir);
                    }
                }

                dir = Path.GetDirectoryName(dir);
            }
        }
        catch (Exception)
        {
            // Unreadable parents: behave as outside a work tree.
        }

        return null;
    }

    private static GitRepository Create(string workTree, string gitDir)
    {
        string common;
        try
        {
            common = CommonDirectoryOf(gitDir);
        }
        catch (Exception)
        {
            common = gitDir;
        }

        return new GitRepository(workTree.TrimEnd('/', '\\').Length == 0 ? workTree : TrimSeparator(workTree), gitDir, common);
    }

    /// <summary>Where a git directory's shared files live: its <c>commondir</c> (linked work trees), else itself.</summary>
    internal static string CommonDirectoryOf(string gitDir)
    {
        string commonFile = Path.Combine(gitDir, "commondir");
        if (File.Exists(commonFile))
        {
            string text = File.ReadAllText(commonFile).Trim();
            if (text.Length > 0)
            {
                return Path.GetFullPath(Path.IsPathRooted(text) ? text : Path.Combine(gitDir, text));
            }
        }

        return gitDir;
    }

    private static string TrimSeparator(string path)
    {
        string trimmed = path.TrimEnd('/', '\\');
        return trimmed.Length == 0 || trimmed.EndsWith(":", StringComparison.Ordinal) ? path : trimmed;
    }

    private static string? ReadGitFile(string file, string dir)
    {
        var info = new FileInfo(file);
        if (info.Length > 4096)
        {
            return null;
        }

        foreach (var line in File.ReadAllLines(file))
        {
            if (line.StartsWith("gitdir:", StringComparison.Ordinal))
            {
                string path = line.Substring(7).Trim();
                return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(dir, path));
            }
        }

        return null;
    }
}
