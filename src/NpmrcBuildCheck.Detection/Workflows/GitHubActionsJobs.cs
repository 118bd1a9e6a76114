using System;
using System.Collections.Generic;
using System.Linq;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Workflows;

/// <summary>
/// GitHub Actions: jobs on GitHub-hosted runners whose steps publish to the public registry with a
/// token from <c>secrets</c> or <c>vars</c> (in <c>env</c> at workflow, job or step level, an action
/// input, or a script line).
/// </summary>
internal static class GitHubActionsJobs
{
    public static IEnumerable<TokenHandoff> Handoffs(YamlNode root, DecodedText doc)
    {
        if (root["jobs"] is not { IsMap: true } jobs)
        {
            yield break;
        }

        foreach (var job in jobs.Entries)
        {
            if (!job.Value.IsMap || job.Value["uses"] != null || !RunsOnGitHubHostedRunner(job.Value))
            {
                continue;
            }

            foreach (var handoff in InJob(root, job.Key.Value, job.Value, doc))
            {
                yield return handoff;
            }
        }
    }

    private static IEnumerable<TokenHandoff> InJob(YamlNode root, string name, YamlNode job, DecodedText doc)
    {
        bool oidc = HasIdTokenWrite(job["permissions"] ?? root["permissions"]);
        var registry = RegistryKind.Public;
        foreach (var env in new[] { root["env"], job["env"] })
        {
            if ((env?.Text("NPM_CONFIG_REGISTRY") ?? env?.Text("npm_config_registry")) is string url)
            {
                registry = ShellCommands.Classify(url);
            }
        }

        var earlierScripts = new List<YamlNode>();
        foreach (var step in YamlNode.ItemsOrSelf(job["steps"]).Where(s => s.IsMap))
        {
            string uses = (step.Text("uses") ?? string.Empty).ToLowerInvariant();
            var with = step["with"];
            var run = step["run"] is { IsScalar: true } r ? r : null;
            if (uses.StartsWith("actions/setup-node", StringComparison.Ordinal) && with?.Text("registry-url") is string setupRegistry)
            {
                registry = ShellCommands.Classify(setupRegistry);
            }

            var stepRegistry = registry;
            if (run != null)
            {
                foreach (string url in ShellCommands.ConfiguredRegistries(run.Value))
                {
                    registry = stepRegistry = ShellCommands.Classify(url);
                }
            }

            if (step["env"]?.Text("NPM_CONFIG_REGISTRY") is string stepUrl)
            {
                stepRegistry = ShellCommands.Classify(stepUrl);
            }

            bool publishes = false;
            KeyValuePair<YamlNode, YamlNode>? tokenInput = null;
            if (run != null && ShellCommands.Publishes(run.Value, out string? commandRegistry))
            {
                publishes = true;
                stepRegistry = commandRegistry != null ? ShellCommands.Classify(commandRegistry) : stepRegistry;
            }
            else if (uses.StartsWith("js-devtools/npm-publish", StringComparison.Ordinal))
            {
                publishes = true;
                stepRegistry = ShellCommands.Classify(with?.Text("registry"));
                tokenInput = with?.Entry("token");
            }
            else if (uses.StartsWith("changesets/action", StringComparison.Ordinal) && with?["publish"] is { IsScalar: true } publishScript)
            {
                publishes = publishScript.Value.Trim().Length > 0;
            }
            else if (uses.StartsWith("cycjimmy/semantic-release-action", StringComparison.Ordinal))
            {
                publishes = true;
            }

            if (run != null)
            {
                earlierScripts.Add(run);
            }

            if (!publishes || stepRegistry != RegistryKind.Public)
            {
                continue;
            }

            if (tokenInput is { } input && SecretReference(input.Value) is string inputSource)
            {
                yield return TokenHandoff.AtEntry(name, input, inputSource, oidc);
            }

            foreach (var entry in EffectiveTokenEntries(root["env"], job["env"], step["env"]))
            {
                if (SecretReference(entry.Value) is string source)
                {
                    yield return TokenHandoff.AtEntry(name, entry, source, oidc);
                }
            }

            foreach (var script in earlierScripts)
            {
                foreach (var handoff in TokenHandoff.InScript(doc, name, script, "run", oidc, HandsSecretToNpm))
                {
                    yield return handoff;
                }
            }
        }
    }

