namespace NpmrcBuildCheck.Findings;

/// <summary>
/// What a host (the MSBuild task, the tool) adds to messages in its own words, such as how its
/// users exclude a path. The engine's wording stays host-neutral.
/// </summary>
public sealed class HostHints
{
    /// <summary>No host wording: what SARIF logs and other shared outputs use.</summary>
    public static HostHints None { get; } = new();

    /// <summary>How to exclude a path from the scan, e.g. "the NpmrcBuildCheckExclude property"; null for neutral wording.</summary>
    public string? ExcludeSetting { get; init; }
}
