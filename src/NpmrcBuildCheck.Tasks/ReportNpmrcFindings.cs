using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Reporting;
using NpmrcBuildCheck.Rules;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Tasks;

/// <summary>
/// Reports one project's findings as diagnostics, after its own NoWarn, severities, baseline
/// and warnings-as-errors settings, and writes its SARIF log when asked. It never stops the
/// build: errors fail it at its end.
/// </summary>
public sealed class ReportNpmrcFindings : ProjectFindingsTask
{
    public string? NoWarn { get; set; }

    public string? WarningsAsMessages { get; set; }

    public string? WarningsAsErrors { get; set; }

    public string? WarningsNotAsErrors { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    /// <summary><c>NpmrcBuildCheckRule</c> items: the code with a <c>Severity</c> metadata.</summary>
    public ITaskItem[] Rules { get; set; } = Array.Empty<ITaskItem>();

    public string? Baseline { get; set; }

    public string? SarifLog { get; set; }

    public override bool Execute()
    {
        if (Findings.Length == 0 && Rules.Length == 0 && string.IsNullOrWhiteSpace(Baseline) && string.IsNullOrWhiteSpace(SarifLog))
        {
            // A clean tree, no settings to check and no log to write: nothing to do, on most builds.
            return true;
        }

        var policy = new FindingPolicy(
            new SeverityPolicy(
                NoWarn + ";" + WarningsAsMessages,
                WarningsAsErrors,
                WarningsNotAsErrors,
                TreatWarningsAsErrors,
                ReadRuleOverrides()),
            LoadBaseline());
        var reported = new List<SarifLog.Entry>();
        foreach (var (finding, fullPath) in SelectFindings())
        {
            Outcome outcome = policy.Decide(finding);
            Report(finding, fullPath, outcome);
            if (outcome != Outcome.Suppressed)
            {
                reported.Add(new SarifLog.Entry(finding, outcome));
            }
        }

        if (!string.IsNullOrWhiteSpace(SarifLog))
        {
            WriteSarif(reported);
        }

        // Success even after logging errors: compilation, the analyzer and the projects that
        // reference this one still run, so one build shows every finding of the solution.
        // MSBuild fails a build that logged an error, so its exit code is still 1.
        return true;
    }

    /// <summary>How a build's user words what the engine leaves host-neutral.</summary>
    private static readonly HostHints MsBuildHints = new() { ExcludeSetting = "NpmrcBuildCheckExclude" };

    private void Report(Finding finding, string fullPath, Outcome outcome)
    {
        var rule = finding.Rule;
        string message = MessageRenderer.Render(finding.Text, MsBuildHints);
        switch (outcome)
        {
            case Outcome.Error:
                Log.LogError(null, rule.Code, null, rule.HelpLink, fullPath, finding.Line, finding.Column, finding.EndLine, finding.EndColumn, "{0}", message);
                break;
            case Outcome.Warning:
                Log.LogWarning(null, rule.Code, null, rule.HelpLink, fullPath, finding.Line, finding.Column, finding.EndLine, finding.EndColumn, "{0}", message);
                break;
            case Outcome.Message:
                Log.LogMessage(null, rule.Code, null, fullPath, finding.Line, finding.Column, finding.EndLine, finding.EndColumn, MessageImportance.High, "{0}", message);
                break;
            default:
                Log.LogMessage(MessageImportance.Low, "NpmrcBuildCheck: suppressed {0} at {1}({2},{3}).", rule.Code, fullPath, finding.Line, finding.Column);
                break;
        }
    }

    private Dictionary<string, Severity> ReadRuleOverrides()
    {
        var overrides = RuleOverrides.Parse(Rules.Select(item => (item.ItemSpec, item.GetMetadata("Severity"))), out var problems);
        foreach (var problem in problems)
        {
            Log.LogWarning(null, "NPMRC900", null, RuleCatalog.ScanProblem.HelpLink, null, 0, 0, 0, 0, "{0}", problem);
        }

        return overrides;
    }

    private Baseline LoadBaseline()
    {
        if (string.IsNullOrWhiteSpace(Baseline))
        {
            return Reporting.Baseline.Empty;
        }

        string path = Path.GetFullPath(Path.Combine(ProjectDirectory, Baseline));
        if (!File.Exists(path))
        {
            Log.LogMessage(MessageImportance.Normal, "NpmrcBuildCheck: baseline '{0}' does not exist yet; write it with -t:NpmrcBuildCheckWriteBaseline.", path);
            return Reporting.Baseline.Empty;
        }

        try
        {
            var baseline = Reporting.Baseline.Load(path);
            Log.LogMessage(MessageImportance.Low, "NpmrcBuildCheck: baseline '{0}' accepts {1}.", path, Counted.Of(baseline.Count, "finding"));
            return baseline;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            Log.LogWarning(null, "NPMRC900", null, RuleCatalog.ScanProblem.HelpLink, path, 0, 0, 0, 0,
                "The baseline file could not be read ({0}); no finding is accepted. Rewrite it with -t:NpmrcBuildCheckWriteBaseline.", e.Message);
            return Reporting.Baseline.Empty;
        }
    }

    /// <summary>The same SARIF the tool writes (<see cref="SarifReporter"/>), for the findings this build reported.</summary>
    private void WriteSarif(List<SarifLog.Entry> reported)
    {
        string path = Path.GetFullPath(Path.Combine(ProjectDirectory, SarifLog!));
        var json = new StringWriter();
        new SarifReporter().Write(new Report(ScanRoot, reported, ToolVersion), json);
        try
        {
            AtomicFile.WriteAllText(path, json.ToString());
            Log.LogMessage(MessageImportance.Normal, "NpmrcBuildCheck: wrote SARIF log '{0}'.", path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogWarning(null, "NPMRC900", null, RuleCatalog.ScanProblem.HelpLink, path, 0, 0, 0, 0, "The SARIF log could not be written: {0}", e.Message);
        }
    }

    // The package version, stamped into the assembly at pack time (without the source revision).
    private static string ToolVersion =>
        (typeof(ReportNpmrcFindings).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];
}
