using System;
using System.IO;

namespace NpmrcBuildCheck.Tool.Projects;

internal static class ProjectFiles
{
    public static bool IsSolution(string path) =>
        path.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase);

    /// <summary>A solution, or an MSBuild project file (*.csproj, *.fsproj, *.proj, ...: any extension ending in "proj").</summary>
    public static bool IsProjectOrSolution(string path) =>
        IsSolution(path) || Path.GetExtension(path).EndsWith("proj", StringComparison.OrdinalIgnoreCase);
}
