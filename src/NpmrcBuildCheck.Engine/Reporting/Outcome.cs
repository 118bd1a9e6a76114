namespace NpmrcBuildCheck.Reporting;

/// <summary>How one finding is logged after every setting is applied.</summary>
public enum Outcome
{
    /// <summary>Not shown (NoWarn, severity none, baseline); at most a low-importance message.</summary>
    Suppressed,

    /// <summary>A message at normal importance.</summary>
    Message,

    /// <summary>A warning; the build engine may still promote it (e.g. bare -warnaserror).</summary>
    Warning,

    /// <summary>An error: the build fails.</summary>
    Error,
}
