using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using NpmrcBuildCheck.Git;
using NpmrcBuildCheck.Sources;

namespace NpmrcBuildCheck.Tool.Git;

/// <summary>
/// Blobs of a repository's object store, read by one long-lived <c>git cat-file --batch</c>
/// process: one process for all blobs (not one per file), and git itself handles loose and
/// packed objects, deltas, alternates and both hash formats.
/// </summary>
internal sealed class GitCatFileBlobs : IBlobReader
{
    private readonly Process process;

    private GitCatFileBlobs(Process process) => this.process = process;

    public static IBlobReader OpenBlobs(GitRepository repository)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = repository.WorkTree,
        };
        start.ArgumentList.Add("--git-dir=" + repository.GitDirectory);
        start.ArgumentList.Add("cat-file");
        start.ArgumentList.Add("--batch");
        try
        {
            return new GitCatFileBlobs(Process.Start(start) ?? throw new SourceUnavailableException("git could not be started to read the staged blobs."));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SourceUnavailableException($"git could not be started to read the staged blobs ({e.Message}); is git on the PATH?");
        }
    }

    public byte[] ReadBlob(string objectId)
    {
        process.StandardInput.Write(objectId + "\n");
        process.StandardInput.Flush();
        var stream = process.StandardOutput.BaseStream;
        string header = ReadLine(stream);
        string[] parts = header.Split(' ');
        if (parts.Length != 3 || parts[1] != "blob" || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long size) || size > int.MaxValue)
        {
            throw new InvalidDataException($"object {objectId} is not a readable blob ({header})");
        }

        var content = new byte[size];
        int read = 0;
        while (read < content.Length)
        {
            int n = stream.Read(content, read, content.Length - read);
            if (n <= 0)
            {
                throw new EndOfStreamException($"git ended while reading object {objectId}");
            }

            read += n;
        }

        stream.ReadByte(); // The newline after the content.
        return content;
    }

    public void Dispose()
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(5000))
            {
                process.Kill();
            }
        }
        catch (Exception)
        {
            // Already gone.
        }

        process.Dispose();
    }

    private static string ReadLine(Stream stream)
    {
        var line = new StringBuilder();
        for (int b = stream.ReadByte(); b != '\n'; b = stream.ReadByte())
        {
            if (b < 0)
            {
                throw new EndOfStreamException("git ended before answering");
            }

            line.Append((char)b);
        }

        return line.ToString();
    }
}
