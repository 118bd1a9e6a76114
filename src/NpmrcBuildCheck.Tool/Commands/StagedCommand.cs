using System.CommandLine;
using System.IO;
using NpmrcBuildCheck.Sources;

namespace NpmrcBuildCheck.Tool.Commands;

/// <summary>
/// <c>staged</c>: what the next commit would hold (the git index's blobs, not the work tree),
/// for pre-commit hooks. Exit 1 blocks the commit.
/// </summary>
internal static class StagedCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("PATH")
        {
            Description = "A folder inside the git work tree. Default: the current folder.",
            DefaultValueFactory = _ => ".",
        };
        var output = new OutputOptions();
        var settings = new FolderSettings();
        var command = new Command("staged", "Scan what the next commit would contain: the staged content of every file in the git index (not the work tree). For pre-commit hooks: exit code 1 blocks the commit.");
        command.Arguments.Add(path);
        output.AddTo(command);
        settings.AddTo(command);
        command.SetAction(parsed =>
        {
            string start = FolderArgument.Resolve(parsed, path);

            var policy = settings.Policy(parsed);
            var source = StagedSource.Open(start, ObjectStoreBlobs.Open, settings.ExcludeGlobs(parsed));
            return output.ScanAndWrite(parsed, source, policy, stdout, stderr);
        });
        return command;
    }
}
