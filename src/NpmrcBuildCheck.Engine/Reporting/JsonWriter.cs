using System.Globalization;
using System.Text;

namespace NpmrcBuildCheck.Reporting;

/// <summary>
/// A minimal indented JSON writer for the package's own outputs (SARIF, baselines), so the
/// engine needs no JSON library inside MSBuild and analyzer hosts.
/// </summary>
internal sealed class JsonWriter
{
    private readonly StringBuilder output = new();
    private int depth;
    private bool needsComma;

    public JsonWriter StartObject(string? name = null) => Open(name, '{');

    public JsonWriter EndObject() => Close('}');

    public JsonWriter StartArray(string? name = null) => Open(name, '[');

    public JsonWriter EndArray() => Close(']');

    public JsonWriter String(string name, string? value) => value is null ? this : Raw(name, Quote(value));

    public JsonWriter Number(string name, long value) => Raw(name, value.ToString(CultureInfo.InvariantCulture));

    public JsonWriter StringValue(string value) => Raw(null, Quote(value));

    public override string ToString() => output.ToString() + "\n";

    private JsonWriter Open(string? name, char bracket)
    {
        Raw(name, bracket.ToString());
        depth++;
        needsComma = false;
        return this;
    }

    private JsonWriter Close(char bracket)
    {
        depth--;
        output.Append('\n').Append(' ', depth * 2).Append(bracket);
        needsComma = true;
        return this;
    }

    private JsonWriter Raw(string? name, string value)
    {
        if (needsComma)
        {
            output.Append(',');
        }

        if (depth > 0)
        {
            output.Append('\n').Append(' ', depth * 2);
        }

        if (name is not null)
        {
            output.Append(Quote(name)).Append(": ");
        }

        output.Append(value);
        needsComma = true;
        return this;
    }

    private static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        quoted.Append(c);
                    }

                    break;
            }
        }

        return quoted.Append('"').ToString();
    }
}
