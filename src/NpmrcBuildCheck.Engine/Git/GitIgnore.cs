using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using NpmrcBuildCheck.Walking;

namespace NpmrcBuildCheck.Git;

/// <summary>One .gitignore pattern, relative to the folder of the file it came from.</summary>
internal sealed class IgnoreRule
{
    public IgnoreRule(string pattern, bool negated, bool directoryOnly, bool anchored, string baseDirectory)
    {
        Pattern = pattern;
        int wildcard = pattern.IndexOfAny(GlobSpecials);
        literalPrefixLength = wildcard < 0 ? pattern.Length : wildcard;
        patternRest = pattern.Substring(literalPrefixLength);
        Negated = negated;
        DirectoryOnly = directoryOnly;
        Anchored = anchored;
        BaseDirectory = baseDirectory;
    }

    private static readonly char[] GlobSpecials = { '*', '?', '[', '\\' };

    private readonly int literalPrefixLength;
    private readonly string patternRest;

    public string Pattern { get; }

    public bool Negated { get; }

    public bool DirectoryOnly { get; }

    /// <summary>The pattern had a '/' other than a trailing one: it matches the path relative to its folder; else the name at any depth.</summary>
    public bool Anchored { get; }

    /// <summary>Work-tree-relative folder of the .gitignore ("" for the root and for info/exclude).</summary>
    public string BaseDirectory { get; }

    /// <summary>Whether the rule matches the work-tree-relative path.</summary>
    public bool Matches(string path, bool isDirectory)
    {
        if (DirectoryOnly && !isDirectory)
        {
            return false;
        }

        string relative;
        if (BaseDirectory.Length == 0)
        {
            relative = path;
        }
        else if (path.Length > BaseDirectory.Length && path[BaseDirectory.Length] == '/' && path.StartsWith(BaseDirectory, StringComparison.Ordinal))
        {
            relative = path.Substring(BaseDirectory.Length + 1);
        }
        else
        {
            return false;
        }

        if (!Anchored)
        {
            int slash = relative.LastIndexOf('/');
            if (slash >= 0)
            {
                relative = relative.Substring(slash + 1);
            }

            return WildMatch.IsMatch(Pattern, relative);
        }

        // As git's match_pathname: the literal part before the first wildcard is compared as
        // text and cut off, then the rest is matched. This matters: in "a**/b" the "**/" then
        // starts the pattern, so it matches any number of folders ("ab/x/b" and "ab/b" match).
        if (relative.Length < literalPrefixLength || string.CompareOrdinal(Pattern, 0, relative, 0, literalPrefixLength) != 0)
        {
            return false;
        }

        return WildMatch.IsMatch(patternRest, relative.Substring(literalPrefixLength));
    }
}

/// <summary>Parses gitignore syntax (gitignore(5)).</summary>
internal static class GitIgnoreParser
{
    public static List<IgnoreRule> Parse(string text, string baseDirectory)
    {
        var rules = new List<IgnoreRule>();
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        foreach (var raw in text.Split('\n'))
        {
            string line = raw.EndsWith("\r", StringComparison.Ordinal) ? raw.Substring(0, raw.Length - 1) : raw;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            line = TrimTrailingSpaces(line);
            bool negated = false;
            if (line.Length > 0 && line[0] == '!')
            {
                negated = true;
                line = line.Substring(1);
            }

            bool directoryOnly = false;
            if (line.EndsWith("/", StringComparison.Ordinal) && !line.EndsWith("\\/", StringComparison.Ordinal))
            {
                directoryOnly = true;
                line = line.TrimEnd('/');
            }

            if (line.Length == 0)
            {
                continue;
            }

            bool anchored = line.IndexOf('/') >= 0;
            if (line[0] == '/')
            {
                line = line.Substring(1);
            }

            if (line.Length == 0)
            {
                continue;
            }

            rules.Add(new IgnoreRule(line, negated, directoryOnly, anchored, baseDirectory));
        }

        return rules;
    }

