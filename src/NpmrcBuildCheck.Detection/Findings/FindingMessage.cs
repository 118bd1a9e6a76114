using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NpmrcBuildCheck.Findings;

/// <summary>
/// A finding's message as data: its <see cref="MessageKind"/> and arguments (keys, redacted forms,
/// shapes, notes; never a secret), optionally wrapping the message it adds to. Hosts word it with
/// <see cref="MessageRenderer"/>, adding their own hints (see <see cref="HostHints"/>).
/// </summary>
public sealed class FindingMessage : IEquatable<FindingMessage>
{
    // Separators of the serialized form; arguments hold no control characters (they become spaces).
    private const char ArgumentSeparator = '\u001F';
    private const char InnerSeparator = '\u001E';

    public FindingMessage(MessageKind kind, params string[] arguments)
        : this(kind, null, arguments)
    {
    }

    public FindingMessage(MessageKind kind, FindingMessage? inner, params string[] arguments)
    {
        Kind = kind;
        Inner = inner;
        Arguments = arguments.Select(a => OneLine(a ?? string.Empty)).ToArray();
    }

    public MessageKind Kind { get; }

    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The message this one adds to (e.g. the credential message inside "in a git-ignored file"), or null.</summary>
    public FindingMessage? Inner { get; }

    /// <summary>The argument at <paramref name="index"/>, empty when absent.</summary>
    public string this[int index] => index < Arguments.Count ? Arguments[index] : string.Empty;

    /// <summary>A compact text form for caches and MSBuild items; <see cref="Parse"/> reads it back.</summary>
    public string Serialize()
    {
        var sb = new StringBuilder(Kind.ToString());
        foreach (string argument in Arguments)
        {
            sb.Append(ArgumentSeparator).Append(argument);
        }

        if (Inner != null)
        {
            sb.Append(InnerSeparator).Append(Inner.Serialize());
        }

        return sb.ToString();
    }

    /// <summary>Reads <see cref="Serialize"/>'s form; null when it is not one (an older cache, a damaged item).</summary>
    public static FindingMessage? Parse(string text)
    {
        int inner = text.IndexOf(InnerSeparator);
        string own = inner < 0 ? text : text.Substring(0, inner);
        string[] parts = own.Split(ArgumentSeparator);
        // Enum.TryParse also reads numbers ("3"): only a member's name is a kind.
        if (parts[0].Length == 0 || !char.IsLetter(parts[0][0]) || !Enum.TryParse(parts[0], out MessageKind kind) || !Enum.IsDefined(typeof(MessageKind), kind))
        {
            return null;
        }

        FindingMessage? wrapped = null;
        if (inner >= 0 && (wrapped = Parse(text.Substring(inner + 1))) == null)
        {
            return null;
        }

        return new FindingMessage(kind, wrapped, parts.Skip(1).ToArray());
    }

    public bool Equals(FindingMessage? other) =>
        other is not null && Kind == other.Kind && Arguments.SequenceEqual(other.Arguments) && Equals(Inner, other.Inner);

    public override bool Equals(object? obj) => Equals(obj as FindingMessage);

    public override int GetHashCode() => Serialize().GetHashCode();

    /// <summary>The neutral wording (no host hints), e.g. for debugging.</summary>
    public override string ToString() => MessageRenderer.Render(this);

    /// <summary>Keys, redacted forms and message arguments are single-line: control characters and line separators become spaces.</summary>
    internal static string OneLine(string text)
    {
        foreach (char c in text)
        {
            if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
            {
                var chars = text.ToCharArray();
                for (int i = 0; i < chars.Length; i++)
                {
                    if (char.IsControl(chars[i]) || chars[i] == '\u2028' || chars[i] == '\u2029')
                    {
                        chars[i] = ' ';
                    }
                }

                return new string(chars);
            }
        }

        return text;
    }
}
