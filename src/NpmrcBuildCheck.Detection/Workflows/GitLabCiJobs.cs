using System;
using System.Collections.Generic;
using System.Linq;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Workflows;

/// <summary>
/// GitLab CI/CD: jobs without runner tags other than GitLab.com's hosted <c>saas-*</c> ones whose
/// scripts publish to the public registry and name a token variable (<c>$NPM_TOKEN</c>), in a script
/// line or a <c>variables</c> entry. <c>extends</c>, <c>default</c> and global keywords are followed.
/// </summary>
internal static class GitLabCiJobs
{
    private const int MaxExtendsDepth = 3;
    private const int MaxParents = 8;

    private static readonly HashSet<string> GlobalKeys = new(StringComparer.Ordinal)
    {
        "image", "services", "stages", "types", "before_script", "after_script", "variables", "cache", "include", "workflow", "default", "spec",
    };

    public static IEnumerable<TokenHandoff> Handoffs(YamlNode root, DecodedText doc)
    {
        foreach (var entry in root.Entries)
        {
            string name = entry.Key.Value;
            var job = entry.Value;
            if (GlobalKeys.Contains(name) || name.StartsWith(".", StringComparison.Ordinal) || !job.IsMap || Lookup(root, job, "script", 0) == null
                || !OnHostedRunner(root, job))
            {
                continue;
            }

            var scripts = new[] { "before_script", "script", "after_script" }.SelectMany(k => ScriptLines(root, Inherited(root, job, k))).ToList();
            var variables = new[] { root["variables"], Lookup(root, job, "variables", 0) };
            var registry = variables.Aggregate(RegistryKind.Public, (r, v) => ShellJobs.RegistryFrom(v, r));
            if (!ShellJobs.PublishesToPublicRegistry(scripts, registry))
            {
                continue;
            }

            bool oidc = HasNpmIdToken(Lookup(root, job, "id_tokens", 0));
            foreach (var handoff in ShellJobs.Handoffs(doc, name, variables, scripts, oidc))
            {
                yield return handoff;
            }
        }
    }

    /// <summary>A job's own key, else the first of its <c>extends</c> parents (a few levels) that has it.</summary>
    private static YamlNode? Lookup(YamlNode root, YamlNode job, string key, int depth)
    {
        if (job[key] is { } own)
        {
            return own;
        }

        if (depth >= MaxExtendsDepth)
        {
            return null;
        }

        foreach (var parent in YamlNode.ItemsOrSelf(job["extends"]).Take(MaxParents))
        {
            if (parent.IsScalar && root[parent.Value] is { IsMap: true } template && template != job
                && Lookup(root, template, key, depth + 1) is { } inherited)
            {
                return inherited;
            }
        }

        return null;
    }

    /// <summary>Keys a job inherits from <c>default:</c> and, for scripts, from the global keyword.</summary>
    private static YamlNode? Inherited(YamlNode root, YamlNode job, string key) =>
        Lookup(root, job, key, 0) ?? root["default"]?[key] ?? (key == "script" ? null : root[key]);

    /// <summary>No tags (GitLab.com's shared runners take untagged jobs) or only <c>saas-*</c> hosted-runner tags.</summary>
    private static bool OnHostedRunner(YamlNode root, YamlNode job)
    {
        var tags = Lookup(root, job, "tags", 0) ?? root["default"]?["tags"];
        return YamlNode.ItemsOrSelf(tags).All(t => t.IsScalar && (t.Value.Length == 0 || t.Value.StartsWith("saas-", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Script scalars; GitLab flattens nested lists (from anchors) one level, and a
    /// <c>!reference [.job, key]</c> item stands for that list (not followed further).
    /// </summary>
    private static IEnumerable<YamlNode> ScriptLines(YamlNode root, YamlNode? script)
    {
        foreach (var item in YamlNode.ItemsOrSelf(script))
        {
            var lines = item.Tag == "reference" ? Referenced(root, item) : item.Tag == null ? item : null;
            foreach (var line in YamlNode.ItemsOrSelf(lines))
            {
                if (line.IsScalar && line.Tag == null)
                {
                    yield return line;
                }
            }
        }
    }

    private static YamlNode? Referenced(YamlNode root, YamlNode reference)
    {
        YamlNode? node = root;
        foreach (var step in reference.Items)
        {
            node = step.IsScalar ? node?[step.Value] : null;
        }

        return node is { IsSequence: true } or { IsScalar: true } ? node : null;
    }

    /// <summary><c>id_tokens</c> with an audience of <c>npm:registry.npmjs.org</c>.</summary>
    private static bool HasNpmIdToken(YamlNode? idTokens) =>
        idTokens is { IsMap: true } && idTokens.Entries.Any(e => YamlNode.ItemsOrSelf(e.Value["aud"]).Any(a => a.IsScalar && a.Value.StartsWith("npm:", StringComparison.Ordinal)));
}
