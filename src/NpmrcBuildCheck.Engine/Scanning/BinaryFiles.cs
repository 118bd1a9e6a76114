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

    /// <summary>The extensions above, lower-case ASCII without the dot, packed in a ulong (8 bits per character), sorted.</summary>
    private static readonly ulong[] PackedExtensions = Pack();

    /// <summary>Asked for every listed file on every build: no allocation for an ASCII extension of up to 8 characters.</summary>
    public static bool HasBinaryExtension(string fileName)
    {
        int dot = fileName.LastIndexOf('.');
        if (dot <= 0)
        {
            return false;
        }

        int length = fileName.Length - dot - 1;
        if (length == 0 || length > 8)
        {
            return false; // The longest listed extension has 7 characters.
        }

        ulong packed = 0;
        for (int i = dot + 1; i < fileName.Length; i++)
        {
            char c = fileName[i];
            if (c >= 0x80)
            {
                // OrdinalIgnoreCase folds some non-ASCII letters to ASCII ones: ask the set itself.
                return Extensions.Contains(fileName.Substring(dot));
            }

            if (c >= 'A' && c <= 'Z')
            {
                c = (char)(c + 32);
            }

            packed = (packed << 8) | c;
        }

        int low = 0;
        int high = PackedExtensions.Length - 1;
        while (low <= high)
        {
            int middle = (low + high) >> 1;
            ulong value = PackedExtensions[middle];
            if (value == packed)
            {
                return true;
            }

            if (value < packed)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return false;
    }

    private static ulong[] Pack()
    {
        var packed = new ulong[Extensions.Count];
        int n = 0;
        foreach (string extension in Extensions)
        {
            ulong value = 0;
            for (int i = 1; i < extension.Length; i++)
            {
                value = (value << 8) | char.ToLowerInvariant(extension[i]);
            }

            packed[n++] = value;
        }

        // Sorted by insertion: Array.Sort<ulong> cannot be precompiled into this assembly's image, and was
        // JIT-compiled in every fresh MSBuild node for these 60 values.
        for (int i = 1; i < packed.Length; i++)
        {
            ulong value = packed[i];
            int j = i - 1;
            for (; j >= 0 && packed[j] > value; j--)
            {
                packed[j + 1] = packed[j];
            }

            packed[j + 1] = value;
        }

        return packed;
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
