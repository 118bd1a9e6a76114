using System;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Findings;

/// <summary>
/// The one place a <see cref="FindingMessage"/> becomes a sentence: what is wrong and what to do.
/// Hosts call it with their <see cref="HostHints"/>; arguments are never secrets.
/// </summary>
public static class MessageRenderer
{
    private const string RevokeToken =
        "Revoke it (npm token revoke <id> for an npm token, or at the registry that issued it), then read it from the environment with ${NPM_TOKEN} or keep it in the user-level ~/.npmrc.";

    private const string RotateBasic =
        "Rotate the password or personal access token, then read it from the environment (e.g. //host/:_password=${NPM_PASSWORD}) or keep it in the user-level ~/.npmrc.";

    public static string Render(FindingMessage message, HostHints? hints = null)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        hints ??= HostHints.None;
        var m = message;
        return m.Kind switch
        {
            MessageKind.HardCodedToken =>
                $"Hard-coded {m[1]} in '{m[0]}' ({m[2]}){Note(m[3])}. {RevokeToken}",
            MessageKind.HardCodedYarnToken =>
                $"Hard-coded {m[1]} in '{m[0]}' ({m[2]}) in .yarnrc.yml. Revoke it (npm token revoke <id> for an npm token), then write npmAuthToken: \"${{NPM_TOKEN}}\" or keep it in the user-level ~/.yarnrc.yml.",
            MessageKind.HardCodedBunToken =>
                $"Hard-coded {m[1]} in '{m[0]}' ({m[2]}) in bunfig.toml. Revoke it (npm token revoke <id> for an npm token), then write token = \"$NPM_TOKEN\" or keep it in the user-level ~/.bunfig.toml.",
            MessageKind.HardCodedBasic =>
                $"Hard-coded basic-auth credential in '{m[0]}': {m[1]} ({m[2]}){Note(m[3])}. {RotateBasic}",
            MessageKind.UrlCredential =>
                $"Password embedded in a URL in '{m[0]}' (user:{m[1]}@). Rotate it and remove the credentials from the URL; put them in the user-level ~/.npmrc as //host/:_auth or read them from the environment.",
            MessageKind.LockfileUrlCredential =>
                $"Password embedded in a registry URL in a lockfile (user:{m[0]}@). Rotate it, remove the credentials from the registry URL in your config, and regenerate the lockfile.",
            MessageKind.NpmTokenInFile =>
                $"npm access token in a file ({m[0]}). Revoke it with npm token revoke <id> and pass it from a CI secret or environment variable (NPM_TOKEN) instead.",
            MessageKind.TokenVariable =>
                $"Hard-coded value assigned to '{m[0]}' ({m[1]}). Revoke or rotate it (npm token revoke <id> for an npm token), then pass it from a CI secret or the environment (e.g. ${{{{ secrets.NPM_TOKEN }}}}, $NPM_TOKEN) instead of writing it into the file.",
            MessageKind.CommentedCredential => m[0].Length == 0
                ? $"{m[1]} in a comment ({m[2]}): a commented-out secret is still leaked. Revoke or rotate it and delete the comment."
                : $"{m[1]} in a commented-out '{m[0]}' line ({m[2]}): a commented-out secret is still leaked. Revoke or rotate it and delete the line.",
            MessageKind.InsecureRegistry =>
                $"{RegistryNamed(m[0])} uses plain http ({m[1]}): credentials and packages travel unencrypted{Note(m[2])}. Use https://.",
            MessageKind.TlsDisabled =>
                $"TLS certificate verification is disabled ({m[0]} = {m[1]}), so anyone on the network can impersonate the registry. Remove the setting; for a private CA set cafile to its certificate instead.",
            MessageKind.Unexpanded =>
                $"'{m[0]}' uses {m[2]} ({m[1]}), which npm does not expand: the literal text is sent as the credential and authentication silently fails. Write ${{VAR}} instead (npm expands only ${{VAR}} and ${{VAR?}}).",
            MessageKind.Unscoped =>
                $"Credential key '{m[0]}' is not scoped to a registry: npm 9+ refuses to run with it and older clients send it to every registry. Rename it to '{m[1]}'.",
            MessageKind.Utf16 =>
                $"This {m[0]} is UTF-16 encoded (as PowerShell 5.1 Out-File writes it); npm reads it as garbage and silently ignores its settings. Save it as UTF-8 (e.g. Set-Content -Encoding utf8).",
            MessageKind.InvalidUtf8 =>
                $"This {m[0]} contains bytes that are not valid UTF-8 (first on line {m[1]}); they are read as U+FFFD, so the settings there are not what the file shows. Save it as UTF-8.",
            MessageKind.OverSizeLimit =>
                $"'{m[0]}' was not scanned: it is {Bytes(m[1])}, over the {m[2]}-byte size limit. Exclude it{With(hints.ExcludeSetting)} if it is not meant to be scanned.",
            MessageKind.Unreadable =>
                $"{m[1]} '{m[0]}' could not be scanned: {m[2]}. The scan went on without it.",
            MessageKind.NotARegularFile =>
                $"'{m[0]}' was not scanned: it is not a regular file (a FIFO, socket or device) and is never opened.",
            MessageKind.ScanFailure =>
                $"'{m[0]}' was not fully scanned because of an internal error ({m[1]}). The scan went on; please report this.",
            MessageKind.GitProblem =>
                $"{m[0]}. The history scan went on without it.",
            MessageKind.TrustedPublishing => TrustedPublishing(m),
            MessageKind.CredentialInHistory =>
                $"Credential in the git history, not in the current tree ({m[0]}): {m[1]}{Parenthesized(m[2])} was committed in {m[3]} ({m[4]}) at {m[5]}. {Reaching(m[6], m[7])} "
                + "Anyone with a clone has it: revoke it (npm token revoke for npm tokens), purge it from every branch and tag with git filter-repo (then force-push and have clones re-cloned), then accept this finding in the baseline.",
            MessageKind.InIgnoredFile =>
                $"{m[0]} in a git-ignored file: {Inner(m, hints)} The file is ignored by git and not tracked, so it will not be committed, but the secret lives in the project tree (backups, archives, container images). Keep it out of the tree or read it from the environment.",
            MessageKind.InTrackedFile =>
                $"{Inner(m, hints)} The file is tracked by git, so the secret is in the repository history: treat it as compromised and revoke or rotate it.",
            _ => m.Kind.ToString(),
        };
    }

    private static string TrustedPublishing(FindingMessage m)
    {
        bool hasOidc = m[1].Length != 0;
        (string where, string configure) = m[0] switch
        {
            "GitHubActions" => ("a GitHub-hosted runner", hasOidc
                ? "The job already has permissions: id-token: write; add this workflow as the package's trusted publisher on npmjs.com"
                : "Add this workflow as the package's trusted publisher on npmjs.com, give the job permissions: id-token: write"),
            "GitLab" => ("GitLab CI/CD (on GitLab.com shared runners)", hasOidc
                ? "The job already requests an npm id_token; add this project as the package's trusted publisher on npmjs.com"
                : "Add this project as the package's trusted publisher on npmjs.com, add id_tokens: NPM_ID_TOKEN: aud: \"npm:registry.npmjs.org\" to the job"),
            _ => ("CircleCI cloud", hasOidc
                ? "The job already fetches an OIDC token; add this pipeline as the package's trusted publisher on npmjs.com"
                : "Add this pipeline as the package's trusted publisher on npmjs.com, set NPM_ID_TOKEN from circleci run oidc get --claims '{\"aud\": \"npm:registry.npmjs.org\"}' before publishing"),
        };

        return $"Job '{m[2]}' publishes to the public npm registry with a stored long-lived token ({m[3]} from {m[4]}) on {where}, where npm trusted publishing (OIDC) works. "
            + $"{configure}, publish with npm CLI 11.5.1+ on Node 22.14+, then remove the token from the job and revoke it (npm token revoke <id>).";
    }

    private static string Parenthesized(string text) => text.Length == 0 ? string.Empty : " (" + text + ")";

    private static string Reaching(string refs, string more) =>
        refs.Length == 0 ? "No branch or tag reaches that commit any more, but the repository still holds it."
        : "Still reachable from " + refs + (more is "0" or "" ? string.Empty : " and " + Counted.Of(long.Parse(more, System.Globalization.CultureInfo.InvariantCulture), "more ref")) + ".";

    private static string Inner(FindingMessage message, HostHints hints) => message.Inner == null ? string.Empty : Render(message.Inner, hints);

    private static string Note(string note) => note.Length == 0 ? string.Empty : " " + note;

    private static string With(string? setting) => setting == null ? " from the scan" : " with " + setting;

    private static string Bytes(string count) => long.TryParse(count, out long n) ? Counted.Of(n, "byte") : count + " bytes";

    /// <summary>Names the registry a key sets: the default one, a scope's, or the one in that key.</summary>
    private static string RegistryNamed(string key)
    {
        if (key is "registry" or "npmRegistryServer" or "install.registry")
        {
            return $"The default registry ('{key}')";
        }

        int colon = key.LastIndexOf(':');
        if (key.StartsWith("@", StringComparison.Ordinal) && colon > 1 && key.Substring(colon) == ":registry")
        {
            return $"The registry of scope {key.Substring(0, colon)} ('{key}')";
        }

        return $"The registry in '{key}'";
    }
}
