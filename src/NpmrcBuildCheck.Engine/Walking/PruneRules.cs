using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NpmrcBuildCheck.Walking;

/// <summary>The folders the contract always prunes (docs/rules.md, "Always pruned from the walk").</summary>
internal static class PruneRules
{
    /// <summary>Names compare case-insensitively on Windows and macOS (case-insensitive file systems by default), ordinally elsewhere.</summary>
    public static readonly bool IgnoreCase =
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

    public static StringComparison NameComparison => IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static readonly string[] AlwaysPrunedNames = { "node_modules", "bower_components", "jspm_packages", ".git", ".vs", ".idea" };

    /// <summary>Folder pruned wherever it is: package stores, VCS and IDE folders, Yarn's <c>.yarn/cache</c>.</summary>
    public static bool IsAlwaysPruned(string name, string parentName)
    {
        foreach (var pruned in AlwaysPrunedNames)
        {
            if (string.Equals(name, pruned, NameComparison))
            {
                return true;
            }
        }

        return string.Equals(name, "cache", NameComparison) && string.Equals(parentName, ".yarn", NameComparison);
    }

    /// <summary>.NET build output: pruned only when the folder sits beside a project file.</summary>
    public static bool IsBuildOutputName(string name) =>
        string.Equals(name, "bin", NameComparison) || string.Equals(name, "obj", NameComparison);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsProjectFile(string fileName) =>
        fileName.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) ||
        fileName.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase) ||
        fileName.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase);
}
