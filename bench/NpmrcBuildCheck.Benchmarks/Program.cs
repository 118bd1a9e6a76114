using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using NpmrcBuildCheck.Scanning;

// `tree DIR [cold|warm] [runs]`: scans a real tree in-process and prints one line per run plus the
// median (the figures bench/measure.sh compares with rg and find). Anything else: BenchmarkDotNet.
if (args.Length >= 2 && args[0] == "compare")
{
    Compare.Run(Path.GetFullPath(args[1]), args.Length > 2 ? int.Parse(args[2]) : 9);
    return;
}

if (args.Length >= 2 && args[0] == "history")
{
    HistoryBench.Run(Path.GetFullPath(args[1]), args.Length > 2 ? args[2] : "full", args.Length > 3 ? int.Parse(args[3]) : 0);
    return;
}

// `first DIR CACHE [REPEAT] [WORKERS]`: one scan in a fresh process with a persistent cache, as an
// MSBuild node without reuse does on every build: run it twice, the second run is a no-op build's
// scan. With NPMRC_PREWARM=TINYDIR, a scan of that folder runs first: what is left is the scan
// without the process's first calls into the engine (bench/README.md, "Fourth round").
if (args.Length >= 3 && args[0] == "first")
{
    int repeat = args.Length > 3 ? int.Parse(args[3]) : 1;
    int workers = args.Length > 4 ? int.Parse(args[4]) : 0;
    var self = Process.GetCurrentProcess();
    if (Environment.GetEnvironmentVariable("NPMRC_PREWARM") is { Length: > 0 } prewarm)
    {
        var first = Stopwatch.StartNew();
        TreeScanner.Scan(new ScanOptions(Path.GetFullPath(prewarm)) { CacheDirectory = Path.GetFullPath(args[2]) + "-prewarm" });
        Console.WriteLine($"prewarm scan of {prewarm}: {first.Elapsed.TotalMilliseconds:F1} ms");
    }

    for (int r = 0; r < repeat; r++)
    {
        string cacheDir = Path.GetFullPath(args[2]) + (r == 0 ? string.Empty : "-" + r);
        self.Refresh();
        var cpuBefore = self.TotalProcessorTime;
        var userBefore = self.UserProcessorTime;
        var once = TreeScanner.Scan(new ScanOptions(Path.GetFullPath(args[1])) { CacheDirectory = cacheDir, MaxParallelism = workers });
        self.Refresh();
        Console.WriteLine($"scan {r + 1} in process: {once.FilesScanned} files, {once.BytesRead} bytes read, {once.CacheHits} cache hits, {once.Elapsed.TotalMilliseconds:F1} ms, CPU {(self.TotalProcessorTime - cpuBefore).TotalMilliseconds:F0} ms (user {(self.UserProcessorTime - userBefore).TotalMilliseconds:F0} ms)");
    }

    return;
}

if (args.Length >= 2 && args[0] == "phases")
{
    string root = Path.GetFullPath(args[1]);
    var proc = Process.GetCurrentProcess();
    for (int r = 0; r < 8; r++)
    {
        proc.Refresh();
        var cpu0 = proc.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var walk = NpmrcBuildCheck.Walking.TreeWalker.Walk(root, new NpmrcBuildCheck.Walking.ExcludeFilter(Array.Empty<string>(), false), Array.Empty<string>());
        double walkMs = sw.Elapsed.TotalMilliseconds;
        proc.Refresh();
        var cpu1 = proc.TotalProcessorTime;
        sw.Restart();
        var git = new NpmrcBuildCheck.Git.GitStatus(root);
        var state = git.Get("App/ClientApp/.npmrc");
        double gitMs = sw.Elapsed.TotalMilliseconds;
        proc.Refresh();
        var cpu2 = proc.TotalProcessorTime;
        var cache = Path.Combine(Path.GetTempPath(), "npmrc-bench-cache");
        var warm = TreeScanner.Scan(new ScanOptions(root) { CacheDirectory = cache });
        proc.Refresh();
        var cpu3 = proc.TotalProcessorTime;
        Console.WriteLine($"walk {walkMs:F1} ms cpu {(cpu1 - cpu0).TotalMilliseconds:F0} ({walk.Files.Count} files, {walk.DirectoriesListed} folders); git {gitMs:F1} ms cpu {(cpu2 - cpu1).TotalMilliseconds:F0} ({state}); warm scan {warm.Elapsed.TotalMilliseconds:F1} ms cpu {(cpu3 - cpu2).TotalMilliseconds:F0}");
    }

    return;
}

