using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;
using NpmrcBuildCheck.Sources;
using NpmrcBuildCheck.Tool.Commands;

namespace NpmrcBuildCheck.Tool;

/// <summary>
/// Parses the command line (System.CommandLine: help for every command, --version, suggestions
/// for typos) and runs the command. Any parse error, <see cref="UsageException"/> or unreadable
/// source exits with <see cref="ExitCodes.UsageOrSettings"/> and a message on stderr.
/// </summary>
internal static class Cli
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "Finds leaked npm credentials and insecure npm settings (.npmrc, .yarnrc.yml, bunfig.toml, lockfiles, scripts) with the NpmrcBuildCheck engine. "
            + "Exit codes: 0 no error-level finding, 1 error-level findings, 2 bad usage or settings.");
        foreach (var command in ToolCommands.Create(output, error))
        {
            root.Subcommands.Add(command);
        }

        var parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine($"{ToolInfo.CommandName}: {problem.Message}");
            }

            error.WriteLine($"Run '{ToolInfo.CommandName} --help' for usage.");
            return ExitCodes.UsageOrSettings;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is UsageException or SourceUnavailableException)
        {
            error.WriteLine($"{ToolInfo.CommandName}: {e.Message}");
            return ExitCodes.UsageOrSettings;
        }
    }
}
