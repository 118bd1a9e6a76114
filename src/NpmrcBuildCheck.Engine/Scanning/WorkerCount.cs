using System;

namespace NpmrcBuildCheck.Scanning;

/// <summary>How many threads a scan uses: the tree scan and the history scan decide it here.</summary>
internal static class WorkerCount
{
    private const int Most = 4;

    /// <summary>
    /// <paramref name="maxParallelism"/> when set; else one thread per core, at most 4. For work that
    /// keeps its threads on the CPU (the history scan inflating blobs), and for a scan served from its
    /// cache: that one is short and should only use the core MSBuild leaves idle (there one extra
    /// thread made the no-op build slower, 1.06-1.10x instead of 1.01x; bench/README.md).
    /// </summary>
    public static int OnePerCore(int maxParallelism) => For(maxParallelism, extra: 0);

    /// <summary>
    /// <paramref name="maxParallelism"/> when set; else one thread per core plus two, at most 4. A first
    /// scan reads every file and is the longest step before compilation: the extra threads keep the
    /// cores busy across system calls and keep the scan's share of the cores against MSBuild's own
    /// targets beside it (on 2 cores, one extra thread made the cold build scan 9% faster on both
    /// measured trees, a second one 10% more on the pinned tree and 6% on Squidex, and the whole cold
    /// build 23 ms shorter).
    /// </summary>
    public static int ReadingEveryFile(int maxParallelism) => For(maxParallelism, extra: 2);

    private static int For(int maxParallelism, int extra) =>
        maxParallelism > 0 ? maxParallelism : Math.Max(1, Math.Min(Environment.ProcessorCount + extra, Most));
}
