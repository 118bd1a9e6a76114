using System;

namespace NpmrcBuildCheck.Detection;

/// <summary>Lockfiles: credentials in registry URLs (NPMRC002) and npm tokens anywhere (NPMRC003).</summary>
internal static class LockfileReader
{
    public static void Read(Text.DecodedText doc, FindingSink sink)
    {
        string text = doc.Text;
        if (text.IndexOf('@') >= 0)
        {
            foreach (var cred in ValueShapes.FindUrlCredentials(text, 0, text.Length))
            {
                ConfigRules.UrlCredential(doc, sink, doc.LineIndexOf(cred.PasswordStart), cred, null, false);
            }
        }

        TextScanner.TokenPass(doc, sink, null);
    }

    /// <summary>
    /// Whether a UTF-8 lockfile can hold what <see cref="Read"/> looks for: <c>npm_</c>, or a URL whose
    /// authority has a password (<c>user:password@</c>). Most lockfiles hold neither and are then not decoded: a 5 MB
    /// <c>package-lock.json</c> decodes to a 10 MB string, whose large-object allocation triggered a
    /// full collection of MSBuild's heap in a cold build. Conservative: the authority ends only at an
    /// ASCII byte that ends it in <see cref="ValueShapes.FindUrlCredentials"/> (so it is never shorter, and a
    /// password in the shorter one is one in this), and every "://" is looked at: this never says no
    /// where the exact reading would find something.
    /// </summary>
    public static bool MayHoldCredentials(ReadOnlySpan<byte> content)
    {
        if (content.IndexOf("npm_"u8) >= 0)
        {
            return true;
        }

        // Every "://" is looked at (the exact reading skips those inside an authority it has read).
        for (int sep = content.IndexOf("://"u8); sep >= 0;)
        {
            var rest = content.Slice(sep + 3);
            int stop = 0;
            while (stop < rest.Length && !EndsAuthority(rest[stop]))
            {
                stop++;
            }

            var authority = rest.Slice(0, stop);
            int at = authority.LastIndexOf((byte)'@');
            int colon = at < 0 ? -1 : authority.Slice(0, at).IndexOf((byte)':');
            if (colon >= 0 && at > colon + 1)
            {
                return true; // user:password@ (git+ssh://git@host/… has no password)
            }

            int next = rest.IndexOf("://"u8);
            sep = next < 0 ? -1 : sep + 3 + next;
        }

        return false;
    }

    /// <summary>The ASCII bytes that end a URL's authority in <see cref="ValueShapes.FindUrlCredentials"/>.</summary>
    private static bool EndsAuthority(byte b) =>
        b is (byte)'/' or (byte)'?' or (byte)'#' or (byte)'"' or (byte)'\'' or (byte)'`' or (byte)'<' or (byte)'>' or (byte)','
            or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or (byte)'\v';
}
