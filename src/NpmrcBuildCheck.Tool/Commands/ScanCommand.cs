using System;
using System.CommandLine;
using System.IO;
using NpmrcBuildCheck.Scanning;
using NpmrcBuildCheck.Sources;
using NpmrcBuildCheck.Tool.Projects;

namespace NpmrcBuildCheck.Tool.Commands;

/// <summary>
/// <c>scan [PATH]</c>: a folder is scanned with the command line's settings; a project or a
/// solution is evaluated with MSBuild and each project's settings apply, so the findings are
/// those <c>dotnet build</c> reports, without building.
/// </summary>
internal static class ScanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("PATH")
        {
            Description = "A folder, a project file (*.csproj, *.fsproj, *.vbproj, *.*proj), a solution (*.sln, *.slnx), or - for one file's content on standard input. Default: the current folder.",
            DefaultValueFactory = _ => ".",
        };
        var stdinName = new Option<string>("--stdin-name")
        {
            Description = "With PATH -, the path reported for standard input; its file name picks the reader (.npmrc, .yarnrc.yml, bunfig.toml, package-lock.json, any other name: text).",
            HelpName = "PATH",
            DefaultValueFactory = _ => ".npmrc",
        };
        var output = new OutputOptions();
        var settings = new FolderSettings();
        var command = new Command("scan", "Scan a folder, or a project or solution with each project's NpmrcBuildCheck settings (as dotnet build would report, without building).");
        command.Arguments.Add(path);
        command.Options.Add(stdinName);
        output.AddTo(command);
        settings.AddTo(command);
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(path) == "-")
            {
                var stdin = new StreamSource(Console.OpenStandardInput(), Environment.CurrentDirectory, parsed.GetValue(stdinName)!);
                return output.ScanAndWrite(parsed, stdin, settings.Policy(parsed), stdout, stderr);
            }

            string target = Path.GetFullPath(parsed.GetValue(path)!);
            if (Directory.Exists(target))
            {
                var source = new WorkTreeSource(new ScanOptions(target) { ExcludeGlobs = settings.ExcludeGlobs(parsed) });
                return output.ScanAndWrite(parsed, source, settings.Policy(parsed), stdout, stderr);
            }

            if (!File.Exists(target))
            {
                throw new UsageException($"'{target}' does not exist: give a folder, a project file or a solution.");
            }

            if (!ProjectFiles.IsProjectOrSolution(target))
            {
                throw new UsageException($"'{target}' is neither a folder, a project file nor a solution (*.sln, *.slnx).");
            }

            if (settings.AnyGiven(parsed))
            {
                throw new UsageException("--exclude, --baseline, --nowarn and --warnaserror apply to a folder or staged content; a project's or solution's settings come from its projects (NpmrcBuildCheckExclude, NpmrcBuildCheckBaseline, NoWarn, WarningsAsErrors).");
            }

            var scan = ProjectScan.Run(target);
            return output.Write(parsed, scan.Report, scan.FilesScanned, stdout, stderr);
        });
        return command;
    }
}
