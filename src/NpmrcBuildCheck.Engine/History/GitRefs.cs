using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using NpmrcBuildCheck.Git.Objects;

namespace NpmrcBuildCheck.History;

/// <summary>A starting point of the history walk: a ref name (or a description such as <c>refs/stash@{2}</c>) and the object it names.</summary>
internal readonly struct GitRef
{
    public GitRef(string name, ObjectId target)
    {
        Name = name;
        Target = target;
    }

    public string Name { get; }

    public ObjectId Target { get; }
}

/// <summary>
/// Every ref of a repository, read from files: HEAD (and each linked work tree's HEAD),
/// loose refs under <c>refs/</c> (branches, tags, remote-tracking refs, notes, stash), then
/// <c>packed-refs</c> for names not loose, and each entry of the stash's reflog
/// (<c>logs/refs/stash</c>: only the newest stash has a ref). Symbolic refs other than HEAD
/// are skipped: they name a ref listed anyway. Unreadable files are skipped, never fatal.
/// </summary>
internal static class GitRefs
{
    public static List<GitRef> Read(string gitDirectory, string commonDirectory)
    {
        var refs = new List<GitRef>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        AddHead(refs, Path.Combine(gitDirectory, "HEAD"), "HEAD", commonDirectory);
        string worktrees = Path.Combine(commonDirectory, "worktrees");
        if (Directory.Exists(worktrees))
        {
            foreach (var worktree in Directory.GetDirectories(worktrees))
            {
                AddHead(refs, Path.Combine(worktree, "HEAD"), "worktrees/" + Path.GetFileName(worktree) + "/HEAD", commonDirectory);
            }
        }

        AddLoose(refs, names, Path.Combine(commonDirectory, "refs"), "refs/");
        AddPacked(refs, names, Path.Combine(commonDirectory, "packed-refs"));
        AddStashLog(refs, Path.Combine(Path.Combine(Path.Combine(commonDirectory, "logs"), "refs"), "stash"));
        return refs;
    }

    /// <summary>The commit HEAD names (through its branch), or the default id when unborn or unreadable.</summary>
    public static ObjectId ResolveHead(string gitDirectory, List<GitRef> refs)
    {
        string? text = ReadSmall(Path.Combine(gitDirectory, "HEAD"));
        if (text is null)
        {
            return default;
        }

        if (!text.StartsWith("ref:", StringComparison.Ordinal))
        {
            return ObjectId.TryParse(text, out var detached) ? detached : default;
        }

        string branch = text.Substring(4).Trim();
        foreach (var gitRef in refs)
        {
            if (gitRef.Name == branch)
            {
                return gitRef.Target;
            }
        }

        return default;
    }

    /// <summary>Shown in messages: <c>branch main</c>, <c>tag v1</c>, <c>origin/main</c>, <c>a stash</c>.</summary>
    public static string Describe(string name)
    {
        if (name.StartsWith("refs/heads/", StringComparison.Ordinal))
        {
            return "branch " + name.Substring(11);
        }

        if (name.StartsWith("refs/tags/", StringComparison.Ordinal))
        {
            return "tag " + name.Substring(10);
        }

        if (name.StartsWith("refs/remotes/", StringComparison.Ordinal))
        {
            return "remote-tracking " + name.Substring(13);
        }

        return name.StartsWith("refs/stash", StringComparison.Ordinal) ? "a stash (" + name.Substring(5) + ")" : name;
    }

    /// <summary>Branches first, then tags, remote-tracking refs, stashes, the rest; by name within each.</summary>
    public static int CompareForDisplay(string a, string b)
    {
        int c = Rank(a).CompareTo(Rank(b));
        return c != 0 ? c : string.CompareOrdinal(a, b);
    }

    private static int Rank(string name)
    {
        string[] order = { "refs/heads/", "refs/tags/", "refs/remotes/", "refs/stash" };
        for (int i = 0; i < order.Length; i++)
        {
            if (name.StartsWith(order[i], StringComparison.Ordinal))
            {
                return i;
            }
        }

        return order.Length;
    }

    private static void AddHead(List<GitRef> refs, string path, string name, string commonDirectory)
    {
        string? text = ReadSmall(path);
        if (text is null)
        {
            return;
        }

        if (text.StartsWith("ref:", StringComparison.Ordinal))
        {
            return; // A branch: listed with the refs.
        }

        if (ObjectId.TryParse(text, out var id))
        {
            refs.Add(new GitRef(name, id)); // Detached HEAD.
        }
    }

    private static void AddLoose(List<GitRef> refs, HashSet<string> names, string directory, string prefix)
    {
        string[] files;
        string[] directories;
        try
        {
            if (!Directory.Exists(directory))
            {
                return;
            }

            files = Directory.GetFiles(directory);
            directories = Directory.GetDirectories(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            string name = prefix + Path.GetFileName(file);
            if (ReadSmall(file) is { } text && ObjectId.TryParse(text, out var id) && names.Add(name))
            {
                refs.Add(new GitRef(name, id));
            }
        }

        Array.Sort(directories, StringComparer.Ordinal);
        foreach (var sub in directories)
        {
            AddLoose(refs, names, sub, prefix + Path.GetFileName(sub) + "/");
        }
    }

    private static void AddPacked(List<GitRef> refs, HashSet<string> names, string path)
    {
        foreach (var line in ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#' || line[0] == '^')
            {
                continue; // Header, or a peeled tag (the walk peels tags itself).
            }

            int space = line.IndexOf(' ');
            if (space > 0 && ObjectId.TryParse(line.Substring(0, space), out var id))
            {
                string name = line.Substring(space + 1).Trim();
                if (names.Add(name))
                {
                    refs.Add(new GitRef(name, id));
                }
            }
        }
    }

    private static void AddStashLog(List<GitRef> refs, string path)
    {
        var entries = new List<ObjectId>();
        foreach (var line in ReadLines(path))
        {
            // "<old> <new> <committer> <time> <zone>\t<message>": the new id is the stash commit.
            var parts = line.Split(' ');
            if (parts.Length > 2 && ObjectId.TryParse(parts[1], out var id))
            {
                entries.Add(id);
            }
        }

        // Newest last in the log; stash@{0} is the newest, the one refs/stash names.
        if (entries.Count > 0)
        {
            refs.RemoveAll(r => r.Name == "refs/stash");
        }

        for (int i = entries.Count - 1, n = 0; i >= 0; i--, n++)
        {
            refs.Add(new GitRef("refs/stash@{" + n + "}", entries[i]));
        }
    }

    private static string? ReadSmall(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length < 4096 ? File.ReadAllText(path, Encoding.UTF8).Trim() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        string[] lines;
        try
        {
            lines = File.Exists(path) ? File.ReadAllLines(path) : Array.Empty<string>();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            lines = Array.Empty<string>();
        }

        return lines;
    }
}
