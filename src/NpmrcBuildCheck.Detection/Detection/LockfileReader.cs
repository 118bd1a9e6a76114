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
}
