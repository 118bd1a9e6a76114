using System;
using System.IO;
using Microsoft.Build.Framework;

namespace NpmrcBuildCheck.Tasks;

/// <summary>
/// Touches the stamp that tells Visual Studio's up-to-date check the check ran. Only that check
/// needs it, so a folder that cannot be written (a read-only <c>obj/</c> on a no-op build) costs
/// a low-importance message, never a warning or a failed build as MSBuild's Touch would give.
/// </summary>
public sealed class WriteNpmrcStamp : NpmrcTask
{
    [Required]
    public string File { get; set; } = string.Empty;

    public override bool Execute()
    {
        string path = Path.GetFullPath(File);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
            {
            }

            System.IO.File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogMessage(MessageImportance.Low, "NpmrcBuildCheck: the stamp '{0}' could not be written ({1}); Visual Studio's up-to-date check may skip the next build.", path, e.Message);
        }

        return true;
    }
}
