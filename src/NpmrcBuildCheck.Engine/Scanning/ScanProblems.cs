using System;
using System.Globalization;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Rules;

namespace NpmrcBuildCheck.Scanning;

/// <summary>
/// NPMRC900 findings. Their <see cref="Finding.Key"/> holds the reason, one of the constants
/// below, so a consumer tells an over-size file (reported at message importance) from a real
/// read error without parsing the message: <c>finding.Key == ScanProblems.OverSizeLimit</c>
/// (or <see cref="IsOverSizeLimit"/>). Line and column are 0: the problem is the whole file
/// or folder (MSBuild shows no position for 0).
/// </summary>
public static class ScanProblems
{
    /// <summary>The file is larger than <see cref="ScanOptions.MaxFileSize"/>; it was not read.</summary>
    public const string OverSizeLimit = "over-size-limit";

    /// <summary>The file or folder could not be read (permissions, I/O error, path too long, ...).</summary>
    public const string ReadError = "read-error";

    /// <summary>A FIFO, socket or device: never opened.</summary>
    public const string NotARegularFile = "not-a-regular-file";

    /// <summary>Detection or the scanner itself failed on this path.</summary>
    public const string InternalError = ScanProblemFindings.InternalError;

    public static bool IsOverSizeLimit(Finding finding) =>
        finding.Rule == RuleCatalog.ScanProblem && finding.Key == OverSizeLimit;

    internal static Finding OverSize(string relativePath, long size, long limit) =>
        ScanProblemFindings.Create(relativePath, OverSizeLimit, new FindingMessage(MessageKind.OverSizeLimit,
            ScanProblemFindings.Display(relativePath), size.ToString(CultureInfo.InvariantCulture), limit.ToString(CultureInfo.InvariantCulture)));

    internal static Finding Unreadable(string relativePath, bool isDirectory, Exception error) =>
        ScanProblemFindings.Create(relativePath, ReadError, new FindingMessage(MessageKind.Unreadable,
            ScanProblemFindings.Display(relativePath), isDirectory ? "Folder" : "File", Describe(error)));

    internal static Finding Special(string relativePath) =>
        ScanProblemFindings.Create(relativePath, NotARegularFile, new FindingMessage(MessageKind.NotARegularFile, ScanProblemFindings.Display(relativePath)));

    /// <summary>A part of the git history that could not be read; <paramref name="what"/> names object ids and paths, never content.</summary>
    internal static Finding GitProblem(string relativePath, string what) =>
        ScanProblemFindings.Create(relativePath, ReadError, new FindingMessage(MessageKind.GitProblem, what));

    // Exception messages of file APIs name the path and the OS error, never file content.
    private static string Describe(Exception error) => error switch
    {
        UnauthorizedAccessException => "access denied",
        System.IO.PathTooLongException => "path too long",
        System.IO.DirectoryNotFoundException => "not found",
        System.IO.FileNotFoundException => "not found",
        _ => error.GetType().Name + (string.IsNullOrEmpty(error.Message) ? string.Empty : ": " + error.Message.TrimEnd('.')),
    };
}
