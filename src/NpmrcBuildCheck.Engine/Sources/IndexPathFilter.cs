using System;
using System.Collections.Generic;
using NpmrcBuildCheck.Walking;

namespace NpmrcBuildCheck.Sources;

/// <summary>
/// The walker's pruning applied to a list of paths (a git index has no folders to walk): a path
/// is skipped when one of its folders is always pruned, is bin/ or obj/ beside a project file of
/// the list, or is excluded, or when the file itself is excluded.
/// </summary>
internal sealed class IndexPathFilter
{
    private readonly ExcludeFilter excludes;
    private readonly HashSet<string> projectDirectories;

    public IndexPathFilter(IEnumerable<string> paths, IEnumerable<string> excludeGlobs)
    {
        excludes = new ExcludeFilter(excludeGlobs, PruneRules.IgnoreCase);
        projectDirectories = new HashSet<string>(PruneRules.IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var path in paths)
        {
            int slash = path.LastIndexOf('/');
            if (PruneRules.IsProjectFile(path.Substring(slash + 1)))
            {
                projectDirectories.Add(slash < 0 ? string.Empty : path.Substring(0, slash));
            }
        }
    }

    /// <summary>Folders ('/' separators, "" for the root) that hold a .NET project file.</summary>
    public IReadOnlyCollection<string> ProjectDirectories => projectDirectories;

    public bool IsIncluded(string path)
    {
        string parentName = string.Empty;
        int start = 0;
        for (int slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', start))
        {
            string name = path.Substring(start, slash - start);
            string parent = start == 0 ? string.Empty : path.Substring(0, start - 1);
            string folder = path.Substring(0, slash);
            if (PruneRules.IsAlwaysPruned(name, parentName)
                || (PruneRules.IsBuildOutputName(name) && projectDirectories.Contains(parent))
                || excludes.IsExcluded(folder, isDirectory: true))
            {
                return false;
            }

            parentName = name;
            start = slash + 1;
        }

        return !excludes.IsExcluded(path, isDirectory: false);
    }
}
