using System;
using System.Collections.Generic;

namespace NpmrcBuildCheck.Walking;

/// <summary>
/// <c>NpmrcBuildCheckExclude</c> globs, relative to the scan root and anchored there:
/// <c>**</c> (any number of folders), <c>*</c> and <c>?</c> (not crossing '/'), classes and
/// escapes as in <see cref="WildMatch"/>; '\' separators are taken as '/' (MSBuild users
/// write them), a leading "./" or "/" is dropped, a trailing '/' restricts a glob to folders.
/// A glob that matches a folder prunes it (its contents are never listed); so does
/// <c>folder/**</c>.
/// </summary>
internal sealed class ExcludeFilter
{
    // A class, not a tuple: a List of a tuple of a bool was JIT-compiled in every fresh MSBuild node.
    private readonly List<Glob> globs = new();
    private readonly bool ignoreCase;

    public ExcludeFilter(IEnumerable<string> patterns, bool ignoreCase)
    {
        this.ignoreCase = ignoreCase;
        foreach (var raw in patterns)
        {
            if (raw is null)
            {
                continue;
            }

            string p = raw.Trim().Replace('\\', '/');
            while (p.StartsWith("./", StringComparison.Ordinal))
            {
                p = p.Substring(2);
            }

            p = p.TrimStart('/');
            bool directoryOnly = p.EndsWith("/", StringComparison.Ordinal);
            p = p.TrimEnd('/');
            if (p.Length > 0)
            {
                globs.Add(new Glob(p, directoryOnly));
            }
        }
    }

    public bool IsEmpty => globs.Count == 0;

    /// <summary>Whether the root-relative path (no leading '/') is excluded.</summary>
    public bool IsExcluded(string relativePath, bool isDirectory)
    {
        foreach (var glob in globs)
        {
            string pattern = glob.Pattern;
            if (glob.DirectoryOnly && !isDirectory)
            {
                continue;
            }

            if (WildMatch.IsMatch(pattern, relativePath, ignoreCase))
            {
                return true;
            }

            if (isDirectory && pattern.EndsWith("/**", StringComparison.Ordinal) &&
                WildMatch.IsMatch(pattern.Substring(0, pattern.Length - 3), relativePath, ignoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Glob(string Pattern, bool DirectoryOnly);
}
