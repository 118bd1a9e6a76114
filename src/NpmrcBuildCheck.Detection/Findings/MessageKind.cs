namespace NpmrcBuildCheck.Findings;

/// <summary>
/// What a finding's message says. Each member lists the arguments a <see cref="FindingMessage"/>
/// of that kind carries, in order; <see cref="MessageRenderer"/> turns them into a sentence.
/// Stored in caches by name: rename a member only with the cache format version.
/// </summary>
public enum MessageKind
{
    /// <summary>A token in an npm-style config key. Key, what (e.g. "npm access token"), redacted, note (may be empty).</summary>
    HardCodedToken,

    /// <summary>A token in <c>.yarnrc.yml</c>. Key, what, redacted.</summary>
    HardCodedYarnToken,

    /// <summary>A token in <c>bunfig.toml</c>. Key, what, redacted.</summary>
    HardCodedBunToken,

    /// <summary>A basic-auth value. Key, shape (e.g. "base64 of user:password"), redacted, note (may be empty).</summary>
    HardCodedBasic,

    /// <summary>A password in a URL of a config file. Key, redacted.</summary>
    UrlCredential,

    /// <summary>A password in a registry URL of a lockfile. Redacted.</summary>
    LockfileUrlCredential,

    /// <summary>A checksum-valid npm token in any file. Redacted.</summary>
    NpmTokenInFile,

    /// <summary>A literal assigned to an npm token variable. Key, redacted.</summary>
    TokenVariable,

    /// <summary>A credential in a comment. Key (empty when none), what, redacted.</summary>
    CommentedCredential,

    /// <summary>A registry over plain http. Key, URL (sanitised), note (may be empty).</summary>
    InsecureRegistry,

    /// <summary>TLS verification off. Key, value as written.</summary>
    TlsDisabled,

    /// <summary>A reference the tool does not expand. Key, value shown (fallbacks masked), form (e.g. "$VAR").</summary>
    Unexpanded,

    /// <summary>An unscoped credential key. Key, suggested scoped key.</summary>
    Unscoped,

    /// <summary>A UTF-16 config file. File kind (e.g. ".npmrc").</summary>
    Utf16,

    /// <summary>Invalid UTF-8 in a config file's settings. File kind, first line number.</summary>
    InvalidUtf8,

    /// <summary>A file over the size limit, not read. Path, size in bytes, limit in bytes.</summary>
    OverSizeLimit,

    /// <summary>A file or folder that could not be read. Path, "File" or "Folder", reason.</summary>
    Unreadable,

    /// <summary>A FIFO, socket or device, never opened. Path.</summary>
    NotARegularFile,

    /// <summary>Detection or the scanner failed on a path; findings before the failure are kept. Path, exception type name.</summary>
    ScanFailure,

    /// <summary>A part of the git history could not be read (damaged or missing object, unreadable refs). What, with object ids and paths only.</summary>
    GitProblem,

    /// <summary>A CI job publishing with a stored token where trusted publishing works. Provider (a <c>CiProvider</c> name), "oidc" when the job already has an OIDC token (else empty), job, key, source of the token.</summary>
    TrustedPublishing,

    /// <summary>A credential in the git history, not in the current tree. Original rule code, what (key or rule title), redacted, short commit id, date, path:line there, refs still reaching it (comma-separated, may be empty), count of further refs.</summary>
    CredentialInHistory,

    /// <summary>A credential finding in a file git ignores and does not track. Original rule code; the original message is the inner one.</summary>
    InIgnoredFile,

    /// <summary>A credential finding in a file git tracks; the original message is the inner one.</summary>
    InTrackedFile,
}
