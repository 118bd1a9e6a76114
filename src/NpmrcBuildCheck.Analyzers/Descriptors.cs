using Microsoft.CodeAnalysis;
using NpmrcBuildCheck.Rules;

namespace NpmrcBuildCheck.Analyzers;

/// <summary>The analyzer's diagnostic descriptors. Title, description and help link come from <see cref="RuleCatalog"/>.</summary>
public static class Descriptors
{
    /// <summary>
    /// <see cref="RuleCatalog.NpmAccessToken"/>'s code. Roslyn's release tracking and RS1017 need a
    /// compile-time constant id; a test checks it equals the catalog's code.
    /// </summary>
    public const string NpmAccessTokenId = "NPMRC003";

    public const string Category = "Security";

    /// <summary>
    /// NPMRC003: {0} what was found, {1} its redacted form, {2} where it is (see <see cref="SourcePlace"/>),
    /// {3} what to do besides revoking it. Never the secret itself.
    /// </summary>
    public static readonly DiagnosticDescriptor NpmAccessToken = new(
        NpmAccessTokenId,
        RuleCatalog.NpmAccessToken.Title,
        "Hard-coded {0} ({1}) in {2}. It is in the source and its history, so treat it as compromised: revoke or rotate it (for an npm token: 'npm token revoke <id>'), then {3}.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: RuleCatalog.NpmAccessToken.Description,
        helpLinkUri: RuleCatalog.NpmAccessToken.HelpLink,
        customTags: WellKnownDiagnosticTags.Telemetry);
}