    /// <summary>A CI expression naming a secret or variable in a line that gives it to npm.</summary>
    private static bool HandsSecretToNpm(VariableReference reference, string line) =>
        reference.IsCiExpression && !ShellCommands.IsReadOnlyName(reference.Name) && reference.Name != "GITHUB_TOKEN"
        && (ShellCommands.IsPublishTokenName(reference.Name) || line.IndexOf("authToken", StringComparison.OrdinalIgnoreCase) >= 0
            || line.IndexOf("AUTH_TOKEN", StringComparison.OrdinalIgnoreCase) >= 0 || line.IndexOf("NPM_TOKEN", StringComparison.OrdinalIgnoreCase) >= 0);

    /// <summary>For each token variable, its innermost definition: a step's <c>env</c> wins over the job's, which wins over the workflow's.</summary>
    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> EffectiveTokenEntries(params YamlNode?[] scopes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = scopes.Length - 1; i >= 0; i--)
        {
            if (scopes[i] is not { IsMap: true } env)
            {
                continue;
            }

            foreach (var entry in env.Entries)
            {
                if (entry.Key.IsScalar && ShellCommands.IsPublishTokenName(entry.Key.Value) && seen.Add(entry.Key.Value))
                {
                    yield return entry;
                }
            }
        }
    }

    /// <summary>The <c>${{ secrets.X }}</c> or <c>${{ vars.X }}</c> a value reads (not a read-only or GitHub token), or null.</summary>
    private static string? SecretReference(YamlNode value)
    {
        if (!value.IsScalar)
        {
            return null;
        }

        foreach (var reference in ShellCommands.References(value.Value))
        {
            if (reference.IsCiExpression && !ShellCommands.IsReadOnlyName(reference.Name) && reference.Name != "GITHUB_TOKEN")
            {
                return value.Value.Substring(reference.Start, reference.End - reference.Start);
            }
        }

        return null;
    }

    /// <summary><c>permissions: write-all</c> or a map with <c>id-token: write</c>.</summary>
    private static bool HasIdTokenWrite(YamlNode? permissions) =>
        permissions != null && (permissions.IsScalar ? permissions.Value == "write-all" : permissions.Text("id-token") == "write");

    /// <summary>
    /// <c>runs-on</c> names only standard GitHub-hosted labels (<c>ubuntu-*</c>, <c>windows-*</c>,
    /// <c>macos-*</c>), directly or through a <c>${{ matrix.X }}</c> list. Runner groups, larger-runner
    /// and self-hosted labels, and other expressions are not known to be GitHub-hosted.
    /// </summary>
    private static bool RunsOnGitHubHostedRunner(YamlNode job)
    {
        var runsOn = job["runs-on"];
        if (runsOn is { IsMap: true })
        {
            runsOn = runsOn["group"] == null ? runsOn["labels"] : null;
        }

        var labels = YamlNode.ItemsOrSelf(runsOn).ToList();
        if (labels.Count == 0)
        {
            return false;
        }

        foreach (var label in labels)
        {
            if (!label.IsScalar)
            {
                return false;
            }

            string value = label.Value.Trim();
            if (value.StartsWith("${{", StringComparison.Ordinal) && value.EndsWith("}}", StringComparison.Ordinal))
            {
                string expression = value.Substring(3, value.Length - 5).Trim();
                var matrix = job["strategy"]?["matrix"];
                if (!expression.StartsWith("matrix.", StringComparison.Ordinal) || matrix is not { IsMap: true }
                    || matrix[expression.Substring("matrix.".Length)] is not { } values || matrix["include"] != null)
                {
                    return false;
                }

                if (!YamlNode.ItemsOrSelf(values).All(v => v.IsScalar && IsHostedLabel(v.Value)))
                {
                    return false;
                }
            }
            else if (!IsHostedLabel(value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHostedLabel(string label)
    {
        label = label.Trim().ToLowerInvariant();
        return label.StartsWith("ubuntu-", StringComparison.Ordinal) || label.StartsWith("windows-", StringComparison.Ordinal) || label.StartsWith("macos-", StringComparison.Ordinal);
    }
}
