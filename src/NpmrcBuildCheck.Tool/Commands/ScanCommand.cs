using System;
using System.CommandLine;
using System.IO;
using NpmrcBuildCheck.Reporting;
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
            Description = "A folder, a project file (*.csproj, *.fsproj, *.vbproj, *.*proj) or a solution (*.sln, *.slnx). Default: the current folder.",
            DefaultValueFactory = _ => ".",
        };
        var output = new OutputOptions();
        var settings = new FolderSettings();
        var command = new Command("scan", "Scan a folder, or a project or solution with each project's NpmrcBuildCheck settings (as dotnet build would report, without building).");
        command.Arguments.Add(path);
        output.AddTo(command);
        settings.AddTo(command);
        command.SetAction(parsed =>
        {
            string target = Path.GetFullPath(parsed.GetValue(path)!);
            if (Directory.Exists(target))
            {
                var source = new WorkTreeSource(new ScanOptions(target) { ExcludeGlobs = settings.ExcludeGlobs(parsed) });
                var policy = settings.Policy(parsed);
                ScanResult result = source.Scan();
                var report = new Report(source.Root, policy.Apply(result.Findings), ToolInfo.Version);
                return output.Write(parsed, report, result.FilesScanned, stdout, stderr);
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
