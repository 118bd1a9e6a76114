using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using NpmrcBuildCheck.Engine.Tests.Scanning;

namespace NpmrcBuildCheck.Engine.Tests.Git.Objects;

/// <summary>Runs git for byte-exact answers (<c>cat-file --batch</c>), isolated from the machine's git config.</summary>
internal static class GitCli
{
    /// <summary>Runs git with <paramref name="input"/> on stdin and returns stdout's bytes.</summary>
    public static byte[] RunBytes(string workingDirectory, byte[]? input, params string[] args)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var process = Process.Start(info)!;
        var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.BaseStream.Write(input, 0, input.Length);
        }

        process.StandardInput.Close();
        copy.Wait();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(" ", args)} failed ({process.ExitCode}): {error.Result}");
        }

        return output.ToArray();
    }

    /// <summary>Every object git sees in the repository (packed and loose), as id and type.</summary>
    public static List<(string Id, string Type)> AllObjects(string gitDirectory)
    {
        var list = new List<(string, string)>();
        string text = TestTree.Run(gitDirectory, "git", "cat-file", "--batch-all-objects", "--batch-check=%(objectname) %(objecttype)");
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            list.Add((parts[0], parts[1]));
        }

        return list;
    }

    /// <summary>The content of each object, as <c>git cat-file --batch</c> prints it.</summary>
    public static Dictionary<string, (string Type, byte[] Content)> Contents(string gitDirectory, IEnumerable<string> ids)
    {
        var request = new StringBuilder();
        foreach (var id in ids)
        {
            request.Append(id).Append('\n');
        }

        byte[] output = RunBytes(gitDirectory, Encoding.ASCII.GetBytes(request.ToString()), "cat-file", "--batch");
        var result = new Dictionary<string, (string, byte[])>(StringComparer.Ordinal);
        int position = 0;
        while (position < output.Length)
        {
            int newline = Array.IndexOf(output, (byte)'\n', position);
            var header = Encoding.ASCII.GetString(output, position, newline - position).Split(' ');
            int size = int.Parse(header[2]);
            result[header[0]] = (header[1], output.AsSpan(newline + 1, size).ToArray());
            position = newline + 1 + size + 1;
        }

        return result;
    }
}
