using System;
using System.Collections.Generic;

namespace NpmrcBuildCheck.Scanning;

/// <summary>
/// Which files are binary and skipped. Two tests:
/// <list type="number">
/// <item>By extension, without reading: the list below (images, fonts, audio/video,
/// archives and packages, native and managed binaries, databases, PDFs). Config files and
/// lockfiles are never skipped by extension.</item>
/// <item>By content, after reading: a NUL byte in the first <see cref="SniffLength"/>
/// bytes (git's test), unless the file starts with a UTF-16 byte-order mark (a PowerShell
/// <c>.npmrc</c> is UTF-16 and must still be checked) or is a config file or lockfile.</item>
/// </list>
/// </summary>
internal static class BinaryFiles
{
    public const int SniffLength = 8000;

    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        // Images
        ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".ico", ".icns", ".webp", ".avif", ".tif", ".tiff", ".psd", ".heic",
        // Fonts
        ".woff", ".woff2", ".ttf", ".otf", ".eot",
        // Audio and video
        ".mp3", ".mp4", ".m4a", ".wav", ".ogg", ".oga", ".webm", ".mov", ".avi", ".flac", ".mkv",
        // Archives and packages
        ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".zst", ".br", ".jar", ".war", ".nupkg", ".snupkg", ".vsix",
        // Native and managed binaries
        ".exe", ".dll", ".so", ".dylib", ".a", ".lib", ".o", ".pdb", ".class", ".wasm", ".node", ".pyc", ".bin",
        // Data
        ".pdf", ".sqlite", ".sqlite3", ".db", ".mdb", ".snk", ".pfx", ".p12",
    };

    public static bool HasBinaryExtension(string fileName)
    {
        int dot = fileName.LastIndexOf('.');
        return dot > 0 && Extensions.Contains(fileName.Substring(dot));
    }

    /// <summary>NUL in the first bytes and no UTF-16 byte-order mark.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> content)
    {
        if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
        {
            return false;
        }

        return content.Slice(0, Math.Min(content.Length, SniffLength)).IndexOf((byte)0) >= 0;
    }
}
