using System.Collections.Generic;

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>Runs the dotnet CLI as a user would, with node reuse off and the run's own packages folder.</summary>
internal static class DotNet
{
    public sealed record Result(int ExitCode, string Output);

    public static Result Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, null, true, arguments);

    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, bool isolatedPackages, params string[] arguments)
    {
        var result = ProcessRunner.Run("dotnet", workingDirectory, Environment(environment, isolatedPackages), arguments);
        return new Result(result.ExitCode, result.Output);
    }

    /// <summary>The environment of a dotnet command (or a program it starts) in a test: no node reuse, no telemetry, the run's packages.</summary>
    public static Dictionary<string, string?> Environment(IReadOnlyDictionary<string, string>? extra, bool isolatedPackages)
    {
        var environment = new Dictionary<string, string?>
        {
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            // A build inside a test must not inherit the test host's MSBuild settings.
            ["MSBuildExtensionsPath"] = null,
            ["MSBUILD_EXE_PATH"] = null,
            ["MSBuildSDKsPath"] = null,
        };
        if (isolatedPackages)
        {
            // Consumers restore only from the run's feed into the run's own packages folder.
            environment["NUGET_PACKAGES"] = PackageFeed.PackagesDirectory;
        }

        if (extra is not null)
        {
            foreach (var (name, value) in extra)
            {
                environment[name] = value;
            }
        }

        return environment;
    }
}
