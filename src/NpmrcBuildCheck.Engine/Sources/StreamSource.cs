using System;
using System.Diagnostics;
using System.IO;
using NpmrcBuildCheck.Scanning;

namespace NpmrcBuildCheck.Sources;

/// <summary>
/// One file's content from a stream (standard input: an editor buffer, a file piped from
/// another tool), under a path the caller names: its file name picks the reader.
/// </summary>
internal sealed class StreamSource : IContentSource
{
    private readonly Stream stream;
    private readonly string relativePath;
    private readonly long maxFileSize;

    public StreamSource(Stream stream, string root, string relativePath, long maxFileSize = ScanOptions.DefaultMaxFileSize)
    {
        this.stream = stream;
        Root = root;
        this.relativePath = relativePath.Replace('\\', '/').TrimStart('/');
        this.maxFileSize = maxFileSize;
    }

    public string Root { get; }

    public ScanResult Scan()
    {
        var stopwatch = Stopwatch.StartNew();
        string name = relativePath.Substring(relativePath.LastIndexOf('/') + 1);
        var content = new MemoryStream();
        var buffer = new byte[64 * 1024];
        for (int n = stream.Read(buffer, 0, buffer.Length); n > 0; n = stream.Read(buffer, 0, buffer.Length))
        {
            if (content.Length + n > maxFileSize)
            {
                return new ScanResult(new[] { ScanProblems.OverSize(relativePath, content.Length + n, maxFileSize) }, 0, content.Length + n, stopwatch.Elapsed, Array.Empty<string>());
            }

            content.Write(buffer, 0, n);
        }

        var result = ContentScan.Detect(relativePath, name, new ReadOnlySpan<byte>(content.GetBuffer(), 0, (int)content.Length), null, out var findings);
        Array.Sort(findings, TreeScanner.CompareFindings);
        return new ScanResult(findings, result == ContentScan.Result.Binary ? 0 : 1, content.Length, stopwatch.Elapsed, Array.Empty<string>())
        {
            BinaryFilesSkipped = result == ContentScan.Result.Binary ? 1 : 0,
        };
    }
}
