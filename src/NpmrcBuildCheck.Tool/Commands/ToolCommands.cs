using System.Collections.Generic;
using System.CommandLine;
using System.IO;

namespace NpmrcBuildCheck.Tool.Commands;

/// <summary>The tool's commands, one file each: a new command is one more line here.</summary>
internal static class ToolCommands
{
    public static IEnumerable<Command> Create(TextWriter output, TextWriter error)
    {
        yield return ScanCommand.Create(output, error);
        yield return StagedCommand.Create(output, error);
        yield return HistoryCommand.Create(output, error);
    }
}
