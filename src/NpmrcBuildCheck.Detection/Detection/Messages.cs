using NpmrcBuildCheck.Findings;

namespace NpmrcBuildCheck.Detection;

/// <summary>
/// Typed constructors of the readers' <see cref="FindingMessage"/>s (argument order per
/// <see cref="MessageKind"/>). Arguments are keys (sanitised), redacted forms and descriptions: never a secret.
/// </summary>
internal static class Messages
{
    public static FindingMessage HardCodedToken(string key, string what, string redacted, string? note) =>
        new(MessageKind.HardCodedToken, key, what, redacted, note ?? string.Empty);

    public static FindingMessage HardCodedYarnToken(string key, string what, string redacted) =>
        new(MessageKind.HardCodedYarnToken, key, what, redacted);

    public static FindingMessage HardCodedBunToken(string key, string what, string redacted) =>
        new(MessageKind.HardCodedBunToken, key, what, redacted);

    public static FindingMessage HardCodedBasic(string key, string shape, string redacted, string? note) =>
        new(MessageKind.HardCodedBasic, key, shape, redacted, note ?? string.Empty);

    public static FindingMessage UrlCredential(string key, string redacted) => new(MessageKind.UrlCredential, key, redacted);

    public static FindingMessage LockfileUrlCredential(string redacted) => new(MessageKind.LockfileUrlCredential, redacted);

    public static FindingMessage NpmTokenInFile(string redacted) => new(MessageKind.NpmTokenInFile, redacted);

    public static FindingMessage TokenVariable(string key, string redacted) => new(MessageKind.TokenVariable, key, redacted);

    public static FindingMessage CommentedCredential(string? key, string what, string redacted) =>
        new(MessageKind.CommentedCredential, key ?? string.Empty, what, redacted);

    public static FindingMessage InsecureRegistry(string key, string url, string? note) =>
        new(MessageKind.InsecureRegistry, key, url, note ?? string.Empty);

    public static FindingMessage TlsDisabled(string key, string value) => new(MessageKind.TlsDisabled, key, value);

    public static FindingMessage Unexpanded(string key, string shown, string form) => new(MessageKind.Unexpanded, key, shown, form);

    public static FindingMessage Unscoped(string key, string suggestion) => new(MessageKind.Unscoped, key, suggestion);

    public static FindingMessage Utf16(string fileKind) => new(MessageKind.Utf16, fileKind);

    public static FindingMessage InvalidUtf8(string fileKind, int line) =>
        new(MessageKind.InvalidUtf8, fileKind, line.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
