using System;
using System.Collections.Generic;
using System.Linq;
using NpmrcBuildCheck.Rules;

namespace NpmrcBuildCheck.Reporting;

/// <summary>
/// <c>NpmrcBuildCheckRule</c> items (a code with a <c>Severity</c>) read into severity
/// overrides for <see cref="SeverityPolicy"/>. An unknown code or severity is a problem the
/// host reports its own way (the build warns, the tool stops); the item is then ignored.
/// </summary>
public static class RuleOverrides
{
    public static Dictionary<string, Severity> Parse(IEnumerable<(string Code, string Severity)> items, out IReadOnlyList<string> problems)
    {
        var overrides = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        var found = new List<string>();
        foreach (var (rawCode, text) in items)
        {
            string code = rawCode.Trim();
            if (RuleCatalog.Find(code) is null)
            {
                found.Add($"NpmrcBuildCheckRule '{code}' names no NpmrcBuildCheck rule; known codes are {string.Join(", ", RuleCatalog.All.Select(r => r.Code))}.");
            }
            else if (SeverityPolicy.TryParseSeverity(text, out var severity))
            {
                overrides[code] = severity;
            }
            else
            {
                found.Add($"NpmrcBuildCheckRule '{code}' has Severity '{text}'; use error, warning, message or none.");
            }
        }

        problems = found;
        return overrides;
    }
}