// `detect DIR`: detection alone (files in memory, warm code), per file extension, and the anchor search alone.
if (args.Length >= 2 && args[0] == "detect")
{
    DetectionBench.Run(Path.GetFullPath(args[1]));
    return;
}

if (args.Length >= 2 && args[0] == "tree")
{
    string root = Path.GetFullPath(args[1]);
    string mode = args.Length > 2 ? args[2] : "cold";
    int runs = args.Length > 3 ? int.Parse(args[3]) : 7;
    int workers = args.Length > 4 ? int.Parse(args[4]) : 0;
    // "engine": the real ContentDetector; "literal": a vectorised search for "npm_" (what `rg -F npm_` does),
    // to measure the scanner itself (walk, read, cache) apart from detection.
    string detection = args.Length > 5 ? args[5] : "engine";
    string cache = Path.Combine(Path.GetTempPath(), "npmrc-bench-cache");
    if (Directory.Exists(cache))
    {
        Directory.Delete(cache, true);
    }

    ScanOptions Options() => new(root)
    {
        CacheDirectory = mode == "warm" ? cache : null,
        PrunedDirectories = Array.Empty<string>(),
        MaxParallelism = workers,
        Detector = detection == "literal" ? LiteralDetector.Detect : null,
    };

    // Warm-up: JIT, and for "warm" the first (populating) scan.
    var first = TreeScanner.Scan(Options());
    Console.WriteLine($"warm-up: {first.FilesScanned} files, {first.BytesRead} bytes, {first.Elapsed.TotalMilliseconds:F1} ms, {first.Findings.Count} findings, {first.DirectoriesListed} folders");
    var times = new double[runs];
    ScanResult last = first;
    for (int i = 0; i < runs; i++)
    {
        last = TreeScanner.Scan(Options());
        times[i] = last.Elapsed.TotalMilliseconds;
    }

    Array.Sort(times);
    double median = times[runs / 2];
    Console.WriteLine($"detection={detection} mode={mode} files={last.FilesScanned} bytes={last.BytesRead} cachehits={last.CacheHits} binary={last.BinaryFilesSkipped} folders={last.DirectoriesListed} findings={last.Findings.Count}");
    Console.WriteLine($"median_ms={median:F1} min_ms={times[0]:F1} max_ms={times[runs - 1]:F1} MBps={(last.BytesRead / 1e6) / (median / 1000):F0}");
    foreach (var f in last.Findings.Take(5))
    {
        Console.WriteLine($"  {f.Rule.Code} {f.Path}:{f.Line}:{f.Column} {f.Message}");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(NpmrcBuildCheck.Benchmarks.ScanBenchmarks).Assembly).Run(args);

internal static class LiteralDetector
{
    private static readonly byte[] Needle = System.Text.Encoding.ASCII.GetBytes("npm_");

    public static int Matches;

    public static void Detect(string path, NpmrcBuildCheck.Detection.FileKind kind, ReadOnlySpan<byte> content, System.Collections.Generic.ICollection<NpmrcBuildCheck.Findings.Finding> findings)
    {
        if (content.IndexOf(Needle) >= 0)
        {
            System.Threading.Interlocked.Increment(ref Matches);
        }
    }
}