    /// <summary>Trailing spaces are dropped unless escaped with a backslash.</summary>
    private static string TrimTrailingSpaces(string line)
    {
        int end = line.Length;
        while (end > 0 && line[end - 1] == ' ')
        {
            int backslashes = 0;
            for (int k = end - 2; k >= 0 && line[k] == '\\'; k--)
            {
                backslashes++;
            }

            if (backslashes % 2 == 1)
            {
                break;
            }

            end--;
        }

        return line.Substring(0, end);
    }
}

/// <summary>
/// Answers "does git ignore this path?" for one work tree, reading .gitignore files lazily:
/// only the folders on the way to a path that is asked about. Rules, lowest priority first:
/// <c>$GIT_COMMON_DIR/info/exclude</c>, then every <c>.gitignore</c> from the work-tree
/// root down to the path's folder; within a file the last matching line wins; a path
/// inside an ignored folder is ignored whatever later negations say (as git, which does not
/// descend into it). <c>core.excludesFile</c> (the user's global ignore file) is not read
/// on purpose: it is per user, and a finding's code must not depend on whose machine
/// builds. Matching is case-sensitive (core.ignoreCase is not read).
/// </summary>
internal sealed class GitIgnoreEvaluator
{
    private readonly string workTree;
    private readonly List<IgnoreRule> excludeRules;
    private readonly Dictionary<string, List<IgnoreRule>> perDirectory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> directoryIgnored = new(StringComparer.Ordinal);

    public GitIgnoreEvaluator(string workTree, string? excludeFile)
    {
        this.workTree = workTree;
        excludeRules = excludeFile is null ? new List<IgnoreRule>() : GitIgnoreParser.Parse(ReadText(excludeFile), string.Empty);
    }

    /// <summary>Whether git ignores the work-tree-relative path ('/' separators).</summary>
    public bool IsIgnored(string path, bool isDirectory)
    {
        int slash = path.IndexOf('/');
        while (slash > 0)
        {
            if (IsDirectoryIgnored(path.Substring(0, slash)))
            {
                return true;
            }

            slash = path.IndexOf('/', slash + 1);
        }

        return isDirectory ? IsDirectoryIgnored(path) : MatchesSelf(path, false);
    }

    private bool IsDirectoryIgnored(string directory)
    {
        if (!directoryIgnored.TryGetValue(directory, out bool ignored))
        {
            int slash = directory.LastIndexOf('/');
            ignored = (slash > 0 && IsDirectoryIgnored(directory.Substring(0, slash))) || MatchesSelf(directory, true);
            directoryIgnored[directory] = ignored;
        }

        return ignored;
    }

    /// <summary>Last matching rule wins, deepest .gitignore first, info/exclude last.</summary>
    private bool MatchesSelf(string path, bool isDirectory)
    {
        int slash = path.LastIndexOf('/');
        string parent = slash < 0 ? string.Empty : path.Substring(0, slash);
        while (true)
        {
            var rules = RulesOf(parent);
            for (int i = rules.Count - 1; i >= 0; i--)
            {
                if (rules[i].Matches(path, isDirectory))
                {
                    return !rules[i].Negated;
                }
            }

            if (parent.Length == 0)
            {
                break;
            }

            int up = parent.LastIndexOf('/');
            parent = up < 0 ? string.Empty : parent.Substring(0, up);
        }

        for (int i = excludeRules.Count - 1; i >= 0; i--)
        {
            if (excludeRules[i].Matches(path, isDirectory))
            {
                return !excludeRules[i].Negated;
            }
        }

        return false;
    }

    private List<IgnoreRule> RulesOf(string directory)
    {
        if (!perDirectory.TryGetValue(directory, out var rules))
        {
            string file = directory.Length == 0
                ? Path.Combine(workTree, ".gitignore")
                : Path.Combine(workTree, directory.Replace('/', Path.DirectorySeparatorChar), ".gitignore");
            rules = GitIgnoreParser.Parse(ReadText(file), directory);
            perDirectory[directory] = rules;
        }

        return rules;
    }

    private static string ReadText(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > 4 * 1024 * 1024)
            {
                return string.Empty;
            }

            return Encoding.UTF8.GetString(File.ReadAllBytes(path));
        }
        catch (Exception)
        {
            return string.Empty;
        }
    }
}
