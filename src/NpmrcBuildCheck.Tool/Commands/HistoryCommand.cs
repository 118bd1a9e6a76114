using System;
using System.CommandLine;
using System.IO;
using NpmrcBuildCheck.History;
using NpmrcBuildCheck.Reporting;

namespace NpmrcBuildCheck.Tool.Commands;

/// <summary>
/// <c>history [PATH]</c>: every blob reachable from any ref of the repository (a work tree or a
/// bare repository), each once, incrementally; NPMRC011 for credentials not in the current tree.
/// A progress line on a terminal (stderr), nothing when stderr is redirected; the last stderr
/// line is the summary, as the build prints it.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("PATH")
        {
            Description = "A git work tree (or a folder in one) or a bare repository. Default: the current folder.",
            DefaultValueFactory = _ => ".",
        };
        var state = new Option<DirectoryInfo?>("--state")
        {
            Description = "Folder of the incremental state (object ids and digests, never content). Default: npmrc-buildcheck/ in the repository's git folder.",
            HelpName = "DIR",
        };
        var output = new OutputOptions();
        var settings = new FolderSettings();
        var command = new Command("history", "Scan the git history: every blob reachable from a branch, tag, remote-tracking ref or stash, each once and only new ones on later runs. Reports NPMRC011 for credentials that are in the history but not in the current tree. Never fetches: shallow and partial clones are scanned as far as they go.");
        command.Arguments.Add(path);
        command.Options.Add(state);
        output.AddTo(command);
        settings.AddTo(command);
        command.SetAction(parsed =>
        {
            string start = FolderArgument.Resolve(parsed, path);

            string repository = HistoryScanner.RepositoryOf(start) ?? throw new UsageException($"'{start}' is not in a git repository.");
            var policy = settings.Policy(parsed);
            using var progress = Progress.For(stderr);
            var result = HistoryScanner.Scan(new HistoryOptions(start)
            {
                StateDirectory = parsed.GetValue(state)?.FullName ?? Path.Combine(repository, "npmrc-buildcheck"),
                Progress = progress.Report,
            });
            progress.Dispose();
            foreach (var note in result.Notes)
            {
                stderr.WriteLine($"{ToolInfo.CommandName}: {note}");
            }

            var report = new Report(result.RepositoryRoot ?? start, policy.Apply(result.Findings), ToolInfo.Version);
            int exit = output.Write(parsed, report, result.BlobsScanned, stdout, stderr);
            stderr.WriteLine(result.Summary);
            return exit;
        });
        return command;
    }

    /// <summary>A one-line, rewritten progress display on an interactive stderr; a no-op when stderr is redirected.</summary>
    private sealed class Progress : IDisposable
    {
        private readonly TextWriter? terminal;
        private readonly object gate = new();
        private bool shown;

        private Progress(TextWriter? terminal) => this.terminal = terminal;

        public static Progress For(TextWriter stderr) =>
            new(ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? stderr : null);

        public void Report(long done, long total)
        {
            if (terminal is null)
            {
                return;
            }

            lock (gate)
            {
                terminal.Write($"\r{ToolInfo.CommandName}: history {done}/{total} blobs ({(total == 0 ? 100 : done * 100 / total)}%)");
                shown = true;
            }
        }

        public void Dispose()
        {
            lock (gate)
            {
                if (shown && terminal is not null)
                {
                    terminal.Write("\r" + new string(' ', 60) + "\r");
                    shown = false;
                }
            }
        }
    }
}
