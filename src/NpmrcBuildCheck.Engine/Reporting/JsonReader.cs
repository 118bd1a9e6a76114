using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NpmrcBuildCheck.Reporting;

/// <summary>
/// A minimal strict JSON reader for files the package reads back (baselines). Objects become
/// dictionaries, arrays lists, numbers doubles. Throws <see cref="FormatException"/> on bad input.
/// </summary>
internal sealed class JsonReader
{
    private readonly string text;
    private int position;

    private JsonReader(string text) => this.text = text;

    public static object? Parse(string text)
    {
        var reader = new JsonReader(text);
        object? value = reader.ReadValue(depth: 0);
        reader.SkipWhitespace();
        if (reader.position != text.Length)
        {
            throw reader.Error("unexpected text after the value");
        }

        return value;
    }

    private object? ReadValue(int depth)
    {
        if (depth > 64)
        {
            throw Error("nesting too deep");
        }

        SkipWhitespace();
        if (position >= text.Length)
        {
            throw Error("unexpected end");
        }

        char c = text[position];
        switch (c)
        {
            case '{': return ReadObject(depth);
            case '[': return ReadArray(depth);
            case '"': return ReadString();
            case 't': return ReadLiteral("true", true);
            case 'f': return ReadLiteral("false", false);
            case 'n': return ReadLiteral("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                throw Error($"unexpected character '{c}'");
        }
    }

    private Dictionary<string, object?> ReadObject(int depth)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        position++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            position++;
            return result;
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("expected a property name");
            }

            string name = ReadString();
            SkipWhitespace();
            Expect(':');
            result[name] = ReadValue(depth + 1);
            SkipWhitespace();
            if (Peek() == ',')
            {
                position++;
                continue;
            }

            Expect('}');
            return result;
        }
    }

    private List<object?> ReadArray(int depth)
    {
        var result = new List<object?>();
        position++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            position++;
            return result;
        }

        while (true)
        {
            result.Add(ReadValue(depth + 1));
            SkipWhitespace();
            if (Peek() == ',')
            {
                position++;
                continue;
            }

            Expect(']');
            return result;
        }
    }

    private string ReadString()
    {
        position++;
        var value = new StringBuilder();
        while (position < text.Length)
        {
            char c = text[position++];
            if (c == '"')
            {
                return value.ToString();
            }

            if (c < 0x20)
            {
                throw Error("control character in a string");
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            char escape = position < text.Length ? text[position++] : '\0';
            switch (escape)
            {
                case '"': value.Append('"'); break;
                case '\\': value.Append('\\'); break;
                case '/': value.Append('/'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case 'u':
                    if (position + 4 > text.Length || !ushort.TryParse(text.Substring(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code))
                    {
                        throw Error("bad \\u escape");
                    }

                    value.Append((char)code);
                    position += 4;
                    break;
                default:
                    throw Error("bad escape");
            }
        }

        throw Error("unterminated string");
    }

    private double ReadNumber()
    {
        int start = position;
        while (position < text.Length && "+-0123456789.eE".IndexOf(text[position]) >= 0)
        {
            position++;
        }

        return double.TryParse(text.Substring(start, position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
            ? number
            : throw Error("bad number");
    }

    private object? ReadLiteral(string literal, object? value)
    {
        if (string.CompareOrdinal(text, position, literal, 0, literal.Length) != 0)
        {
            throw Error("bad literal");
        }

        position += literal.Length;
        return value;
    }

    private void SkipWhitespace()
    {
        while (position < text.Length && (text[position] == ' ' || text[position] == '\t' || text[position] == '\n' || text[position] == '\r' || (position == 0 && text[0] == '\uFEFF')))
        {
            position++;
        }
    }

    private char Peek() => position < text.Length ? text[position] : '\0';

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"expected '{c}'");
        }

        position++;
    }

    private FormatException Error(string problem) => new($"Invalid JSON at offset {position}: {problem}.");
}
