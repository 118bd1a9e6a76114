using System;
using System.Collections.Generic;
using System.Text;

namespace NpmrcBuildCheck.Text;

internal enum SourceEncoding
{
    Utf8,
    Utf16LittleEndian,
    Utf16BigEndian,
}

/// <summary>
/// One line of a decoded text: its start index and length in <see cref="DecodedText.Text"/>, and its 1-based number.
/// A class, not a struct: a <c>List</c> of a struct of this assembly is JIT-compiled in every fresh
/// MSBuild node (the runtime's precompiled code covers lists of classes only).
/// </summary>
internal sealed class TextLine
{
    public TextLine(int start, int length, int number)
    {
        Start = start;
        Length = length;
        Number = number;
    }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    public int Number { get; }
}

/// <summary>
/// A whole file decoded for the config readers: UTF-8 (invalid bytes become U+FFFD, a UTF-8 BOM is
/// kept as U+FEFF like npm does) or UTF-16 (by BOM or alternating NULs). Lines break at CR, LF or
/// CRLF, and keep their original numbers. Columns are 1-based UTF-16 code units, not counting a BOM.
/// </summary>
internal sealed class DecodedText
{
    private DecodedText(string text, SourceEncoding encoding, int firstInvalidUtf8)
    {
        Text = text;
        Encoding = encoding;
        FirstInvalidUtf8 = firstInvalidUtf8;
        Lines = SplitLines(text);
    }

    public string Text { get; }

    public SourceEncoding Encoding { get; }

    /// <summary>Byte offset of the first invalid UTF-8 sequence, or -1.</summary>
    public int FirstInvalidUtf8 { get; }

    public List<TextLine> Lines { get; }

    public bool StartsWithBom => Text.Length > 0 && Text[0] == '\uFEFF';

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        SourceEncoding encoding = DetectEncoding(bytes, out int bomLength);
        if (encoding != SourceEncoding.Utf8)
        {
            var body = bytes.Slice(bomLength);
            if (body.Length % 2 == 1)
            {
                body = body.Slice(0, body.Length - 1);
            }

            Encoding enc = encoding == SourceEncoding.Utf16LittleEndian ? System.Text.Encoding.Unicode : System.Text.Encoding.BigEndianUnicode;
            return new DecodedText(enc.GetString(body.ToArray()), encoding, -1);
        }

        return new DecodedText(Utf8.GetString(bytes), SourceEncoding.Utf8, Utf8.FirstInvalid(bytes));
    }

    public static DecodedText FromString(string text) => new(text, SourceEncoding.Utf8, -1);

    /// <summary>UTF-16 by BOM, or by NULs in alternate positions of the first bytes.</summary>
    public static SourceEncoding DetectEncoding(ReadOnlySpan<byte> bytes, out int bomLength)
    {
        bomLength = 0;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return SourceEncoding.Utf8;
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            bomLength = 2;
            return SourceEncoding.Utf16LittleEndian;
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            bomLength = 2;
            return SourceEncoding.Utf16BigEndian;
        }

        int pairs = Math.Min(bytes.Length, 512) / 2;
        if (pairs < 2 || bytes.Slice(0, pairs * 2).IndexOf((byte)0) < 0)
        {
            // No NUL at all (nearly every file): one vectorised search instead of counting them.
            return SourceEncoding.Utf8;
        }

        int evenNul = 0, oddNul = 0;
        for (int i = 0; i < pairs; i++)
        {
            if (bytes[2 * i] == 0)
            {
                evenNul++;
            }

            if (bytes[(2 * i) + 1] == 0)
            {
                oddNul++;
            }
        }

        if (oddNul * 10 >= pairs * 7 && evenNul * 10 <= pairs)
        {
            return SourceEncoding.Utf16LittleEndian;
        }

        if (evenNul * 10 >= pairs * 7 && oddNul * 10 <= pairs)
        {
            return SourceEncoding.Utf16BigEndian;
        }

        return SourceEncoding.Utf8;
    }

    /// <summary>Index of the line holding text index <paramref name="index"/>.</summary>
    public int LineIndexOf(int index)
    {
        int lo = 0, hi = Lines.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (Lines[mid].Start <= index)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>1-based column of text index <paramref name="index"/> on line <paramref name="lineIndex"/>.</summary>
    public int Column(int lineIndex, int index)
    {
        int column = index - Lines[lineIndex].Start + 1;
        if (lineIndex == 0 && StartsWithBom && index > 0)
        {
            column--;
        }

        return column;
    }

    public string LineText(int lineIndex) => Text.Substring(Lines[lineIndex].Start, Lines[lineIndex].Length);

    private static List<TextLine> SplitLines(string text)
    {
        var lines = new List<TextLine>();
        int start = 0;
        int number = 1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' || c == '\n')
            {
                lines.Add(new TextLine(start, i - start, number++));
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(new TextLine(start, text.Length - start, number));
        return lines;
    }
}

/// <summary>UTF-8 helpers that compile for both target frameworks.</summary>
internal static class Utf8
{
    public static string GetString(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }
#if NET8_0_OR_GREATER
        return System.Text.Encoding.UTF8.GetString(bytes);
#else
        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
#endif
    }

    /// <summary>Byte offset of the first invalid UTF-8 sequence, or -1.</summary>
    public static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        int i = 0;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            int need;
            int min;
            if ((b & 0xE0) == 0xC0)
            {
                need = 1;
                min = 0x80;
            }
            else if ((b & 0xF0) == 0xE0)
            {
                need = 2;
                min = 0x800;
            }
            else if ((b & 0xF8) == 0xF0)
            {
                need = 3;
                min = 0x10000;
            }
            else
            {
                return i;
            }

            if (i + need > bytes.Length - 1)
            {
                return i;
            }

            int code = b & (0x3F >> need);
            for (int k = 1; k <= need; k++)
            {
                byte c = bytes[i + k];
                if ((c & 0xC0) != 0x80)
                {
                    return i;
                }

                code = (code << 6) | (c & 0x3F);
            }

            if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            {
                return i;
            }

            i += need + 1;
        }

        return -1;
    }

    /// <summary>Counts line feeds in <paramref name="bytes"/>.</summary>
    public static int CountLineFeeds(ReadOnlySpan<byte> bytes)
    {
#if NET8_0_OR_GREATER
        return System.MemoryExtensions.Count(bytes, (byte)'\n');
#else
        int count = 0;
        while (true)
        {
            int at = bytes.IndexOf((byte)'\n');
            if (at < 0)
            {
                return count;
            }

            count++;
            bytes = bytes.Slice(at + 1);
        }
#endif
    }
}
