using NpmrcBuildCheck.Scanning;

namespace NpmrcBuildCheck.Sources;

/// <summary>The files of a folder on disk, as the build scans them: the walker, the cache, parallel reads and git labels of <see cref="TreeScanner"/>.</summary>
internal sealed class WorkTreeSource : IContentSource
{
    private readonly ScanOptions options;

    public WorkTreeSource(ScanOptions options) => this.options = options;

    public string Root => options.Root;

    public ScanResult Scan() => TreeScanner.Scan(options);
}
