namespace NpmrcBuildCheck.Tool;

/// <summary>The tool's exit codes: what hooks and pipelines branch on.</summary>
internal static class ExitCodes
{
    /// <summary>No error-level finding (warnings and messages may have been shown).</summary>
    public const int Clean = 0;

    /// <summary>At least one error-level finding: a hook blocks the commit, a pipeline fails.</summary>
    public const int Findings = 1;

    /// <summary>Bad usage or settings: the scan did not run (or could not be trusted). The reason is on stderr.</summary>
    public const int UsageOrSettings = 2;
}
