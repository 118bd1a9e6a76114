using System;
using System.Buffers.Binary;

namespace NpmrcBuildCheck.Git.Objects;

/// <summary>
/// A git object name: 20 bytes (SHA-1) or 32 bytes (SHA-256), held in four big-endian words
/// so that comparing words compares bytes (the order of pack indexes). A value type: millions
/// of ids are hashed and compared during a history scan without one allocation each.
/// </summary>
internal readonly struct ObjectId : IEquatable<ObjectId>, IComparable<ObjectId>
{
    private readonly ulong w0;
    private readonly ulong w1;
    private readonly ulong w2;
    private readonly ulong w3;

    private ObjectId(ulong w0, ulong w1, ulong w2, ulong w3, int length)
    {
        this.w0 = w0;
        this.w1 = w1;
        this.w2 = w2;
        this.w3 = w3;
        Length = (byte)length;
    }

    /// <summary>20 or 32; 0 for the default value (no id).</summary>
    public byte Length { get; }

    public bool IsEmpty => Length == 0;

    /// <summary>Reads <paramref name="length"/> raw bytes (20 or 32).</summary>
    public static ObjectId FromBytes(ReadOnlySpan<byte> raw, int length)
    {
        if (length != 20 && length != 32)
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }

        Span<byte> padded = stackalloc byte[32];
        padded.Clear();
        raw.Slice(0, length).CopyTo(padded);
        return new ObjectId(
            BinaryPrimitives.ReadUInt64BigEndian(padded),
            BinaryPrimitives.ReadUInt64BigEndian(padded.Slice(8)),
            BinaryPrimitives.ReadUInt64BigEndian(padded.Slice(16)),
            BinaryPrimitives.ReadUInt64BigEndian(padded.Slice(24)),
            length);
    }

    /// <summary>Parses 40 or 64 hexadecimal ASCII characters (either case).</summary>
    public static bool TryParse(ReadOnlySpan<byte> hex, out ObjectId id)
    {
        id = default;
        if (hex.Length != 40 && hex.Length != 64)
        {
            return false;
        }

        Span<byte> raw = stackalloc byte[32];
        for (int i = 0; i < hex.Length / 2; i++)
        {
            int hi = HexValue(hex[2 * i]);
            int lo = HexValue(hex[(2 * i) + 1]);
            if ((hi | lo) < 0)
            {
                return false;
            }

            raw[i] = (byte)((hi << 4) | lo);
        }

        id = FromBytes(raw, hex.Length / 2);
        return true;
    }

    public static bool TryParse(string hex, out ObjectId id)
    {
        id = default;
        if (hex.Length != 40 && hex.Length != 64)
        {
            return false;
        }

        Span<byte> ascii = stackalloc byte[64];
        for (int i = 0; i < hex.Length; i++)
        {
            if (hex[i] > 0x7F)
            {
                return false;
            }

            ascii[i] = (byte)hex[i];
        }

        return TryParse(ascii.Slice(0, hex.Length), out id);
    }

    public static ObjectId Parse(string hex) =>
        TryParse(hex, out var id) ? id : throw new FormatException("Not a git object id.");

    /// <summary>Writes the raw bytes (<see cref="Length"/> of them).</summary>
    public void CopyTo(Span<byte> destination)
    {
        Span<byte> padded = stackalloc byte[32];
        BinaryPrimitives.WriteUInt64BigEndian(padded, w0);
        BinaryPrimitives.WriteUInt64BigEndian(padded.Slice(8), w1);
        BinaryPrimitives.WriteUInt64BigEndian(padded.Slice(16), w2);
        BinaryPrimitives.WriteUInt64BigEndian(padded.Slice(24), w3);
        padded.Slice(0, Length).CopyTo(destination);
    }

    /// <summary>The first byte: the fan-out slot of pack indexes and the loose object folder.</summary>
    public int FirstByte => (int)(w0 >> 56);

    public bool Equals(ObjectId other) => w0 == other.w0 && w1 == other.w1 && w2 == other.w2 && w3 == other.w3 && Length == other.Length;

    public override bool Equals(object? obj) => obj is ObjectId other && Equals(other);

    /// <summary>Object ids are uniformly distributed: their leading bits are a good hash.</summary>
    public override int GetHashCode() => (int)(w0 >> 32) ^ (int)w0;

    public int CompareTo(ObjectId other)
    {
        int c = w0.CompareTo(other.w0);
        if (c == 0)
        {
            c = w1.CompareTo(other.w1);
        }

        if (c == 0)
        {
            c = w2.CompareTo(other.w2);
        }

        if (c == 0)
        {
            c = w3.CompareTo(other.w3);
        }

        return c != 0 ? c : Length.CompareTo(other.Length);
    }

    public static bool operator ==(ObjectId left, ObjectId right) => left.Equals(right);

    public static bool operator !=(ObjectId left, ObjectId right) => !left.Equals(right);

    /// <summary>The full hexadecimal name, lower case, as git prints it.</summary>
    public override string ToString() => ToString(Length * 2);

    /// <summary>The first <paramref name="digits"/> hexadecimal digits (git's abbreviated form uses 7).</summary>
    public string ToString(int digits)
    {
        Span<byte> raw = stackalloc byte[32];
        CopyTo(raw);
        digits = Math.Min(digits, Length * 2);
        var chars = new char[digits];
        for (int i = 0; i < digits; i++)
        {
            int nibble = (i & 1) == 0 ? raw[i >> 1] >> 4 : raw[i >> 1] & 0xF;
            chars[i] = (char)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
        }

        return new string(chars);
    }

    private static int HexValue(byte c) =>
        c >= '0' && c <= '9' ? c - '0' :
        c >= 'a' && c <= 'f' ? c - 'a' + 10 :
        c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}
