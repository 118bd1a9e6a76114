using System;
using NpmrcBuildCheck.Rules;

namespace NpmrcBuildCheck.Findings;

/// <summary>
/// Builds every NPMRC900 finding, so the detector's own failures and the engine's walk and read
/// problems (<c>ScanProblems</c>) have one shape: line and column 0 (the whole file or folder;
/// MSBuild shows no position), the reason in <see cref="Finding.Key"/>, a digest of the reason
/// (the same problem on the same path keeps its fingerprint), and a message that names no content.
/// </summary>
internal static class ScanProblemFindings
{
    /// <summary>Detection or the scanner itself failed on this path.</summary>
    public const string InternalError = "internal-error";

    public static Finding Create(string relativePath, string reason, FindingMessage message) =>
        new(RuleCatalog.ScanProblem, relativePath, 0, 0, 0, 0, reason, string.Empty,
            Fingerprints.DigestSubject(reason), message);

    /// <summary>An exception of the scanner (its type only: exception messages may quote content).</summary>
    public static Finding Internal(string relativePath, Exception error) =>
        Create(relativePath, InternalError, new FindingMessage(MessageKind.ScanFailure, Display(relativePath), error.GetType().Name));

    public static string Display(string relativePath) => relativePath.Length == 0 ? "." : relativePath;
}
