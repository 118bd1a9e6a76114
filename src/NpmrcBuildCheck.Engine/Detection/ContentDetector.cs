using System;
using System.Collections.Generic;
using System.Text;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Rules;
using NpmrcBuildCheck.Tokens;

namespace NpmrcBuildCheck.Detection;

/// <summary>
/// Entry point of detection for one file: picks the reader for the file kind and applies
/// inline suppressions. Pure: bytes in, findings out.
/// </summary>
public static class ContentDetector
{
    /// <summary>Detects findings in one file's content.</summary>
    /// <param name="relativePath">Path relative to the scan root, '/' separators; becomes <see cref="Finding.Path"/>.</param>
    /// <param name="kind">The file kind (see <see cref="FileKinds.Classify"/>).</param>
    /// <param name="content">The raw bytes of the file.</param>
    /// <param name="findings">Receives the findings.</param>
    public static void Detect(string relativePath, FileKind kind, ReadOnlySpan<byte> content, ICollection<Finding> findings)
    {
        // Placeholder reader until the full parsers land: literal _authToken and http registries in .npmrc.
        string text = Encoding.UTF8.GetString(content.ToArray());
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            int eq = line.IndexOf('=');
            if (kind != FileKind.Npmrc || eq < 0 || line.TrimStart().StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            string key = line.Substring(0, eq).Trim();
            string value = line.Substring(eq + 1).Trim();
            int column = line.IndexOf(value, eq + 1, StringComparison.Ordinal) + 1;
            if (key.EndsWith("_authToken", StringComparison.Ordinal) && value.Length > 0 && !value.StartsWith("${", StringComparison.Ordinal))
            {
                findings.Add(new Finding(RuleCatalog.HardCodedAuthToken, relativePath, i + 1, column, i + 1, column + value.Length, key,
                    Redaction.Redact(value), Fingerprints.DigestSubject(value),
                    $"Hard-coded auth token in '{key}' ({Redaction.Redact(value)}). Revoke it, then use ${{NPM_TOKEN}}."));
            }
            else if (key.EndsWith("registry", StringComparison.Ordinal) && value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(new Finding(RuleCatalog.InsecureRegistry, relativePath, i + 1, column, i + 1, column + value.Length, key,
                    value, Fingerprints.DigestSubject(value), $"Registry '{value}' uses plain http. Use https."));
            }
        }

        _ = NpmToken.Prefix;
    }
}
