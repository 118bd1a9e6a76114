using System;
using System.Security.Cryptography;
using System.Text;

namespace NpmrcBuildCheck.Findings;

/// <summary>
/// One-way digests. A secret is digested once, when it is found; from then on only the
/// digest travels (caches, baselines, SARIF). Domain-separated SHA-256, truncated. It is not
/// salted, so that baselines and SARIF fingerprints agree across machines: a short, guessable
/// password could be found from a committed baseline by trying candidates, a random token not.
/// </summary>
public static class Fingerprints
{
    private const string SubjectDomain = "NpmrcBuildCheck/subject/v1\n";
    private const string FingerprintDomain = "NpmrcBuildCheck/fingerprint/v1\n";

    /// <summary>Digest of a secret or offending value; safe to store.</summary>
    public static string DigestSubject(string subject) => Sha256Hex(SubjectDomain + subject, 32);

    /// <summary>Fingerprint of a finding: rule, relative path and subject digest (not the line).</summary>
    public static string Compute(string ruleCode, string relativePath, string subjectDigest) =>
        Sha256Hex(FingerprintDomain + ruleCode + "\n" + relativePath.Replace('\\', '/') + "\n" + subjectDigest, 32);

    private static string Sha256Hex(string text, int hexChars)
    {
        using var sha = SHA256.Create();
        byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var builder = new StringBuilder(hexChars);
        for (int i = 0; i < hexChars / 2; i++)
        {
            builder.Append(hash[i].ToString("x2"));
        }

        return builder.ToString();
    }
}
