using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NpmrcBuildCheck.Findings;

namespace NpmrcBuildCheck.Reporting;

/// <summary>
/// Accepted findings, by fingerprint (rule, root-relative path, subject digest): a moved line
/// stays accepted, a changed secret is new. The file holds no secret and no line numbers.
/// </summary>
public sealed class Baseline
{
    private const int FormatVersion = 1;
    private readonly HashSet<string> fingerprints;

    private Baseline(IEnumerable<string> fingerprints) => this.fingerprints = new HashSet<string>(fingerprints, StringComparer.OrdinalIgnoreCase);

    public static Baseline Empty { get; } = new(Array.Empty<string>());

    public int Count => fingerprints.Count;

    public bool Accepts(Finding finding) => fingerprints.Contains(finding.Fingerprint);

    /// <summary>Reads a baseline file; throws <see cref="FormatException"/> or an IO exception for a bad one.</summary>
    public static Baseline Load(string path)
    {
        if (JsonReader.Parse(File.ReadAllText(path)) is not Dictionary<string, object?> root
            || root.TryGetValue("accepted", out var acceptedValue) is false
            || acceptedValue is not List<object?> accepted)
        {
            throw new FormatException("A baseline is a JSON object with an \"accepted\" array.");
        }

        return new Baseline(accepted
            .OfType<Dictionary<string, object?>>()
            .Select(entry => entry.TryGetValue("fingerprint", out var value) ? value as string : null)
            .Where(fingerprint => !string.IsNullOrEmpty(fingerprint))!);
    }

    /// <summary>Writes the findings as a baseline, sorted so the file diffs well.</summary>
    public static void Write(string path, IEnumerable<Finding> findings)
    {
        var json = new JsonWriter()
            .StartObject()
            .Number("version", FormatVersion)
            .String("tool", "NpmrcBuildCheck")
            .StartArray("accepted");
        foreach (var finding in findings.GroupBy(f => f.Fingerprint).Select(g => g.First()).OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Rule.Code, StringComparer.Ordinal).ThenBy(f => f.Fingerprint, StringComparer.Ordinal))
        {
            json.StartObject()
                .String("rule", finding.Rule.Code)
                .String("path", finding.Path)
                .String("fingerprint", finding.Fingerprint)
                .EndObject();
        }

        AtomicFile.WriteAllText(path, json.EndArray().EndObject().ToString());
    }
}
