using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NpmrcBuildCheck.Detection;
using NpmrcBuildCheck.Findings;

namespace NpmrcBuildCheck.Scanning;

/// <summary>Walks a tree, reads each file and runs detection. Never throws for bad input.</summary>
public static class TreeScanner
{
    public static ScanResult Scan(ScanOptions options)
    {
        // Placeholder walk until the pruning, git-aware, cached walker lands.
        var stopwatch = Stopwatch.StartNew();
        var findings = new List<Finding>();
        var projects = new List<string>();
        int files = 0;
        long bytes = 0;
        foreach (var path in Directory.EnumerateFiles(options.Root, "*", SearchOption.AllDirectories))
        {
            string relative = path.Substring(options.Root.TrimEnd('/', '\\').Length + 1).Replace('\\', '/');
            if (relative.Split('/').Any(s => s is "node_modules" or "bin" or "obj" or ".git"))
            {
                continue;
            }

            byte[] content = File.ReadAllBytes(path);
            files++;
            bytes += content.Length;
            ContentDetector.Detect(relative, FileKinds.Classify(Path.GetFileName(path)), content, findings);
        }

        return new ScanResult(findings, files, bytes, stopwatch.Elapsed, projects);
    }
}
