using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using NpmrcBuildCheck.Findings;

namespace NpmrcBuildCheck.Tasks;

/// <summary>
/// The findings of a shared scan that one project reports: those in its own folder (or in no
/// project's folder) when the scan root is shared, all of them when the root is the project's
/// own folder; never those in the project's C# Compile items, which the analyzer covers.
/// </summary>
internal static class ProjectFindings
{
    public static IReadOnlyList<(Finding Finding, string FullPath)> Select(
        IEnumerable<ITaskItem> findingItems, string scanRoot, string projectDirectory, IEnumerable<ITaskItem> compileItems)
    {
        string root = Normalize(scanRoot);
        string project = Normalize(projectDirectory);
        bool sharedRoot = !string.Equals(root, project, PathComparison);
        string projectRelative = project.StartsWith(root + Path.DirectorySeparatorChar, PathComparison)
            ? project.Substring(root.Length + 1).Replace(Path.DirectorySeparatorChar, '/')
            : string.Empty;
        var compiled = new HashSet<string>(
            compileItems.Select(item => Normalize(item.GetMetadata("FullPath"))),
            PathComparer);

        var selected = new List<(Finding, string)>();
        foreach (var item in findingItems)
        {
            string fullPath = Normalize(item.ItemSpec);
            string owner = item.GetMetadata(FindingItem.OwnerMetadata);
            if (sharedRoot && owner != "*" && !string.Equals(owner, projectRelative, StringComparison.Ordinal))
            {
                continue;
            }

            if (compiled.Contains(fullPath))
            {
                continue;
            }

            selected.Add((FindingItem.FromItem(item), fullPath));
        }

        return selected;
    }

    private static StringComparison PathComparison =>
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static StringComparer PathComparer =>
        Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static string Normalize(string path) =>
        path.Length == 0 ? path : Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
}
