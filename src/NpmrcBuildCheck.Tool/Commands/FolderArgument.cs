using System.CommandLine;
using System.IO;

namespace NpmrcBuildCheck.Tool.Commands;

/// <summary>The PATH argument of the commands that start from a folder (<c>staged</c>, <c>history</c>).</summary>
internal static class FolderArgument
{
    /// <summary>The argument's full path; a usage error when it is not a folder.</summary>
    public static string Resolve(ParseResult parsed, Argument<string> path)
    {
        string full = Path.GetFullPath(parsed.GetValue(path)!);
        if (!Directory.Exists(full))
        {
            throw new UsageException($"'{full}' is not a folder.");
        }

        return full;
    }
}
