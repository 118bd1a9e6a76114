using System;
using System.Collections.Generic;

namespace NpmrcBuildCheck.Reporting;

/// <summary>
/// Gives each finding of a shared scan to one project: the project whose folder is the deepest
/// one holding the file. Files outside every project folder belong to every project.
/// </summary>
public static class ProjectOwnership
{
    /// <summary>The root-relative folder of the owning project, or null when no project folder holds the file.</summary>
    public static string? OwnerOf(string relativePath, IEnumerable<string> projectDirectories)
    {
        string? owner = null;
        foreach (var directory in projectDirectories)
        {
            bool holds = directory.Length == 0
                || (relativePath.Length > directory.Length
                    && relativePath[directory.Length] == '/'
                    && relativePath.StartsWith(directory, StringComparison.Ordinal));
            if (holds && (owner is null || directory.Length > owner.Length))
            {
                owner = directory;
            }
        }

        return owner;
    }
}
