using System.Collections.Generic;
using System.Linq;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Rules;

namespace NpmrcBuildCheck.Reporting;

/// <summary>
/// Writes findings as a SARIF 2.1.0 log, as GitHub code scanning and Azure DevOps read it:
/// every rule with its help URI, each result with its location (root-relative, against the
/// <c>%SRCROOT%</c> base), level, redacted message and fingerprint. Never the secret.
/// </summary>
public static class SarifLog
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>A finding and how it is reported (error, warning or message).</summary>
    /// <remarks>A class: a <c>List</c> of a struct of this assembly was JIT-compiled in every fresh MSBuild node.</remarks>
    public sealed record Entry(Finding Finding, Outcome Outcome);

    public static string Build(IEnumerable<Entry> entries, string rootUri, string toolVersion)
    {
        var json = new JsonWriter()
            .StartObject()
            .String("$schema", SchemaUri)
            .String("version", "2.1.0")
            .StartArray("runs")
            .StartObject()
            .StartObject("tool")
            .StartObject("driver")
            .String("name", "NpmrcBuildCheck")
            .String("version", toolVersion)
            .String("semanticVersion", toolVersion)
            .String("informationUri", RuleCatalog.HelpBaseUri.Replace("/blob/main/docs/rules/", string.Empty))
            .StartArray("rules");
        foreach (var rule in RuleCatalog.All)
        {
            json.StartObject()
                .String("id", rule.Code)
                .String("name", Pascal(rule.Title))
                .StartObject("shortDescription").String("text", rule.Title).EndObject()
                .StartObject("fullDescription").String("text", rule.Description).EndObject()
                .String("helpUri", rule.HelpLink)
                .StartObject("defaultConfiguration").String("level", Level(rule.DefaultSeverity)).EndObject()
                .EndObject();
        }

        json.EndArray().EndObject().EndObject()
            .StartObject("originalUriBaseIds")
            .StartObject("%SRCROOT%").String("uri", rootUri).EndObject()
            .EndObject()
            .StartArray("results");
        var ruleIndex = RuleCatalog.All.Select((rule, index) => (rule, index)).ToDictionary(p => p.rule.Code, p => p.index);
        foreach (var entry in entries)
        {
            var finding = entry.Finding;
            json.StartObject()
                .String("ruleId", finding.Rule.Code)
                .Number("ruleIndex", ruleIndex[finding.Rule.Code])
                .String("level", Level(entry.Outcome))
                .StartObject("message").String("text", finding.Message).EndObject()
                .StartArray("locations")
                .StartObject()
                .StartObject("physicalLocation")
                .StartObject("artifactLocation").String("uri", UriPath(finding.Path)).String("uriBaseId", "%SRCROOT%").EndObject()
                .StartObject("region")
                .Number("startLine", finding.Line)
                .Number("startColumn", finding.Column)
                .Number("endLine", finding.EndLine)
                .Number("endColumn", finding.EndColumn)
                .EndObject()
                .EndObject()
                .EndObject()
                .EndArray()
                .StartObject("partialFingerprints").String("npmrcBuildCheck/v1", finding.Fingerprint).EndObject()
                .EndObject();
        }

        return json.EndArray().EndObject().EndArray().EndObject().ToString();
    }

    private static string Level(Outcome outcome) => outcome switch
    {
        Outcome.Error => "error",
        Outcome.Warning => "warning",
        Outcome.Message => "note",
        _ => "none",
    };

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Message => "note",
        _ => "none",
    };

    private static string Pascal(string title) =>
        string.Concat(title.Split(' ', '-', '.').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));

    private static string UriPath(string relativePath) =>
        string.Join("/", relativePath.Split('/').Select(System.Uri.EscapeDataString));
}
