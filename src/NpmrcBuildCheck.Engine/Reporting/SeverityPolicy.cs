using System;
using System.Collections.Generic;
using System.Linq;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Rules;
using NpmrcBuildCheck.Scanning;

namespace NpmrcBuildCheck.Reporting;

/// <summary>
/// Combines a rule's default severity with the project's settings the way the compiler does
/// for its own warnings. MSBuild applies NoWarn to task warnings but not to task errors, and
/// never applies TreatWarningsAsErrors to task warnings, so the package decides here.
/// </summary>
public sealed class SeverityPolicy
{
    private readonly HashSet<string> noWarn;
    private readonly HashSet<string> warningsAsErrors;
    private readonly HashSet<string> warningsNotAsErrors;
    private readonly bool treatWarningsAsErrors;
    private readonly Dictionary<string, Severity> overrides;

    public SeverityPolicy(
        string? noWarn,
        string? warningsAsErrors,
        string? warningsNotAsErrors,
        bool treatWarningsAsErrors,
        IReadOnlyDictionary<string, Severity>? overrides = null)
    {
        this.noWarn = ParseCodes(noWarn);
        this.warningsAsErrors = ParseCodes(warningsAsErrors);
        this.warningsNotAsErrors = ParseCodes(warningsNotAsErrors);
        this.treatWarningsAsErrors = treatWarningsAsErrors;
        this.overrides = overrides is null
            ? new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, Severity>(overrides.ToDictionary(p => p.Key, p => p.Value), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The rule's severity after a <c>NpmrcBuildCheckRule</c> override, before the warning switches.</summary>
    public Severity EffectiveSeverity(Rule rule) =>
        overrides.TryGetValue(rule.Code, out var severity) ? severity : rule.DefaultSeverity;

    /// <summary>
    /// Decides one finding. A file over the size limit is information, not a problem, so its
    /// NPMRC900 is at most a message unless the project set NPMRC900's severity itself.
    /// </summary>
    public Outcome Decide(Finding finding)
    {
        Outcome outcome = Decide(finding.Rule);
        bool informational = ScanProblems.IsOverSizeLimit(finding) && !overrides.ContainsKey(finding.Rule.Code);
        return informational && outcome > Outcome.Message ? Outcome.Message : outcome;
    }

    public Outcome Decide(Rule rule)
    {
        // NoWarn ranks above everything, also above errors, as it does for compiler diagnostics.
        if (noWarn.Contains(rule.Code))
        {
            return Outcome.Suppressed;
        }

        switch (EffectiveSeverity(rule))
        {
            case Severity.None:
                return Outcome.Suppressed;
            case Severity.Message:
                return Outcome.Message;
            case Severity.Error:
                return Outcome.Error;
            default:
                bool promoted = warningsAsErrors.Contains(rule.Code)
                    || (treatWarningsAsErrors && !warningsNotAsErrors.Contains(rule.Code));
                return promoted ? Outcome.Error : Outcome.Warning;
        }
    }

    /// <summary>Parses a code list as MSBuild does: ';' or ',' separated, trimmed, case-insensitive.</summary>
    public static HashSet<string> ParseCodes(string? list) =>
        new(
            (list ?? string.Empty).Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(code => code.Trim())
                .Where(code => code.Length > 0),
            StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses a severity name (<c>error</c>, <c>warning</c>, <c>message</c>, <c>none</c>; also <c>info</c>, <c>hidden</c>, <c>suggestion</c>, <c>silent</c> as .editorconfig spells them).</summary>
    public static bool TryParseSeverity(string? text, out Severity severity)
    {
        switch ((text ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "error":
                severity = Severity.Error;
                return true;
            case "warning":
                severity = Severity.Warning;
                return true;
            case "message":
            case "info":
            case "suggestion":
                severity = Severity.Message;
                return true;
            case "none":
            case "hidden":
            case "silent":
                severity = Severity.None;
                return true;
            default:
                severity = Severity.None;
                return false;
        }
    }
}
