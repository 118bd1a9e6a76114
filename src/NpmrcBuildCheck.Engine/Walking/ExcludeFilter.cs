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
    private readonly List<(string Pattern, bool DirectoryOnly)> globs = new();
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
                globs.Add((p, directoryOnly));
            }
        }
    }

    public bool IsEmpty => globs.Count == 0;

    /// <summary>Whether the root-relative path (no leading '/') is excluded.</summary>
    public bool IsExcluded(string relativePath, bool isDirectory)
    {
        foreach (var (pattern, directoryOnly) in globs)
        {
            if (directoryOnly && !isDirectory)
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
}
