using System;
using System.Diagnostics;

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>
/// Makes a folder tree unwritable for the test's builds, and writable again on dispose. Root
/// ignores file modes, so as root the tree is made immutable (<c>chattr +i</c>) instead.
/// </summary>
internal sealed class ReadOnlyFolder : IDisposable
{
    private readonly string path;
    private readonly bool immutable;

    private ReadOnlyFolder(string path, bool immutable)
    {
        this.path = path;
        this.immutable = immutable;
    }

    public static ReadOnlyFolder Make(string path)
    {
        bool root = Environment.UserName == "root";
        Run(root ? "chattr" : "chmod", "-R", root ? "+i" : "a-w", path);
        return new ReadOnlyFolder(path, root);
    }

    public void Dispose() => Run(immutable ? "chattr" : "chmod", "-R", immutable ? "-i" : "u+w", path);

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {error}");
        }
    }
}
