namespace NpmrcBuildCheck.Detection;

/// <summary>
/// What a credential key holds, which decides how short or regular a literal may be and still be
/// a credential (see <see cref="ValueShapes.IsPlaceholderFor"/>) and how much of it may be shown.
/// </summary>
internal enum CredentialShape
{
    /// <summary>A bearer token (<c>_authToken</c>, Yarn <c>npmAuthToken</c>, bun <c>token</c>): never 1–3 characters.</summary>
    Token,

    /// <summary>
    /// Base64 the tool decodes (<c>_auth</c>, <c>_password</c>) or Yarn <c>npmAuthIdent</c> (base64 or
    /// <c>user:password</c>): valid base64 of printable text is a credential, however short.
    /// </summary>
    Base64,

    /// <summary>A password written as it is (bun <c>password</c>, a URL's <c>user:password@</c>): no shape to check.</summary>
    Plain,
}
