using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NpmrcBuildCheck.Detection;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Scanning;
using NpmrcBuildCheck.Walking;

/// <summary>
/// `detect DIR`: every text file the scan would read, loaded in memory first, then
/// <see cref="ContentDetector.Detect"/> alone on one thread (best of 5, warm code), per file
/// extension; and the anchor search (<see cref="TextAnchors"/>) alone over the JavaScript files,
/// which are most of a frontend tree's bytes. Explains the detection part of a cold scan.
/// </summary>
internal static class DetectionBench
{
    public static void Run(string root)
    {
        var groups = new Dictionary<string, List<(string Path, string Name, byte[] Bytes)>>();
        foreach (var file in TreeWalker.Walk(root, new ExcludeFilter(Array.Empty<string>(), false), Array.Empty<string>()).Files)
        {
            if (file.IsSymbolicLink || file.Length == 0 || file.Length > ScanOptions.DefaultMaxFileSize || ContentScan.IsBinaryByName(file.Name))
            {
                continue;
            }

            byte[] bytes = File.ReadAllBytes(file.FullPath);
            if (ContentScan.IsBinaryContent(FileKinds.Classify(file.Name), bytes))
            {
                continue;
            }

            string group = file.Name == "package.json" ? "package.json" : Path.GetExtension(file.Name);
            if (!groups.TryGetValue(group, out var list))
            {
                groups[group] = list = new();
            }

            list.Add((file.RelativePath, file.Name, bytes));
        }

        var findings = new List<Finding>();
        var rows = groups.Select(g => (Group: g.Key, Files: g.Value.Count, Bytes: g.Value.Sum(f => (long)f.Bytes.Length), Ms: BestOf5(() =>
        {
            foreach (var (path, name, bytes) in g.Value)
            {
                findings.Clear();
                ContentDetector.Detect(path, FileKinds.Classify(name), bytes, findings);
            }
        }))).OrderByDescending(r => r.Ms).ToList();

        double total = rows.Sum(r => r.Ms);
        Console.WriteLine($"detection, one thread, best of 5: {total:F1} ms for {rows.Sum(r => r.Bytes) / 1e6:F1} MB");
        foreach (var r in rows.Take(12))
        {
            Console.WriteLine($"{r.Group,-14} {r.Files,6} files {r.Bytes / 1e6,7:F1} MB {r.Ms,7:F1} ms {r.Bytes / 1e3 / r.Ms,6:F0} MB/s {100 * r.Ms / total,5:F1}%");
        }

        if (groups.TryGetValue(".js", out var scripts))
        {
            long anchors = 0;
            double ms = BestOf5(() =>
            {
                anchors = 0;
                foreach (var (_, _, bytes) in scripts)
                {
                    for (int at = TextAnchors.Next(bytes, 0); at >= 0; at = TextAnchors.Next(bytes, at + 1))
                    {
                        anchors++;
                    }
                }
            });
            long size = scripts.Sum(f => (long)f.Bytes.Length);
            Console.WriteLine($"anchor search alone over .js: {ms:F1} ms, {size / 1e3 / ms:F0} MB/s, {anchors} anchors");
        }
    }

    private static double BestOf5(Action run)
    {
        double best = double.MaxValue;
        for (int r = 0; r < 5; r++)
        {
            var watch = Stopwatch.StartNew();
            run();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        return best;
    }
}
