using System;
using System.Diagnostics;
using System.IO;
using NpmrcBuildCheck.History;

/// <summary>
/// `history REPO [full|incremental] [workers]`: one history scan in this process, printed as
/// one line (bench/history.sh runs it in fresh processes, interleaved with git and rg).
/// "full" scans without state; "incremental" uses (and updates) the state in $TMPDIR/npmrc-history-state.
/// </summary>
internal static class HistoryBench
{
    public static void Run(string repository, string mode, int workers)
    {
        string state = Path.Combine(Path.GetTempPath(), "npmrc-history-state");
        var process = Process.GetCurrentProcess();
        var result = HistoryScanner.Scan(new HistoryOptions(repository)
        {
            StateDirectory = mode == "incremental" ? state : null,
            MaxParallelism = workers,
        });
        process.Refresh();
        Console.WriteLine($"{result.Summary}; {result.Commits} commits, {result.Blobs} unique blobs, {result.Findings.Count} findings, cpu {process.TotalProcessorTime.TotalMilliseconds:F0} ms, peak {process.PeakWorkingSet64 >> 20} MB");
        foreach (var note in result.Notes)
        {
            Console.WriteLine("note: " + note);
        }
    }
}
