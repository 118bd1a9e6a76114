using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NpmrcBuildCheck.Scanning;

/// <summary>
/// Phase timings of a scan and its threads' CPU time on stderr, for performance work only: compiled in with
/// <c>dotnet build -p:NpmrcTracePhases=true</c>, else every call is removed by the compiler.
/// </summary>
internal static class ScanTrace
{
    private static long last;
    private static double lastJit;
    private static long lastMethods;

    [ThreadStatic]
    private static long threadCpuAtStart;

    [Conditional("NPMRC_TRACE_PHASES")]
    public static void Phase(string name)
    {
        long now = Stopwatch.GetTimestamp();
#if NET8_0_OR_GREATER
        double jit = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
        long methods = System.Runtime.JitInfo.GetCompiledMethodCount();
        long allocated = GC.GetTotalAllocatedBytes() / 1024;
#else
        double jit = 0;
        long methods = 0;
        long allocated = 0;
#endif
        if (last != 0)
        {
            Console.Error.WriteLine($"  {name}: {(now - last) * 1000.0 / Stopwatch.Frequency:F1} ms (JIT {jit - lastJit:F1} ms, {methods - lastMethods} methods, gen0 GCs {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}, allocated {allocated} KB)");
        }

        last = now;
        lastJit = jit;
        lastMethods = methods;
    }

    /// <summary>Marks the start of this thread's share of a scan, for <see cref="ThreadEnd"/>.</summary>
    [Conditional("NPMRC_TRACE_PHASES")]
    public static void ThreadStart() => threadCpuAtStart = ThreadCpuNanoseconds();

    /// <summary>
    /// The CPU time this thread used since <see cref="ThreadStart"/> (Linux only; 0 elsewhere). In a
    /// build, a warm scan's figure follows its threads' CPU time (bench/README.md, sixth round).
    /// </summary>
    [Conditional("NPMRC_TRACE_PHASES")]
    public static void ThreadEnd(string thread) =>
        Console.Error.WriteLine($"  CPU of the {thread} thread: {(ThreadCpuNanoseconds() - threadCpuAtStart) / 1e6:F1} ms");

    private static unsafe long ThreadCpuNanoseconds()
    {
#if NET8_0_OR_GREATER
        if (OperatingSystem.IsLinux())
        {
            long* time = stackalloc long[2]; // struct timespec on 64-bit Linux: seconds, nanoseconds
            if (ClockGetTime(ClockThreadCpuTime, time) == 0)
            {
                return (time[0] * 1_000_000_000) + time[1];
            }
        }
#endif
        return 0;
    }

    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern unsafe int ClockGetTime(int clock, long* time);
}
