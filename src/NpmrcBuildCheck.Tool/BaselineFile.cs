using System;
using System.IO;
using NpmrcBuildCheck.Reporting;

namespace NpmrcBuildCheck.Tool;

/// <summary>The tool's reading of a baseline file.</summary>
internal static class BaselineFile
{
    /// <summary>Reads a baseline; an unreadable one is a settings error (the build warns and accepts nothing; a hook must not guess).</summary>
    public static Baseline Load(string path)
    {
        try
        {
            return Baseline.Load(path);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"The baseline '{path}' could not be read ({e.Message}). Rewrite it with 'dotnet build -t:NpmrcBuildCheckWriteBaseline'.");
        }
    }
}
