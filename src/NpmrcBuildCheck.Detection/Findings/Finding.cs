using NpmrcBuildCheck.Rules;

namespace NpmrcBuildCheck.Findings;

/// <summary>
/// One reported problem. It never holds a secret: only its <see cref="Redacted"/> form and
/// a digest, so a finding can be logged, cached, passed between MSBuild targets or written
/// to SARIF and baselines as it is.
/// </summary>
/// <param name="Rule">The rule that fired.</param>
/// <param name="Path">Path relative to the scan root, with '/' separators.</param>
/// <param name="Line">1-based line of the secret or offending value.</param>
/// <param name="Column">1-based column (in UTF-16 code units of the decoded line).</param>
/// <param name="EndLine">1-based line where the value ends.</param>
/// <param name="EndColumn">1-based column just past the value's end.</param>
/// <param name="Key">The configuration key or variable involved, if any (e.g. <c>//registry.npmjs.org/:_authToken</c>).</param>
/// <param name="Redacted">The redacted secret or offending value (see <see cref="Redaction"/>); empty when none.</param>
/// <param name="SubjectDigest">A one-way digest of the secret or offending value (see <see cref="Fingerprints"/>).</param>
/// <param name="Text">What the message says, as data; hosts word it with <see cref="MessageRenderer"/>. Holds no secret.</param>
public sealed record Finding(
    Rule Rule,
    string Path,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string? Key,
    string Redacted,
    string SubjectDigest,
    FindingMessage Text)
{
    /// <summary>The user-facing sentence in neutral wording (no host hints): what is wrong and what to do.</summary>
    public string Message => MessageRenderer.Render(Text);

    /// <summary>Stable identity for baselines and SARIF: rule, path and subject, never the line.</summary>
    public string Fingerprint => Fingerprints.Compute(Rule.Code, Path, SubjectDigest);
}
