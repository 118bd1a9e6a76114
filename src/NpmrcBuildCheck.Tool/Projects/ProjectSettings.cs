using System.Collections.Generic;

namespace NpmrcBuildCheck.Tool.Projects;

/// <summary>One project's NpmrcBuildCheck settings as MSBuild evaluated them: plain values, no MSBuild type.</summary>
internal sealed record ProjectSettings(
    string ProjectPath,
    string ProjectDirectory,
    bool Enabled,
    string Root,
    IReadOnlyList<string> ExcludeGlobs,
    IReadOnlyList<string> PrunedDirectories,
    string NoWarn,
    string WarningsAsErrors,
    string WarningsNotAsErrors,
    bool TreatWarningsAsErrors,
    IReadOnlyList<(string Code, string Severity)> Rules,
    string Baseline,
    IReadOnlyList<string> CompileFullPaths)
{
    /// <summary>Projects with the same key share one scan, as the build's private scan project serves them.</summary>
    public string ScanKey => string.Join("\n", Root, string.Join(";", ExcludeGlobs), string.Join(";", PrunedDirectories));
}
