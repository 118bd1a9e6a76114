using System;
using System.IO;
using System.Text;

namespace NpmrcBuildCheck.Reporting;

/// <summary>
/// Writes a file so that a reader never sees half of it: to a new file beside the target, then
/// renamed over it (the report, the baseline and the scan cache all go through here). A failure
/// leaves the old file as it was and no temporary file behind.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));

    internal static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes, 0, bytes.Length));

    /// <summary>Writes the file through <paramref name="write"/>, which gets the new file's stream.</summary>
    internal static void Write(string path, Action<Stream> write)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536, FileOptions.None))
            {
                write(stream);
            }

            MoveOver(temporary, fullPath);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static void MoveOver(string source, string destination)
    {
#if NET8_0_OR_GREATER
        File.Move(source, destination, overwrite: true);
#else
        if (File.Exists(destination))
        {
            File.Replace(source, destination, null, ignoreMetadataErrors: true);
        }
        else
        {
            File.Move(source, destination);
        }
#endif
    }
}
