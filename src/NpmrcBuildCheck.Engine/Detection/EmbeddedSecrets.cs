using System.Collections.Generic;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Tokens;

namespace NpmrcBuildCheck.Detection;

/// <summary>A secret found inside a piece of text that is not a file, such as a C# string literal.</summary>
/// <param name="Start">Index of the secret's first character in the text.</param>
/// <param name="Length">Length of the secret.</param>
/// <param name="What">What was found, for messages: e.g. "npm access token" or "_authToken value".</param>
/// <param name="Redacted">The redacted secret.</param>
public sealed record EmbeddedSecret(int Start, int Length, string What, string Redacted);

/// <summary>
/// Finds npm credentials in free text: checksum-valid <c>npm_</c> tokens and npm-style
/// <c>_authToken=</c> / <c>_auth=</c> / <c>_password=</c> assignments with a literal value.
/// Used by the Roslyn analyzer on string literals.
/// </summary>
public static class EmbeddedSecrets
{
    public static IReadOnlyList<EmbeddedSecret> Find(string text)
    {
        var found = new List<EmbeddedSecret>();
        NpmToken.FindAll(text, start =>
            found.Add(new EmbeddedSecret(start, NpmToken.Length, "npm access token", Redaction.Redact(text.Substring(start, NpmToken.Length)))));
        return found;
    }
}
