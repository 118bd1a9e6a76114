using System;
using System.Collections.Generic;
using System.IO;
using NpmrcBuildCheck.Findings;

namespace NpmrcBuildCheck.Reporting;

/// <summary>
/// The findings of a scan that one project reports: those in its own folder (or in no
/// project's folder, see <see cref="ProjectOwnership"/>) when the scan root is shared, all of
/// them when the root is the project's own folder; never those in the project's C# Compile
/// items, which the analyzer covers. The build's report task and the tool both select so.
/// </summary>
public static class ProjectShare
{
    /// <summary>
    /// A finding of the scan (as the host holds it: a <see cref="Finding"/>, or an MSBuild item
    /// read into one only once selected) with its file's full path and its owner
    /// (<see cref="ProjectOwnership.OwnerOf"/>; "*" or null for every project).
    /// </summary>
    /// <remarks>A class: a generic struct of this assembly was JIT-compiled in every fresh MSBuild node.</remarks>
    public sealed record Candidate<T>(T Finding, string FullPath, string? Owner);

    public static IReadOnlyList<(T Finding, string FullPath)> Select<T>(
        IEnumerable<Candidate<T>> candidates, string scanRoot, string projectDirectory, IEnumerable<string> compileFullPaths)
    {
        string root = Normalize(scanRoot);
        string project = Normalize(projectDirectory);
        bool sharedRoot = !string.Equals(root, project, PathComparison);
        string projectRelative = project.StartsWith(root + Path.DirectorySeparatorChar, PathComparison)
            ? project.Substring(root.Length + 1).Replace(Path.DirectorySeparatorChar, '/')
            : string.Empty;
        var compiled = new HashSet<string>(PathComparer);
        foreach (var path in compileFullPaths)
        {
            compiled.Add(Normalize(path));
        }

        var selected = new List<(T, string)>();
        foreach (var candidate in candidates)
        {
            string fullPath = Normalize(candidate.FullPath);
            string owner = candidate.Owner ?? "*";
            if (sharedRoot && owner != "*" && !string.Equals(owner, projectRelative, StringComparison.Ordinal))
            {
                continue;
            }

            if (compiled.Contains(fullPath))
            {
                continue;
            }

            selected.Add((candidate.Finding, fullPath));
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
