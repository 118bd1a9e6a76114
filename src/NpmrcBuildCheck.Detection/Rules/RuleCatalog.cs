using System;
using System.Collections.Generic;
using System.Linq;

namespace NpmrcBuildCheck.Rules;

/// <summary>
/// The single definition of every rule code, title, default severity and help link.
/// The MSBuild task, the analyzer, SARIF, the docs test and the README test all read it.
/// </summary>
public static class RuleCatalog
{
    public const string HelpBaseUri = "https://github.com/NpmrcBuildCheck/NpmrcBuildCheck/blob/main/docs/rules/";

    public static readonly Rule HardCodedAuthToken = new(
        "NPMRC001", "Hard-coded auth token in a config file", Severity.Error,
        "An _authToken, Yarn npmAuthToken or bun token holds a literal value.");

    public static readonly Rule HardCodedBasicAuth = new(
        "NPMRC002", "Hard-coded basic-auth credentials", Severity.Error,
        "An _auth, _password, Yarn npmAuthIdent, bun password or user:password@ URL holds a literal credential.");

    public static readonly Rule NpmAccessToken = new(
        "NPMRC003", "npm access token in a file", Severity.Error,
        "A checksum-valid npm_ token, or a literal assigned to a well-known npm token variable.");

    public static readonly Rule CommentedCredential = new(
        "NPMRC004", "Credential in a comment of a config file", Severity.Warning,
        "A commented-out credential line or token in a config file comment.");

    public static readonly Rule InsecureRegistry = new(
        "NPMRC005", "Registry over plain http", Severity.Warning,
        "A registry URL uses http://, so credentials and packages travel unencrypted.");

    public static readonly Rule TlsVerificationDisabled = new(
        "NPMRC006", "TLS certificate verification disabled", Severity.Warning,
        "strict-ssl or enableStrictSsl is set to false.");

    public static readonly Rule UnexpandedEnvReference = new(
        "NPMRC007", "Environment reference npm will not expand", Severity.Warning,
        "$VAR, %VAR% or ${VAR:-default} in .npmrc is sent as literal text.");

    public static readonly Rule UnscopedCredential = new(
        "NPMRC008", "Credential key not scoped to a registry", Severity.Warning,
        "A credential key without a //host/: prefix; npm 9+ refuses it, older clients send it everywhere.");

    public static readonly Rule CredentialInIgnoredFile = new(
        "NPMRC009", "Credential in a git-ignored file", Severity.Warning,
        "A credential in a file git ignores and does not track.");

    public static readonly Rule UnreadableConfigFile = new(
        "NPMRC010", "Config file the tool cannot read as intended", Severity.Warning,
        "For example a UTF-16 .npmrc, which npm ignores.");

    public static readonly Rule CredentialInHistory = new(
        "NPMRC011", "Credential in the git history", Severity.Error,
        "A credential that is in the git history (a removed line, a deleted file, a side branch, a tag, a stash) but not in the current tree.");

    public static readonly Rule TrustedPublishingAvailable = new(
        "NPMRC012", "CI job publishes with a long-lived token where trusted publishing works", Severity.Message,
        "A GitHub Actions, GitLab CI/CD or CircleCI cloud job publishes to the public npm registry with a stored token instead of OIDC.");

    public static readonly Rule ScanProblem = new(
        "NPMRC900", "File or folder could not be scanned", Severity.Warning,
        "A read error, a file over the size limit, a special file, or an internal failure.");

    public static IReadOnlyList<Rule> All { get; } = new[]
    {
        HardCodedAuthToken, HardCodedBasicAuth, NpmAccessToken, CommentedCredential, InsecureRegistry,
        TlsVerificationDisabled, UnexpandedEnvReference, UnscopedCredential, CredentialInIgnoredFile,
        UnreadableConfigFile, CredentialInHistory, TrustedPublishingAvailable, ScanProblem,
    };

    private static readonly Dictionary<string, Rule> ByCode = All.ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);

    public static Rule? Find(string code) => ByCode.TryGetValue(code.Trim(), out var rule) ? rule : null;

    public static Rule Get(string code) => Find(code) ?? throw new ArgumentException($"Unknown rule code '{code}'.", nameof(code));

    /// <summary>
    /// Rules about what a config file makes the tool do (NPMRC005–008, and NPMRC010 for a file it
    /// cannot read): they do not apply to a config copy that no tool reads, such as <c>.npmrc.example</c>.
    /// </summary>
    public static bool IsSettingsRule(Rule rule) =>
        rule == InsecureRegistry || rule == TlsVerificationDisabled || rule == UnexpandedEnvReference || rule == UnscopedCredential
        || rule == UnreadableConfigFile;

    /// <summary>Rules whose findings are leaked credentials (re-labelled NPMRC009 in git-ignored files).</summary>
    public static bool IsCredentialRule(Rule rule) =>
        rule == HardCodedAuthToken || rule == HardCodedBasicAuth || rule == NpmAccessToken || rule == CommentedCredential;
}
