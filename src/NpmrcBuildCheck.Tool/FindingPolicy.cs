using System;
using System.Collections.Generic;
using System.IO;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Reporting;

namespace NpmrcBuildCheck.Tool;

/// <summary>One set of settings (a project's, or the command line's) applied to findings: the baseline first, then the severity policy, as the build's report task does.</summary>
internal sealed class FindingPolicy
{
    private readonly SeverityPolicy severity;
    private readonly Baseline baseline;

    public FindingPolicy(SeverityPolicy severity, Baseline baseline)
    {
        this.severity = severity;
        this.baseline = baseline;
    }

    public Outcome Decide(Finding finding) => baseline.Accepts(finding) ? Outcome.Suppressed : severity.Decide(finding);

    /// <summary>The shown findings with their outcome (suppressed ones are left out).</summary>
    public List<SarifLog.Entry> Apply(IEnumerable<Finding> findings)
    {
        var shown = new List<SarifLog.Entry>();
        foreach (var finding in findings)
        {
            var outcome = Decide(finding);
            if (outcome != Outcome.Suppressed)
            {
                shown.Add(new SarifLog.Entry(finding, outcome));
            }
        }

        return shown;
    }

    /// <summary>Reads a baseline; an unreadable one is a settings error (the build warns and accepts nothing; a hook must not guess).</summary>
    public static Baseline LoadBaseline(string path)
    {
        try
        {
            return Baseline.Load(path);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"The baseline '{path}' could not be read ({e.Message}). Rewrite it with 'dotnet build -t:NpmrcBuildCheckWriteBaseline'.");
        }
    }
}
