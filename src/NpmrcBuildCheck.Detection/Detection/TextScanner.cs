using System;
using System.Collections.Generic;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Rules;
using NpmrcBuildCheck.Text;
using NpmrcBuildCheck.Tokens;

namespace NpmrcBuildCheck.Detection;

/// <summary>
/// NPMRC003 in any text file: checksum-valid <c>npm_</c> tokens and literal values assigned to
/// well-known npm token variables. Works on the raw bytes: one vectorised pass finds the anchors
/// (<see cref="TextAnchors"/>); only lines holding a candidate word are decoded.
/// </summary>
internal static class TextScanner
{
    internal static readonly HashSet<string> VariableNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "NPM_TOKEN", "NPM_AUTH_TOKEN", "NPM_AUTHTOKEN", "NODE_AUTH_TOKEN", "NPM_PUBLISH_TOKEN", "NPM_REGISTRY_TOKEN",
        "YARN_NPM_AUTH_TOKEN", "YARN_NPM_AUTH_IDENT", "npmAuthToken", "npmAuthIdent", "NPM_CONFIG_TOKEN",
    };

    private static readonly HashSet<string> CredentialKeyNames = new(StringComparer.OrdinalIgnoreCase) { "_authToken", "_auth", "_password" };

    public static void ScanBytes(ReadOnlySpan<byte> data, FindingSink sink)
    {
        int pos = 0;
        int lineNo = 1;
        int countedTo = 0;
        while (pos < data.Length)
        {
            int hit = TextAnchors.Next(data, pos);
            if (hit < 0)
            {
                return;
            }

            if (!IsCandidate(data, hit, out int wordEnd))
            {
                pos = Math.Max(hit + 1, wordEnd);
                continue;
            }

            int lineStart = data.Slice(0, hit).LastIndexOf((byte)'\n') + 1;
            int lf = data.Slice(hit).IndexOf((byte)'\n');
            int lineEnd = lf < 0 ? data.Length : hit + lf;
            if (lineStart > countedTo)
            {
                lineNo += Utf8.CountLineFeeds(data.Slice(countedTo, lineStart - countedTo));
                countedTo = lineStart;
            }

            int contentEnd = lineEnd;
            if (contentEnd > lineStart && data[contentEnd - 1] == (byte)'\r')
            {
                contentEnd--;
            }

            AnalyzeLine(Utf8.GetString(data.Slice(lineStart, contentEnd - lineStart)), lineNo, sink);
            pos = lineEnd + 1;
        }
    }

    /// <summary>ASCII letters, digits and '_': one table lookup per byte (words around anchors are walked in both directions).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsWordByte(byte b) => WordBytes[b] != 0;

    private static ReadOnlySpan<byte> WordBytes => new byte[256]
    {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x00
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, // 0x20: 0-9
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, // 0x40: A-Z, _
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, // 0x60: a-z
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    };

    /// <summary>
    /// Decides on the bytes whether the word around an anchor can matter: a checksum-valid npm token,
    /// a well-known variable name, an npm_config_ variable or a credential key (_authToken, _auth, _password).
    /// </summary>
    private static bool IsCandidate(ReadOnlySpan<byte> data, int i, out int wordEnd)
    {
        int ws = i;
        while (ws > 0 && IsWordByte(data[ws - 1]))
        {
            ws--;
        }

        int we = i;
        while (we < data.Length && IsWordByte(data[we]))
        {
            we++;
        }

        wordEnd = we;
        var word = data.Slice(ws, we - ws);

        // A token: "npm_" + 36 base62, standing alone.
        if (word.Length == Tokens.NpmToken.Length && word[0] == 'n' && word[1] == 'p' && word[2] == 'm' && word[3] == '_'
            && Tokens.NpmToken.IsValid(word))
        {
            return true;
        }

        if (word.Length < 5 || word.Length > 40)
        {
            return false;
        }

        // Fast reject: every candidate name starts with n/N, y/Y or "_a"/"_p".
        int first = word[0] | 0x20;
        if (word[0] == '_')
        {
            int second = word[1] | 0x20;
            if (second != 'a' && second != 'p')
            {
                return false;
            }
        }
        else if (first != 'n' && first != 'y')
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        for (int k = 0; k < word.Length; k++)
        {
            byte b = word[k];
            lower[k] = (char)((uint)(b - 'A') <= 25 ? b | 0x20 : b);
        }

        ReadOnlySpan<char> w = lower;
        if (IsCandidateName(w))
        {
            return true;
        }

        // npm_config_//host/:_authToken (the word stops at '/'), npm_config__authToken…
        return w.StartsWith("npm_config_".AsSpan(), StringComparison.Ordinal) && (w.Length == 11 || IsCandidateName(w.Slice(11)));
    }

    private static bool IsCandidateName(ReadOnlySpan<char> w)
    {
        foreach (var name in LowerCandidateWords)
        {
            if (w.SequenceEqual(name.AsSpan()))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] LowerCandidateWords = BuildCandidateWords();

    private static string[] BuildCandidateWords()
    {
        var words = new List<string>();
        foreach (var name in VariableNames)
        {
            words.Add(name.ToLowerInvariant());
        }

        foreach (var name in CredentialKeyNames)
        {
            words.Add(name.ToLowerInvariant());
        }

        return words.ToArray();
    }

    /// <summary>The same analysis over an already decoded text (e.g. a UTF-16 file), line by line.</summary>
    public static void ScanDecoded(DecodedText doc, FindingSink sink)
    {
        for (int li = 0; li < doc.Lines.Count; li++)
        {
            var line = doc.Lines[li];
            if (line.Length == 0)
            {
                continue;
            }

            string text = doc.LineText(li);
            if (li == 0 && text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text.Substring(1);
            }

            if (text.IndexOf('_') >= 0 || text.IndexOf("npmAuth", StringComparison.Ordinal) >= 0)
            {
                AnalyzeLine(text, line.Number, sink);
            }
        }
    }

    /// <summary>Assignments first (they carry the key), then bare tokens not already reported.</summary>
    internal static void AnalyzeLine(string line, int lineNo, FindingSink sink)
    {
        if (!sink.TokensOnly)
        {
            ScanAssignments(line, lineNo, sink);
        }

        NpmToken.FindAll(line, start =>
        {
            if (sink.IsClaimed(lineNo, start + 1, start + 1 + NpmToken.Length))
            {
                return;
            }

            string token = line.Substring(start, NpmToken.Length);
            string redacted = Redaction.Redact(token);
            sink.Add(RuleCatalog.NpmAccessToken, lineNo, start + 1, start + 1 + NpmToken.Length, null, token, redacted, Messages.NpmTokenInFile(redacted));
        });
    }

    private static bool IsKeyChar(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '/' || c == ':' || c == '-';

    private const int MaxValueLength = 4096;

    private static void ScanAssignments(string line, int lineNo, FindingSink sink)
    {
        int setAt = -2;
        int i = 0;
        while (i < line.Length)
        {
            if (!IsKeyChar(line[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < line.Length && IsKeyChar(line[i]))
            {
                i++;
            }

            int end = i;
            while (end > start && line[end - 1] == ':')
            {
                end--;
            }

            while (start < end && line[start] == '-')
            {
                start++;
            }

            if (end - start < 5 || !MayBeName(line, start, end))
            {
                continue;
            }

            string run = line.Substring(start, end - start);
            if (MatchName(run, out bool bare, out string display))
            {
                if (setAt == -2)
                {
                    setAt = SetCommandAt(line);
                }

                i = Math.Max(i, TryAssignment(line, lineNo, start, end, bare, display, setAt, sink));
            }
        }
    }

    private static bool MayBeName(string line, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            char c = line[k];
            if (c == '_' || ((c == 'A' || c == 'a') && k + 3 < end && (line[k + 1] | 0x20) == 'u' && (line[k + 2] | 0x20) == 't' && (line[k + 3] | 0x20) == 'h'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchName(string run, out bool bare, out string display)
    {
        bare = false;
        display = run;
        if (run.IndexOf("//", StringComparison.Ordinal) >= 0)
        {
            int colon = run.LastIndexOf(':');
            return colon >= 0 && CredentialKeyNames.Contains(run.Substring(colon + 1));
        }

        if (run.StartsWith("npm_config_", StringComparison.OrdinalIgnoreCase))
        {
            return CredentialKeyNames.Contains(run.Substring(11)) || VariableNames.Contains(run.Substring(11));
        }

        int cut = Math.Max(run.LastIndexOf('.'), run.LastIndexOf(':'));
        string component = cut >= 0 ? run.Substring(cut + 1) : run;
        if (VariableNames.Contains(component))
        {
            display = component;
            return true;
        }

        if (CredentialKeyNames.Contains(run))
        {
            bare = true;
            return true;
        }

        return false;
    }

    /// <summary>Checks the value after a well-known name; returns how far the line was consumed.</summary>
    private static int TryAssignment(string line, int lineNo, int start, int keyEnd, bool bare, string display, int setAt, FindingSink sink)
    {
        int j = keyEnd;
        char open = start > 0 ? line[start - 1] : '\0';
        bool quotedName = (open == '"' || open == '\'') && j < line.Length && line[j] == open;
        if (quotedName)
        {
            j++;
            if (j < line.Length && line[j] == ']')
            {
                // process.env["NPM_TOKEN"] = "…", os.environ['NPM_TOKEN'] = '…'
                j++;
            }
        }

        int ws = j;
        while (j < line.Length && (line[j] == ' ' || line[j] == '\t'))
        {
            j++;
        }

        bool hadSpace = j > ws;
        if (j >= line.Length)
        {
            return keyEnd;
        }

        char c = line[j];
        if (c == '=')
        {
            if (j + 1 < line.Length && line[j + 1] == '=')
            {
                return keyEnd;
            }

            if (bare && !quotedName && (hadSpace || j + 1 >= line.Length || line[j + 1] == ' ' || line[j + 1] == '\t'))
            {
                return keyEnd;
            }

            j++;
        }
        else if (c == ':')
        {
            if ((bare && !quotedName) || (j + 1 < line.Length && line[j + 1] == ':'))
            {
                return keyEnd;
            }

            j++;
            if (j < line.Length && line[j] == '=')
            {
                j++;
            }
        }
        else if (c == ',' && quotedName)
        {
            j++;
        }
        else if (!(hadSpace && ((setAt >= 0 && setAt < start) || IsDockerEnvKey(line, start))))
        {
            return keyEnd;
        }

        while (j < line.Length && (line[j] == ' ' || line[j] == '\t'))
        {
            j++;
        }

        if (j >= line.Length)
        {
            return keyEnd;
        }

        int vs, ve;
        char q = line[j];
        if (q == '"' || q == '\'' || q == '`')
        {
            vs = j + 1;
            int close = line.IndexOf(q, vs, Math.Min(MaxValueLength, line.Length - vs));
            if (close < 0)
            {
                return vs + Math.Min(MaxValueLength, line.Length - vs);
            }

            ve = close;
        }
        else
        {
            vs = j;
            ve = j;
            while (ve < line.Length && !IsValueStop(line[ve]))
            {
                if (ve - vs > MaxValueLength)
                {
                    return ve;
                }

                ve++;
            }
        }

        string value = line.Substring(vs, ve - vs);
        if (!IsSecretLike(value) || sink.IsClaimed(lineNo, vs + 1, ve + 1))
        {
            return ve;
        }

        string key = ValueShapes.Sanitize(display);
        string redacted = Redaction.Redact(value);
        sink.Add(RuleCatalog.NpmAccessToken, lineNo, vs + 1, ve + 1, key, value, redacted, Messages.TokenVariable(key, redacted));
        return ve;
    }

    private static readonly string[] SetCommands = { "config set ", "npm set ", "setx " };

    /// <summary>Where <c>npm config set</c> / <c>npm set</c> (any tool's <c>config set</c>) starts on the line, or -1.</summary>
    private static int SetCommandAt(string line)
    {
        int best = -1;
        foreach (var command in SetCommands)
        {
            int at = line.IndexOf(command, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (best < 0 || at < best))
            {
                best = at;
            }
        }

        return best;
    }

    /// <summary><c>ENV NAME value</c> (Dockerfile): the key is the first word after ENV.</summary>
    private static bool IsDockerEnvKey(string line, int keyStart)
    {
        int p = 0;
        while (p < line.Length && (line[p] == ' ' || line[p] == '\t'))
        {
            p++;
        }

        if (line.Length - p > 4 && string.Compare(line, p, "ENV", 0, 3, StringComparison.OrdinalIgnoreCase) == 0 && (line[p + 3] == ' ' || line[p + 3] == '\t'))
        {
            p += 3;
            while (p < line.Length && (line[p] == ' ' || line[p] == '\t'))
            {
                p++;
            }

            return p == keyStart;
        }

        return false;
    }

    private static bool IsValueStop(char c) =>
        Js.IsWhiteSpace(c) || c is '"' or '\'' or '`' or ',' or ';' or ')' or '}' or ']' or '|' or '&' or '<' or '>' or '#' or '\\';

    /// <summary>A literal that could be a credential: not a reference, placeholder, code expression or short word.</summary>
    internal static bool IsSecretLike(string v)
    {
        if (v.Length < 8 || ValueShapes.IsReferenceLike(v))
        {
            return false;
        }

        foreach (char c in v)
        {
            if (c is '$' or '{' or '}' or '%' or '<' or '>' or '[' or ']' or '(' or ')' or '*' || Js.IsWhiteSpace(c))
            {
                return false;
            }
        }

        if (ValueShapes.IsPlaceholder(v) || ValueShapes.IsUpperSnakeName(v) || ValueShapes.IsPlaceholderCredential(v))
        {
            return false;
        }

        if (!ValueShapes.LooksLikeJwt(v) && IsDottedIdentifier(v))
        {
            return false;
        }

        bool digit = false;
        foreach (char c in v)
        {
            if (c >= '0' && c <= '9')
            {
                digit = true;
                break;
            }
        }

        return digit || v.Length >= 20;
    }

    private static bool IsDottedIdentifier(string v)
    {
        string[] parts = v.Split('.');
        if (parts.Length < 2)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length == 0 || !((part[0] >= 'A' && part[0] <= 'Z') || (part[0] >= 'a' && part[0] <= 'z') || part[0] == '_'))
            {
                return false;
            }

            foreach (char c in part)
            {
                if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// For config files and lockfiles: every checksum-valid npm token not already reported. In a comment
    /// (from <paramref name="commentStart"/>, 0-based index in the line, -1 for none) it is NPMRC004, else NPMRC003.
    /// </summary>
    internal static void TokenPass(DecodedText doc, FindingSink sink, int[]? commentStart)
    {
        string text = doc.Text;
        NpmToken.FindAll(text, at =>
        {
            int li = doc.LineIndexOf(at);
            int line = doc.Lines[li].Number;
            int col = doc.Column(li, at), endCol = doc.Column(li, at + NpmToken.Length);
            if (sink.IsClaimed(line, col, endCol))
            {
                return;
            }

            string token = text.Substring(at, NpmToken.Length);
            string redacted = Redaction.Redact(token);
            bool inComment = commentStart != null && commentStart[li] >= 0 && at - doc.Lines[li].Start >= commentStart[li];
            if (inComment)
            {
                sink.Add(RuleCatalog.CommentedCredential, line, col, endCol, null, token, redacted, Messages.CommentedCredential(null, "npm access token", redacted));
            }
            else
            {
                sink.Add(RuleCatalog.NpmAccessToken, line, col, endCol, null, token, redacted, Messages.NpmTokenInFile(redacted));
            }
        });
    }
}
