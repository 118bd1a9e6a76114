using System.Collections.Generic;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Rules;

namespace NpmrcBuildCheck.Detection;

/// <summary>Collects one file's findings and remembers which spans hold an already reported secret.</summary>
internal sealed class FindingSink
{
    // Made when first needed: most files have no finding, and a sink is made for every file read.
    private Dictionary<int, List<(int Start, int End)>>? claimed;
    private bool? tokensOnly;
    private bool? isConfigCopy;

    public FindingSink(string path) => Path = path;

    public string Path { get; }

    /// <summary>Only checksum-valid npm tokens count in this file, not variable assignments (documentation).</summary>
    public bool TokensOnly => tokensOnly ??= FileKinds.IsDocumentation(Path);

    /// <summary>A copy of a config file that no tool reads (<c>.npmrc.example</c>): only credential findings apply.</summary>
    public bool IsConfigCopy => isConfigCopy ??= FileKinds.IsConfigCopy(Path.Substring(Path.LastIndexOfAny(new[] { '/', '\\' }) + 1));

    public List<Finding> Items { get; } = new();

    /// <summary>Adds a finding on one line. <paramref name="subject"/> is digested, never stored.</summary>
    public void Add(Rule rule, int line, int column, int endColumn, string? key, string subject, string redacted, FindingMessage message)
    {
        // A broken reference still claims its span in a copy: it is not a secret there either.
        if (!(IsConfigCopy && RuleCatalog.IsSettingsRule(rule)))
        {
            Items.Add(new Finding(rule, Path, line, column, line, endColumn, key == null ? null : FindingMessage.OneLine(key), FindingMessage.OneLine(redacted),
                Fingerprints.DigestSubject(subject), message));
        }

        if (RuleCatalog.IsCredentialRule(rule) || rule == RuleCatalog.UnexpandedEnvReference)
        {
            claimed ??= new Dictionary<int, List<(int Start, int End)>>();
            if (!claimed.TryGetValue(line, out var spans))
            {
                spans = new List<(int Start, int End)>();
                claimed[line] = spans;
            }

            spans.Add((column, endColumn));
        }
    }

    /// <summary>True when a credential finding already covers part of this span.</summary>
    public bool IsClaimed(int line, int column, int endColumn)
    {
        if (claimed is null || !claimed.TryGetValue(line, out var spans))
        {
            return false;
        }

        foreach (var c in spans)
        {
            if (column < c.End && c.Start < endColumn)
            {
                return true;
            }
        }

        return false;
    }
}
