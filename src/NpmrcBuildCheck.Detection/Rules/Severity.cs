namespace NpmrcBuildCheck.Rules;

/// <summary>How a finding is reported. Names match the MSBuild <c>Severity</c> metadata values.</summary>
public enum Severity
{
    None,
    Message,
    Warning,
    Error,
}
