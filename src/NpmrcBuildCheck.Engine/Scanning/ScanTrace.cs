using System;
using System.Diagnostics;

namespace NpmrcBuildCheck.Scanning;

/// <summary>
/// Phase timings of a scan on stderr, for performance work only: compiled in with
/// <c>dotnet build -p:NpmrcTracePhases=true</c>, else every call is removed by the compiler.
/// </summary>
internal static class ScanTrace
{
    private static long last;
    private static double lastJit;
    private static long lastMethods;

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
}
