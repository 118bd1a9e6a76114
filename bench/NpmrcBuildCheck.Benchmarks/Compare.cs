using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NpmrcBuildCheck.Scanning;

/// <summary>
/// One run, one machine, interleaved rounds: rg vs a cold scan, find vs a warm scan.
/// rg and find get the same pruning as the scanner (node_modules, .git, the project's bin/obj).
/// Times are wall-clock; rg and find include their process start (a few ms), the scanner runs
/// in-process after a warm-up (as in a long-lived MSBuild node).
/// </summary>
internal static class Compare
{
    public static void Run(string root, int rounds)
    {
        string q = "'" + root.Replace("'", "'\\''") + "'";
        string rg = $"cd {q} && rg -uu -F -l npm_ -g '!node_modules' -g '!.git' -g '!App/bin' -g '!App/obj' . > /dev/null";
        string rgStats = $"cd {q} && rg -uu -F -l --stats npm_ -g '!node_modules' -g '!.git' -g '!App/bin' -g '!App/obj' . | tail -8";
        string find = $"find {q} \\( -name node_modules -o -name .git -o -path {q}/App/bin -o -path {q}/App/obj \\) -prune -o -type f -printf '%s %T@\\n' > /dev/null";
        string findCount = $"find {q} \\( -name node_modules -o -name .git -o -path {q}/App/bin -o -path {q}/App/obj \\) -prune -o -type f -printf '%s %T@\\n' | wc -l";
        string cache = Path.Combine(Path.GetTempPath(), "npmrc-compare-cache");
        if (Directory.Exists(cache))
        {
            Directory.Delete(cache, true);
        }

        ScanOptions Cold(bool literal) => new(root) { Detector = literal ? LiteralDetector.Detect : null };
        ScanOptions Warm() => new(root) { CacheDirectory = cache };

        string stats = Shell(rgStats).Output;
        long rgBytes = long.Parse(Regex.Match(stats, @"(\d+) bytes searched").Groups[1].Value);
        long rgFiles = long.Parse(Regex.Match(stats, @"(\d+) files searched").Groups[1].Value);
        long findFiles = long.Parse(Shell(findCount).Output.Trim());

        // Warm-up: JIT, page cache, and the cache file.
        TreeScanner.Scan(Cold(true));
        TreeScanner.Scan(Cold(false));
        TreeScanner.Scan(Warm());
        var warmCheck = TreeScanner.Scan(Warm());

        var tRg = new double[rounds];
        var tCold = new double[rounds];
        var tColdEngine = new double[rounds];
        var tFind = new double[rounds];
        var tWarm = new double[rounds];
        ScanResult cold = null!;
        ScanResult coldEngine = null!;
        ScanResult warm = null!;
        for (int r = 0; r < rounds; r++)
        {
            tRg[r] = Shell(rg).Ms;
            cold = TreeScanner.Scan(Cold(true));
            tCold[r] = cold.Elapsed.TotalMilliseconds;
            tFind[r] = Shell(find).Ms;
            warm = TreeScanner.Scan(Warm());
            tWarm[r] = warm.Elapsed.TotalMilliseconds;
            coldEngine = TreeScanner.Scan(Cold(false));
            tColdEngine[r] = coldEngine.Elapsed.TotalMilliseconds;
        }

        double Median(double[] a) => a.OrderBy(x => x).ElementAt(a.Length / 2);
        double Min(double[] a) => a.Min();
        Console.WriteLine($"tree: {root}; {Environment.ProcessorCount} cores; {rounds} interleaved rounds; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"rg:    {rgFiles} files, {rgBytes} bytes searched");
        Console.WriteLine($"scan:  {cold.FilesScanned} files, {cold.BytesRead} bytes read ({(double)cold.BytesRead / rgBytes:F2} of rg's), {cold.DirectoriesListed} folders, {cold.BinaryFilesSkipped} binary");
        Console.WriteLine($"find:  {findFiles} files; warm scan: {warm.FilesScanned} files, {warm.CacheHits} cache hits, {warm.BytesRead} bytes read, {warm.Findings.Count} findings");
        Console.WriteLine();
        Console.WriteLine("| measure | median ms | min ms |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| rg -uu -F -l npm_ | {Median(tRg):F1} | {Min(tRg):F1} |");
        Console.WriteLine($"| cold scan, literal npm_ search (scanner only) | {Median(tCold):F1} | {Min(tCold):F1} |");
        Console.WriteLine($"| cold scan, ContentDetector.Detect | {Median(tColdEngine):F1} | {Min(tColdEngine):F1} |");
        Console.WriteLine($"| find -printf '%s %T@' | {Median(tFind):F1} | {Min(tFind):F1} |");
        Console.WriteLine($"| warm scan (cache hit), ContentDetector.Detect | {Median(tWarm):F1} | {Min(tWarm):F1} |");
        Console.WriteLine();
        double PerByte(double ms, long bytes) => ms / bytes;
        Console.WriteLine($"cold (scanner only) vs rg, time per byte: median {PerByte(Median(tCold), cold.BytesRead) / PerByte(Median(tRg), rgBytes):F2}x, min {PerByte(Min(tCold), cold.BytesRead) / PerByte(Min(tRg), rgBytes):F2}x");
        Console.WriteLine($"cold (ContentDetector) vs rg, time per byte: median {PerByte(Median(tColdEngine), coldEngine.BytesRead) / PerByte(Median(tRg), rgBytes):F2}x, min {PerByte(Min(tColdEngine), coldEngine.BytesRead) / PerByte(Min(tRg), rgBytes):F2}x");
        Console.WriteLine($"warm vs find: median {Median(tWarm) / Median(tFind):F2}x, min {Min(tWarm) / Min(tFind):F2}x");
        Console.WriteLine($"throughput: cold scanner-only {cold.BytesRead / 1e6 / (Median(tCold) / 1000):F0} MB/s, cold with ContentDetector {coldEngine.BytesRead / 1e6 / (Median(tColdEngine) / 1000):F0} MB/s, rg {rgBytes / 1e6 / (Median(tRg) / 1000):F0} MB/s (medians)");
        Console.WriteLine($"warm check: {warmCheck.BytesRead} bytes read on the first cache hit");
    }

    private static (double Ms, string Output) Shell(string command)
    {
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(info)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (sw.Elapsed.TotalMilliseconds, output);
    }
}
