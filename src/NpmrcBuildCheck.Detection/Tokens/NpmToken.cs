using System;
using System.IO.Hashing;

namespace NpmrcBuildCheck.Tokens;

/// <summary>
/// The npm access token format: <c>npm_</c> + 30 random base62 characters + a 6-character
/// base62 CRC-32 (IEEE) of those 30 characters, prefix excluded, most significant digit first.
/// </summary>
public static class NpmToken
{
    public const string Prefix = "npm_";
    public const int Length = 40;
    public const int RandomLength = 30;
    public const int ChecksumLength = 6;
    internal const string Base62Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>True for exactly a 40-character <c>npm_</c> token whose checksum is valid.</summary>
    public static bool IsValid(ReadOnlySpan<char> token)
    {
        if (token.Length != Length || !token.StartsWith(Prefix.AsSpan(), StringComparison.Ordinal))
        {
            return false;
        }

        Span<byte> random = stackalloc byte[RandomLength];
        for (int i = 0; i < RandomLength + ChecksumLength; i++)
        {
            char c = token[Prefix.Length + i];
            if (!IsBase62(c))
            {
                return false;
            }

            if (i < RandomLength)
            {
                random[i] = (byte)c;
            }
        }

        return ChecksumMatches(random, token.Slice(Prefix.Length + RandomLength));
    }

    /// <summary>Same check over UTF-8/ASCII bytes, for the byte-level text scan.</summary>
    public static bool IsValid(ReadOnlySpan<byte> token)
    {
        if (token.Length != Length || token[0] != (byte)'n' || token[1] != (byte)'p' || token[2] != (byte)'m' || token[3] != (byte)'_')
        {
            return false;
        }

        Span<char> checksum = stackalloc char[ChecksumLength];
        for (int i = Prefix.Length; i < Length; i++)
        {
            if (!IsBase62((char)token[i]))
            {
                return false;
            }
        }

        for (int i = 0; i < ChecksumLength; i++)
        {
            checksum[i] = (char)token[Prefix.Length + RandomLength + i];
        }

        return ChecksumMatches(token.Slice(Prefix.Length, RandomLength), checksum);
    }

    /// <summary>The 6-character checksum of a 30-character random part.</summary>
    public static string Checksum(ReadOnlySpan<byte> random)
    {
        uint crc = Crc32.HashToUInt32(random);
        var digits = new char[ChecksumLength];
        for (int i = ChecksumLength - 1; i >= 0; i--)
        {
            digits[i] = Base62Alphabet[(int)(crc % 62)];
            crc /= 62;
        }

        return new string(digits);
    }

    public static bool IsBase62(char c) => (uint)(c - '0') <= 9 || (uint)(c - 'A') <= 25 || (uint)(c - 'a') <= 25;

    /// <summary>True when <paramref name="c"/> may not stand directly before or after a token.</summary>
    public static bool IsWordChar(char c) => IsBase62(c) || c == '_';

    /// <summary>
    /// Finds every checksum-valid token in <paramref name="text"/> standing alone (no base62
    /// or <c>_</c> character directly before or after), calling <paramref name="onToken"/> with its start index.
    /// </summary>
    public static void FindAll(string text, Action<int> onToken)
    {
        int from = 0;
        while (from <= text.Length - Length)
        {
            int at = text.IndexOf(Prefix, from, StringComparison.Ordinal);
            if (at < 0 || at > text.Length - Length)
            {
                return;
            }

            bool boundedBefore = at == 0 || !IsWordChar(text[at - 1]);
            bool boundedAfter = at + Length == text.Length || !IsWordChar(text[at + Length]);
            if (boundedBefore && boundedAfter && IsValid(text.AsSpan(at, Length)))
            {
                onToken(at);
                from = at + Length;
            }
            else
            {
                from = at + 1;
            }
        }
    }

    private static bool ChecksumMatches(ReadOnlySpan<byte> random, ReadOnlySpan<char> checksum)
    {
        uint crc = Crc32.HashToUInt32(random);
        for (int i = ChecksumLength - 1; i >= 0; i--)
        {
            if (checksum[i] != Base62Alphabet[(int)(crc % 62)])
            {
                return false;
            }

            crc /= 62;
        }

        return true;
    }
}
