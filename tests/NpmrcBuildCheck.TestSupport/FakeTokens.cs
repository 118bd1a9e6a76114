using System;
using System.Text;
using NpmrcBuildCheck.Tokens;

namespace NpmrcBuildCheck.TestSupport;

/// <summary>
/// Makes npm-shaped tokens with a valid checksum from a seeded random source. They are not
/// real credentials; every test token comes from here, never from anywhere else.
/// </summary>
public static class FakeTokens
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>A checksum-valid <c>npm_</c> token.</summary>
    public static string NpmToken(Random random)
    {
        var body = new StringBuilder(30);
        for (int i = 0; i < 30; i++)
        {
            body.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return Tokens.NpmToken.Prefix + body + Tokens.NpmToken.Checksum(Encoding.ASCII.GetBytes(body.ToString()));
    }

    /// <summary>A checksum-valid token from a fixed seed: the same on every run.</summary>
    public static string NpmToken(int seed) => NpmToken(new Random(seed));

    /// <summary>The same token with its last character changed, so its checksum is wrong.</summary>
    public static string WithBadChecksum(string token)
    {
        char last = token[token.Length - 1];
        return token.Substring(0, token.Length - 1) + (last == 'A' ? 'B' : 'A');
    }

    /// <summary>A legacy (UUID-shaped) token.</summary>
    public static string Uuid(int seed) => new Guid(RandomBytes(seed, 16)).ToString();

    /// <summary>An opaque token such as a private registry issues.</summary>
    public static string Opaque(int seed, int length = 32)
    {
        var random = new Random(seed);
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return text.ToString();
    }

    private static byte[] RandomBytes(int seed, int count)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
