using System;

namespace NpmrcBuildCheck.Scanning;

/// <summary>How many threads a scan uses: the tree scan and the history scan decide it here.</summary>
internal static class WorkerCount
{
    /// <summary>
    /// <paramref name="maxParallelism"/> when set; else one thread per core, plus two for a first scan,
    /// at most 4. A first scan reads every file and is the longest step before compilation: the extra
    /// threads keep the cores busy across system calls and keep the scan's share of the cores against
    /// MSBuild's own targets beside it (on 2 cores, one extra thread made the cold build scan 9% faster
    /// on both measured trees, a second one 10% more on the pinned tree and 6% on Squidex, and the
    /// whole cold build 23 ms shorter). A scan served from its cache is short and should only use the
    /// core MSBuild leaves idle: there one extra thread made the no-op build slower (1.06-1.10x instead
    /// of 1.01x; bench/README.md).
    /// </summary>
    public static int For(int maxParallelism, bool firstScan) =>
        maxParallelism > 0 ? maxParallelism : Math.Max(1, Math.Min(Environment.ProcessorCount + (firstScan ? 2 : 0), 4));
}
