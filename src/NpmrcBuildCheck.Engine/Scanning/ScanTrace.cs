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

    [Conditional("NPMRC_TRACE_PHASES")]
    public static void Phase(string name)
    {
        long now = Stopwatch.GetTimestamp();
        if (last != 0)
        {
            Console.Error.WriteLine($"  {name}: {(now - last) * 1000.0 / Stopwatch.Frequency:F1} ms");
        }

        last = now;
    }
}
