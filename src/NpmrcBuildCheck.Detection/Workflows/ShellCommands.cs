using System;
using System.Collections.Generic;
using NpmrcBuildCheck.Detection;

namespace NpmrcBuildCheck.Workflows;

/// <summary>Where a job publishes to, as far as its files say.</summary>
internal enum RegistryKind
{
    /// <summary>registry.npmjs.org (the default), also its registry.yarnpkg.com alias.</summary>
    Public,

    /// <summary>Any other registry: GitHub Packages, GitLab, Azure Artifacts, Verdaccio…</summary>
    Other,

    /// <summary>Decided at run time (a variable or expression): not reported.</summary>
    Unknown,
}

/// <summary>A variable or CI expression named in a script line, with its span in that line.</summary>
internal readonly record struct VariableReference(int Start, int End, string Name, bool IsCiExpression);

/// <summary>
/// Reads shell lines of CI scripts: which commands publish npm packages (and to which registry),
/// which registry a line configures, and which variables a line names.
/// </summary>
internal static class ShellCommands
{
    private static readonly HashSet<string> PublicHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "registry.npmjs.org", "registry.npmjs.com", "registry.yarnpkg.com",
    };

    /// <summary>Options of npm, pnpm, yarn and bun that take the next word as their value.</summary>
    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal)
    {
        "-w", "--workspace", "--filter", "-F", "-C", "--dir", "--prefix", "--cwd", "--tag", "--access", "--otp", "--userconfig",
    };

    /// <summary>True when a line of <paramref name="script"/> publishes; <paramref name="registry"/> is its <c>--registry</c>, if any.</summary>
    public static bool Publishes(string script, out string? registry)
    {
        registry = null;
        bool found = false;
        if (!MayPublish(script))
        {
            return false;
        }

        foreach (string line in script.Split('\n'))
        {
            foreach (string command in SimpleCommands(StripComment(line)))
            {
                if (IsPublish(Words(command), out string? r))
                {
                    found = true;
                    registry ??= r;
                }
            }
        }

        return found;
    }

    /// <summary>The registry URLs <paramref name="script"/> configures: <c>npm config set registry</c>, <c>registry=</c>, <c>//host/:_authToken</c>.</summary>
    public static IEnumerable<string> ConfiguredRegistries(string script)
    {
        if (script.IndexOf("registry", StringComparison.OrdinalIgnoreCase) < 0 && script.IndexOf("_authToken", StringComparison.OrdinalIgnoreCase) < 0)
        {
            yield break;
        }

        foreach (string raw in script.Split('\n'))
        {
            string line = StripComment(raw);
            var words = Words(line);
            for (int i = 0; i < words.Count; i++)
            {
                string w = words[i];
                if ((w == "registry" || w.EndsWith(":registry", StringComparison.Ordinal)) && i > 1 && words[i - 1] == "set" && i + 1 < words.Count)
                {
                    yield return words[i + 1];
                }
                else if (w.StartsWith("registry=", StringComparison.OrdinalIgnoreCase) || w.StartsWith("--registry=", StringComparison.Ordinal))
                {
                    yield return w.Substring(w.IndexOf('=') + 1);
                }
            }

            for (int at = line.IndexOf(":_authToken", StringComparison.OrdinalIgnoreCase); at >= 0; at = line.IndexOf(":_authToken", at + 1, StringComparison.OrdinalIgnoreCase))
            {
                int start = line.LastIndexOf("//", at, StringComparison.Ordinal);
                if (start >= 0)
                {
                    yield return "https:" + line.Substring(start, at - start);
                }
            }
        }
    }

    /// <summary>
    /// Every publishing command this class knows names <c>publish</c> or <c>release</c>
    /// (<c>semantic-release</c>, <c>release-it</c>, <c>nx release</c>): text with neither is skipped unread.
    /// </summary>
    public static bool MayPublish(string text) =>
        text.IndexOf("publish", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("release", StringComparison.OrdinalIgnoreCase) >= 0;

    public static RegistryKind Classify(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return RegistryKind.Public;
        }

        url = url!.Trim().Trim('"', '\'');
        if (url.IndexOf('$') >= 0 || url.IndexOf('%') >= 0 || url.IndexOf('{') >= 0)
        {
            return RegistryKind.Unknown;
        }

        int scheme = url.IndexOf("//", StringComparison.Ordinal);
        string host = ValueShapes.Authority(url, scheme >= 0 ? scheme + 2 : 0, out _);
        int colon = host.IndexOf(':');
        if (colon >= 0)
        {
            host = host.Substring(0, colon);
        }

        return PublicHosts.Contains(host) ? RegistryKind.Public : RegistryKind.Other;
    }

    /// <summary>A token variable (<c>NPM_TOKEN</c>, <c>NODE_AUTH_TOKEN</c>…) that is not named as read-only or as an OIDC identity token.</summary>
    public static bool IsPublishTokenName(string name) =>
        TextScanner.VariableNames.Contains(name) && !IsReadOnlyName(name);

    /// <summary>Names such as <c>NPM_READ_TOKEN</c>: an install token, which the rule page says to keep.</summary>
    public static bool IsReadOnlyName(string name) => name.IndexOf("READ", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>
    /// Variables named in <paramref name="line"/>: <c>${{ secrets.X }}</c>/<c>${{ vars.X }}</c> CI
    /// expressions, and shell <c>$X</c>, <c>${X}</c>, <c>$env:X</c>, <c>%X%</c>.
    /// </summary>
    public static IEnumerable<VariableReference> References(string line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '$' && i + 2 < line.Length && line[i + 1] == '{' && line[i + 2] == '{')
            {
                int close = line.IndexOf("}}", i + 3, StringComparison.Ordinal);
                if (close < 0)
                {
                    yield break;
                }

                string body = line.Substring(i + 3, close - i - 3);
                foreach (string context in new[] { "secrets.", "vars." })
                {
                    int at = body.IndexOf(context, StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        int s = at + context.Length, e = s;
                        while (e < body.Length && IsNameChar(body[e]))
                        {
                            e++;
                        }

                        if (e > s)
                        {
                            yield return new VariableReference(i, close + 2, body.Substring(s, e - s), true);
                            break;
                        }
                    }
                }

                i = close + 1;
            }
            else if (line[i] == '$' || line[i] == '%')
            {
                int s = i + 1;
                bool braced = line[i] == '$' && s < line.Length && line[s] == '{';
                if (braced)
                {
                    s++;
                }
                else if (line[i] == '$' && string.CompareOrdinal(line, s, "env:", 0, 4) == 0)
                {
                    s += 4;
                }

                int e = s;
                while (e < line.Length && IsNameChar(line[e]))
                {
                    e++;
                }

                bool closed = line[i] == '%' ? e < line.Length && line[e] == '%' : !braced || (e < line.Length && (line[e] == '}' || line[e] == ':' || line[e] == '?' || line[e] == '-'));
                if (e > s && closed)
                {
                    yield return new VariableReference(i, braced || line[i] == '%' ? Math.Min(line.Length, e + 1) : e, line.Substring(s, e - s), false);
                    i = e - 1;
                }
            }
        }
    }

    private static bool IsNameChar(char c) => c == '_' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

    private static string StripComment(string line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t'))
            {
                return line.Substring(0, i);
            }
        }

        return line;
    }

    /// <summary>Splits a line at <c>&amp;&amp;</c>, <c>||</c>, <c>;</c> and <c>|</c>.</summary>
    private static IEnumerable<string> SimpleCommands(string line)
    {
        int start = 0;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == ';' || line[i] == '|' || (line[i] == '&' && i + 1 < line.Length && line[i + 1] == '&'))
            {
                yield return line.Substring(start, i - start);
                if (i + 1 < line.Length && (line[i + 1] == '|' || line[i + 1] == '&'))
                {
                    i++;
                }

                start = i + 1;
            }
        }

        yield return line.Substring(start);
    }

    private static List<string> Words(string command)
    {
        var words = new List<string>();
        foreach (string w in command.Split(new[] { ' ', '\t', '\r' }, StringSplitOptions.RemoveEmptyEntries))
        {
            string t = w.Trim('"', '\'', '(', ')', '`');
            if (t.Length > 0)
            {
                words.Add(t);
            }
        }

        return words;
    }

    private static bool IsPublish(List<string> w, out string? registry)
    {
        registry = null;
        int i = 0;

        // Leading VAR=value assignments and wrappers.
        while (i < w.Count && (IsAssignment(w[i]) || w[i] is "sudo" or "env" or "time" or "exec" or "command" or "-" or "run:" or "$"))
        {
            i++;
        }

        if (i < w.Count && w[i] is "npx" or "pnpx" or "bunx")
        {
            i = SkipOptions(w, i + 1, packageOption: true);
        }
        else if (i + 1 < w.Count && ((w[i] is "pnpm" or "yarn" && w[i + 1] is "dlx" or "exec") || (w[i] == "npm" && w[i + 1] is "exec" or "x")))
        {
            i = SkipOptions(w, i + 2, packageOption: true);
            if (i < w.Count && w[i] == "--")
            {
                i++;
            }
        }

        if (i >= w.Count)
        {
            return false;
        }

        string tool = w[i];
        int slash = tool.LastIndexOfAny(new[] { '/', '\\' });
        if (slash >= 0)
        {
            tool = tool.Substring(slash + 1);
        }

        int version = tool.Length > 1 ? tool.IndexOf('@', 1) : -1;
        if (version > 0)
        {
            tool = tool.Substring(0, version);
        }

        tool = tool.ToLowerInvariant();
        if (tool.EndsWith(".cmd", StringComparison.Ordinal))
        {
            tool = tool.Substring(0, tool.Length - 4);
        }

        var rest = w.GetRange(i + 1, w.Count - i - 1);
        if (rest.Contains("--dry-run"))
        {
            return false;
        }

        for (int k = 0; k < rest.Count; k++)
        {
            if (rest[k] == "--registry" && k + 1 < rest.Count)
            {
                registry = rest[k + 1];
            }
            else if (rest[k].StartsWith("--registry=", StringComparison.Ordinal))
            {
                registry = rest[k].Substring("--registry=".Length);
            }
        }

        string? sub = FirstWord(rest, 0, out int subAt);
        if (tool is "pnpm" or "yarn" or "bun" && sub is "changeset" or "changesets" or "semantic-release" or "multi-semantic-release" or "lerna" or "release-it" or "nx")
        {
            // pnpm, Yarn and bun run a dependency's binary by its name: "pnpm changeset publish".
            return IsPublish(rest.GetRange(subAt, rest.Count - subAt), out registry);
        }

        switch (tool)
        {
            case "npm":
            case "pnpm":
            case "bun":
                return sub == "publish";
            case "yarn":
                // "yarn publish" (Yarn 1), "yarn npm publish", "yarn workspaces foreach … npm publish".
                int npm = rest.IndexOf("npm");
                return sub == "publish" || (npm >= 0 && npm + 1 < rest.Count && rest[npm + 1] == "publish");
            case "semantic-release":
            case "multi-semantic-release":
                return !rest.Contains("-d");
            case "changeset":
            case "changesets":
            case "lerna":
                return sub == "publish";
            case "release-it":
                return !rest.Exists(r => r.StartsWith("--no-npm", StringComparison.Ordinal));
            case "nx":
                if (sub != "release")
                {
                    return false;
                }

                string? next = FirstWord(rest, subAt + 1, out _);
                return next == "publish" || (next == null && !rest.Contains("--skip-publish"));
            default:
                return false;
        }
    }

    private static bool IsAssignment(string word)
    {
        int eq = word.IndexOf('=');
        if (eq <= 0 || (word[0] >= '0' && word[0] <= '9'))
        {
            return false;
        }

        for (int k = 0; k < eq; k++)
        {
            if (!IsNameChar(word[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipOptions(List<string> w, int i, bool packageOption)
    {
        while (i < w.Count && w[i].StartsWith("-", StringComparison.Ordinal) && w[i] != "--")
        {
            i += packageOption && (w[i] == "-p" || w[i] == "--package") ? 2 : 1;
        }

        return i;
    }

    /// <summary>The first word from <paramref name="from"/> that is not an option or an option's value.</summary>
    private static string? FirstWord(List<string> w, int from, out int at)
    {
        for (at = from; at < w.Count; at++)
        {
            if (ValueOptions.Contains(w[at]))
            {
                at++;
            }
            else if (!w[at].StartsWith("-", StringComparison.Ordinal))
            {
                return w[at];
            }
        }

        return null;
    }
}
