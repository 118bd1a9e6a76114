using System;
using System.CommandLine;
using System.IO;
using NpmrcBuildCheck.Reporting;

namespace NpmrcBuildCheck.Tool.Commands;

/// <summary>
/// The settings a folder or the staged content takes from the command line, where no project
/// holds them: <c>--exclude</c> globs (as NpmrcBuildCheckExclude), <c>--baseline</c> (as
/// NpmrcBuildCheckBaseline), <c>--nowarn</c> and <c>--warnaserror</c> code lists.
/// </summary>
internal sealed class FolderSettings
{
    private readonly Option<string[]> exclude = new("--exclude")
    {
        Description = "A glob, relative to the scanned folder, to leave out (as NpmrcBuildCheckExclude); repeatable. For a project or solution, each project's own NpmrcBuildCheckExclude applies instead.",
        HelpName = "GLOB",
    };

    private readonly Option<FileInfo?> baseline = new("--baseline")
    {
        Description = "A baseline file (as written by -t:NpmrcBuildCheckWriteBaseline) whose accepted findings are not reported.",
        HelpName = "FILE",
    };

    private readonly Option<string?> noWarn = new("--nowarn")
    {
        Description = "Codes not to report, ';' or ',' separated (as NoWarn).",
        HelpName = "CODES",
    };

    private readonly Option<string?> warnAsError = new("--warnaserror")
    {
        Description = "Codes reported as errors instead of warnings, ';' or ',' separated (as WarningsAsErrors).",
        HelpName = "CODES",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(exclude);
        command.Options.Add(baseline);
        command.Options.Add(noWarn);
        command.Options.Add(warnAsError);
    }

    public string[] ExcludeGlobs(ParseResult parsed) => parsed.GetValue(exclude) ?? Array.Empty<string>();

    /// <summary>Whether any of these options was given (a project or solution scan refuses them: its projects hold the settings).</summary>
    public bool AnyGiven(ParseResult parsed) =>
        ExcludeGlobs(parsed).Length > 0 || parsed.GetValue(baseline) is not null || parsed.GetValue(noWarn) is not null || parsed.GetValue(warnAsError) is not null;

    public FindingPolicy Policy(ParseResult parsed) =>
        new(new SeverityPolicy(parsed.GetValue(noWarn), parsed.GetValue(warnAsError), null, false), LoadBaseline(parsed.GetValue(baseline)));

    private static Baseline LoadBaseline(FileInfo? file)
    {
        if (file is null)
        {
            return Baseline.Empty;
        }

        if (!file.Exists)
        {
            throw new UsageException($"The baseline '{file.FullName}' does not exist.");
        }

        return BaselineFile.Load(file.FullName);
    }
}
