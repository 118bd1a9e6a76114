using System;

namespace NpmrcBuildCheck.Findings;

/// <summary>
/// The only way a secret is shown: at most a well-known public prefix and, for a token of
/// 20 or more characters, its last 4 characters; nothing at all of a password or base64 value.
/// </summary>
public static class Redaction
{
    private static readonly string[] PublicPrefixes = { "npm_", "npms_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-" };

    private const string Mask = "****";

    /// <summary>
    /// Shows nothing of a password or a base64 basic-auth value (<c>_auth</c>, <c>_password</c>): a
    /// base64 text's last characters encode the end of the password, and a password has no public prefix.
    /// </summary>
    public static string RedactPassword(string secret) => string.IsNullOrEmpty(secret) ? string.Empty : Mask;

    public static string Redact(string secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return string.Empty;
        }

        string prefix = string.Empty;
        foreach (var candidate in PublicPrefixes)
        {
            if (secret.Length > candidate.Length + 8 && secret.StartsWith(candidate, StringComparison.Ordinal))
            {
                prefix = candidate;
                break;
            }
        }

        string tail = secret.Length >= 20 ? secret.Substring(secret.Length - 4) : string.Empty;
        return prefix + Mask + tail;
    }
}
