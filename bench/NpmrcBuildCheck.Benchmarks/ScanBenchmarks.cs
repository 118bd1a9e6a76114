using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using NpmrcBuildCheck.Scanning;

namespace NpmrcBuildCheck.Benchmarks;

/// <summary>
/// Cold (no cache) and warm (cache hit) scans of the tree named by NPMRC_BENCH_TREE
/// (default /work/bench-tree, made by bench/make-tree.sh).
/// Run: dotnet run -c Release --project bench/NpmrcBuildCheck.Benchmarks -- --filter '*ScanBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class ScanBenchmarks
{
    private string root = string.Empty;
    private string cache = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        root = Environment.GetEnvironmentVariable("NPMRC_BENCH_TREE") ?? "/work/bench-tree";
        cache = Path.Combine(Path.GetTempPath(), "npmrc-bdn-cache");
        TreeScanner.Scan(new ScanOptions(root) { CacheDirectory = cache });
    }

    [Benchmark]
    public int Cold() => TreeScanner.Scan(new ScanOptions(root)).FilesScanned;

    /// <summary>Walk + read + a vectorised "npm_" search instead of ContentDetector: the scanner's own cost.</summary>
    [Benchmark]
    public int ColdScannerOnly() => TreeScanner.Scan(new ScanOptions(root) { Detector = LiteralDetector.Detect }).FilesScanned;

    [Benchmark]
    public int Warm() => TreeScanner.Scan(new ScanOptions(root) { CacheDirectory = cache }).FilesScanned;
}
