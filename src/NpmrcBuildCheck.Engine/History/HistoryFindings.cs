using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Rules;

namespace NpmrcBuildCheck.History;

/// <summary>
/// Turns the credentials found in historical blobs into NPMRC011 findings: one per secret
/// (by subject digest, never by content), at its oldest occurrence, unless the secret is
/// current. The finding keeps the original's digest, so the fingerprint (rule, path, digest)
/// is stable and a baseline can accept it once the secret is revoked and purged.
/// </summary>
internal static class HistoryFindings
{
    private const int RefsNamed = 3;

    public static List<Finding> Create(HistoryState state, List<(string Name, int Commit)> tips, HashSet<string> current)
    {
        var oldest = new Dictionary<string, (Finding Finding, int Commit)>(StringComparer.Ordinal);
        foreach (var record in state.Blobs.Values)
        {
            if (record.Findings is null || record.FirstCommit < 0 || record.Path is null)
            {
                continue; // No credential, or not reachable from the refs of this walk.
            }

            foreach (var finding in record.Findings)
            {
                if (current.Contains(finding.SubjectDigest))
                {
                    continue;
                }

                var candidate = finding with { Path = record.Path };
                if (!oldest.TryGetValue(finding.SubjectDigest, out var best) || IsOlder(state, candidate, record.FirstCommit, best.Finding, best.Commit))
                {
                    oldest[finding.SubjectDigest] = (candidate, record.FirstCommit);
                }
            }
        }

        var result = new List<Finding>(oldest.Count);
        if (oldest.Count == 0)
        {
            return result;
        }

        var children = Children(state);
        foreach (var (finding, commit) in oldest.Values)
        {
            var node = state.Commits[commit];
            var reaching = Reaching(commit, children, tips);
            result.Add(finding with
            {
                Rule = RuleCatalog.CredentialInHistory,
                Text = Message(finding, node.Id.ToString(7), node.Time, reaching),
            });
        }

        return result;
    }

    private static bool IsOlder(HistoryState state, Finding candidate, int commit, Finding best, int bestCommit)
    {
        if (commit != bestCommit)
        {
            long a = state.Commits[commit].Time, b = state.Commits[bestCommit].Time;
            return a != b ? a < b : commit > bestCommit;
        }

        int c = string.CompareOrdinal(candidate.Path, best.Path);
        return c != 0 ? c < 0 : candidate.Line < best.Line;
    }

    private static List<int>[] Children(HistoryState state)
    {
        var children = new List<int>[state.Commits.Count];
        for (int c = 0; c < state.Commits.Count; c++)
        {
            foreach (int p in state.Commits[c].Parents)
            {
                (children[p] ??= new List<int>()).Add(c);
            }
        }

        return children;
    }

    /// <summary>The refs whose history holds <paramref name="commit"/>: those whose tip descends from it.</summary>
    private static List<string> Reaching(int commit, List<int>[] children, List<(string Name, int Commit)> tips)
    {
        var descendants = new HashSet<int>();
        var stack = new Stack<int>();
        stack.Push(commit);
        while (stack.Count > 0)
        {
            int c = stack.Pop();
            if (descendants.Add(c) && children[c] is { } next)
            {
                foreach (int child in next)
                {
                    stack.Push(child);
                }
            }
        }

        var names = tips.Where(t => descendants.Contains(t.Commit) && !t.Name.EndsWith("HEAD", StringComparison.Ordinal)).Select(t => t.Name).Distinct().ToList();
        names.Sort(GitRefs.CompareForDisplay);
        return names;
    }

    private static FindingMessage Message(Finding original, string commit, long time, List<string> reaching)
    {
        string date = DateTimeOffset.FromUnixTimeSeconds(Math.Max(0, time)).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string what = original.Key is { Length: > 0 } key ? $"'{key}'" : original.Rule.Title.ToLowerInvariant();
        return new FindingMessage(MessageKind.CredentialInHistory,
            original.Rule.Code, what, original.Redacted, commit, date, original.Path + ":" + original.Line.ToString(CultureInfo.InvariantCulture),
            string.Join(", ", reaching.Take(RefsNamed).Select(GitRefs.Describe)),
            Math.Max(0, reaching.Count - RefsNamed).ToString(CultureInfo.InvariantCulture));
    }
}
