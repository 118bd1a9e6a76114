using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>Runs a program to its end (at most 10 minutes) and keeps what it printed: interleaved, and each stream apart.</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output, string StandardOutput, string StandardError);

    public static Result Run(string fileName, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                if (value is null)
                {
                    start.Environment.Remove(name);
                }
                else
                {
                    start.Environment[name] = value;
                }
            }
        }

        var output = new StringBuilder();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); stderr.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(10 * 60 * 1000))
        {
            process.Kill(entireProcessTree: true);
            return new Result(-1, output + "\n(timed out)", stdout.ToString(), stderr.ToString());
        }

        process.WaitForExit();
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString(), stdout.ToString(), stderr.ToString());
        }
    }
}
