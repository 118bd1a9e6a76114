using NpmrcBuildCheck.Scanning;

namespace NpmrcBuildCheck.Sources;

/// <summary>
/// Where the bytes come from: the files of a folder on disk, the blobs staged in the git index,
/// (later) the blobs of the history, standard input. A source reads its files and hands each
/// one's bytes to <see cref="ContentScan"/>; it never renders a finding (reporters do).
/// </summary>
internal interface IContentSource
{
    /// <summary>The absolute folder the findings' paths are relative to.</summary>
    string Root { get; }

    /// <summary>Reads every file of the source and detects its findings. Never throws for a file it cannot read: that is an NPMRC900 finding.</summary>
    ScanResult Scan();
}
