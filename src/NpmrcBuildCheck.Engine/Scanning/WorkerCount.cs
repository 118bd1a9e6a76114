using System;

namespace NpmrcBuildCheck.Scanning;

/// <summary>How many threads a scan uses: the tree scan and the history scan decide it here.</summary>
internal static class WorkerCount
{
    /// <summary>
    /// <paramref name="maxParallelism"/> when set; else one thread per core, at most 4, plus one for a
    /// first scan. A first scan reads every file and is the longest step before compilation: the extra
    /// thread keeps the cores busy across system calls and keeps the scan's share of the cores against
    /// MSBuild's own targets beside it (cold build scan 9% faster on both measured trees). A scan served
    /// from its cache is short and should only use the core MSBuild leaves idle: there the extra thread
    /// made the no-op build slower (1.06-1.10x instead of 1.01x; bench/README.md).
    /// </summary>
    public static int For(int maxParallelism, bool firstScan) =>
        maxParallelism > 0 ? maxParallelism : Math.Max(1, Math.Min(Environment.ProcessorCount + (firstScan ? 1 : 0), 4));
}
