using System.Collections.Generic;
using NpmrcBuildCheck.Findings;

namespace NpmrcBuildCheck.Reporting;

/// <summary>One set of settings (a project's, or the tool's command line) applied to findings: the baseline first, then the severity policy. The build's report task and the tool both decide here.</summary>
public sealed class FindingPolicy
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
}
