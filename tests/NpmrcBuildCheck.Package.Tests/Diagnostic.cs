using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>One diagnostic line of MSBuild's console output: <c>file(line,col[,endLine,endCol]): error CODE: message [project]</c>.</summary>
internal sealed record Diagnostic(string File, int Line, int Column, string Severity, string Code, string Message, string Project)
{
    private static readonly Regex Pattern = new(
        @"^\s*(?:\d+(?::\d+)?>)?(?<file>[^\s(][^(\r\n]*?)(?:\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\)| ): (?<sev>warning|error|message) (?<code>[A-Z]+\d+): (?<msg>.*?)(?: \[(?<proj>[^\]]+)\])?\s*$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>Every distinct diagnostic in the output (the console logger repeats them in its summary).</summary>
    public static IReadOnlyList<Diagnostic> Parse(string output) =>
        Pattern.Matches(output)
            .Select(m => new Diagnostic(
                m.Groups["file"].Value.Trim(),
                m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value) : 0,
                m.Groups["col"].Success ? int.Parse(m.Groups["col"].Value) : 0,
                m.Groups["sev"].Value,
                m.Groups["code"].Value,
                m.Groups["msg"].Value,
                m.Groups["proj"].Value))
            .Distinct()
            .ToList();

    public override string ToString() => $"{File}({Line},{Column}): {Severity} {Code}: {Message}";
}
