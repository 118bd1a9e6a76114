namespace NpmrcBuildCheck.Detection;

/// <summary>User-facing sentences. Arguments are keys (sanitised), redacted forms and descriptions: never a secret.</summary>
internal static class Messages
{
    private const string RevokeToken =
        "Revoke it (npm token revoke <id> for an npm token, or at the registry that issued it), then read it from the environment with ${NPM_TOKEN} or keep it in the user-level ~/.npmrc.";

    private const string RotateBasic =
        "Rotate the password or personal access token, then read it from the environment (e.g. //host/:_password=${NPM_PASSWORD}) or keep it in the user-level ~/.npmrc.";

    public static string HardCodedToken(string key, string what, string redacted, string? note) =>
        $"Hard-coded {what} in '{key}' ({redacted}){Note(note)}. {RevokeToken}";

    public static string HardCodedYarnToken(string key, string what, string redacted) =>
        $"Hard-coded {what} in '{key}' ({redacted}) in .yarnrc.yml. Revoke it (npm token revoke <id> for an npm token), then write npmAuthToken: \"${{NPM_TOKEN}}\" or keep it in the user-level ~/.yarnrc.yml.";

    public static string HardCodedBunToken(string key, string what, string redacted) =>
        $"Hard-coded {what} in '{key}' ({redacted}) in bunfig.toml. Revoke it (npm token revoke <id> for an npm token), then write token = \"$NPM_TOKEN\" or keep it in the user-level ~/.bunfig.toml.";

    public static string HardCodedBasic(string key, string shape, string redacted, string? note) =>
        $"Hard-coded basic-auth credential in '{key}': {shape} ({redacted}){Note(note)}. {RotateBasic}";

    public static string UrlCredential(string key, string redacted) =>
        $"Password embedded in a URL in '{key}' (user:{redacted}@). Rotate it and remove the credentials from the URL; put them in the user-level ~/.npmrc as //host/:_auth or read them from the environment.";

    public static string LockfileUrlCredential(string redacted) =>
        $"Password embedded in a registry URL in a lockfile (user:{redacted}@). Rotate it, remove the credentials from the registry URL in your config, and regenerate the lockfile.";

    public static string NpmTokenInFile(string redacted) =>
        $"npm access token in a file ({redacted}). Revoke it with npm token revoke <id> and pass it from a CI secret or environment variable (NPM_TOKEN) instead.";

    public static string TokenVariable(string key, string redacted) =>
        $"Hard-coded value assigned to '{key}' ({redacted}). Revoke or rotate it (npm token revoke <id> for an npm token), then pass it from a CI secret or the environment (e.g. ${{{{ secrets.NPM_TOKEN }}}}, $NPM_TOKEN) instead of writing it into the file.";

    public static string CommentedCredential(string? key, string what, string redacted) =>
        key == null
            ? $"{what} in a comment ({redacted}): a commented-out secret is still leaked. Revoke or rotate it and delete the comment."
            : $"{what} in a commented-out '{key}' line ({redacted}): a commented-out secret is still leaked. Revoke or rotate it and delete the line.";

    public static string InsecureRegistry(string key, string url, string? extra) =>
        $"Registry '{key}' uses plain http ({url}): credentials and packages travel unencrypted{Note(extra)}. Use https://.";

    public static string TlsDisabled(string key, string value) =>
        $"TLS certificate verification is disabled ({key} = {value}), so anyone on the network can impersonate the registry. Remove the setting; for a private CA set cafile to its certificate instead.";

    public static string Unexpanded(string key, string shown, string form) =>
        $"'{key}' uses {form} ({shown}), which npm does not expand: the literal text is sent as the credential and authentication silently fails. Write ${{VAR}} instead (npm expands only ${{VAR}} and ${{VAR?}}).";

    public static string Unscoped(string key, string suggestion) =>
        $"Credential key '{key}' is not scoped to a registry: npm 9+ refuses to run with it and older clients send it to every registry. Rename it to '{suggestion}'.";

    public static string Utf16(string fileKind) =>
        $"This {fileKind} is UTF-16 encoded (as PowerShell 5.1 Out-File writes it); npm reads it as garbage and silently ignores its settings. Save it as UTF-8 (e.g. Set-Content -Encoding utf8).";

    public static string InvalidUtf8(string fileKind, int line) =>
        $"This {fileKind} contains bytes that are not valid UTF-8 (first on line {line}); they are read as U+FFFD, so the settings there are not what the file shows. Save it as UTF-8.";

    private static string Note(string? note) => string.IsNullOrEmpty(note) ? string.Empty : " " + note;
}
