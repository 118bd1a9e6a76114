using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>Runs the dotnet CLI as a user would, with node reuse off and the run's own packages folder.</summary>
internal static class DotNet
{
    public sealed record Result(int ExitCode, string Output);

    public static Result Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, null, true, arguments);

    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, bool isolatedPackages, params string[] arguments) =>
        Run("dotnet", workingDirectory, environment, isolatedPackages, arguments);

    /// <summary>Runs <paramref name="program"/> with the same environment as the dotnet CLI gets here.</summary>
    public static Result Run(string program, string workingDirectory, IReadOnlyDictionary<string, string>? environment, bool isolatedPackages, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
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

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        if (isolatedPackages)
        {
            // Consumers restore only from the run's feed into the run's own packages folder.
            start.Environment["NUGET_PACKAGES"] = PackageFeed.PackagesDirectory;
        }
        // A build inside a test must not inherit the test host's MSBuild settings.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(10 * 60 * 1000))
        {
            process.Kill(entireProcessTree: true);
            return new Result(-1, output + "\n(timed out)");
        }

        process.WaitForExit();
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString());
        }
    }
}
