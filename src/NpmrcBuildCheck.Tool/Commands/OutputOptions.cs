using System;
using System.CommandLine;
using System.IO;
using NpmrcBuildCheck.Reporting;
using NpmrcBuildCheck.Sources;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Tool.Commands;

/// <summary>
/// <c>--format text|sarif|json</c> and <c>--output FILE</c>, which every command takes: the
/// report goes to the file (written whole, atomically) or to stdout; a one-line summary goes to
/// stderr, so stdout and the file hold only the report.
/// </summary>
internal sealed class OutputOptions
{
    private readonly Option<string> format = new("--format", "-f")
    {
        Description = "Output format: text (MSBuild's 'file(line,col): error CODE: message' lines), sarif (SARIF 2.1.0) or json.",
        DefaultValueFactory = _ => "text",
        HelpName = "text|sarif|json",
    };

    private readonly Option<FileInfo?> output = new("--output", "-o")
    {
        Description = "Write the report to this file instead of stdout.",
        HelpName = "FILE",
    };

    public OutputOptions() => format.AcceptOnlyFromAmong("text", "sarif", "json");

    public void AddTo(Command command)
    {
        command.Options.Add(format);
        command.Options.Add(output);
    }

    /// <summary>Scans a source, applies one policy to all its findings, writes the report and returns the exit code.</summary>
    public int ScanAndWrite(ParseResult parsed, IContentSource source, FindingPolicy policy, TextWriter stdout, TextWriter stderr)
    {
        var result = source.Scan();
        return Write(parsed, new Report(source.Root, policy.Apply(result.Findings), ToolInfo.Version), result.FilesScanned, stdout, stderr);
    }

    /// <summary>Writes the report and returns the exit code its findings call for.</summary>
    public int Write(ParseResult parsed, Report report, int filesScanned, TextWriter stdout, TextWriter stderr)
    {
        IReporter reporter = parsed.GetValue(format) switch
        {
            "sarif" => new SarifReporter(),
            "json" => new JsonReporter(),
            _ => new TextReporter(),
        };
        var text = new StringWriter();
        reporter.Write(report, text);
        if (parsed.GetValue(output) is { } file)
        {
            try
            {
                AtomicFile.WriteAllText(file.FullName, text.ToString());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"The report could not be written to '{file.FullName}': {e.Message}");
            }
        }
        else
        {
            stdout.Write(text.ToString());
        }

        stderr.WriteLine($"{ToolInfo.CommandName}: {Counted.Of(report.Errors, "error")}, {Counted.Of(report.Warnings, "warning")} in {Counted.Of(filesScanned, "file")} scanned.");
        return report.Errors > 0 ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
