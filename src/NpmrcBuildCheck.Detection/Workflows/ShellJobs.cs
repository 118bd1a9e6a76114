using System.Collections.Generic;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Workflows;

/// <summary>
/// What GitLab CI/CD and CircleCI jobs share: shell scripts that publish, and a token that reaches
/// them as a project or context variable, named in an environment entry or a script line.
/// </summary>
internal static class ShellJobs
{
    /// <summary>True when a script publishes while the registry its earlier lines configure is the public one.</summary>
    public static bool PublishesToPublicRegistry(IEnumerable<YamlNode> scripts, RegistryKind registry)
    {
        foreach (var script in scripts)
        {
            foreach (string url in ShellCommands.ConfiguredRegistries(script.Value))
            {
                registry = ShellCommands.Classify(url);
            }

            if (ShellCommands.Publishes(script.Value, out string? commandRegistry)
                && (commandRegistry != null ? ShellCommands.Classify(commandRegistry) : registry) == RegistryKind.Public)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The registry an environment map sets with <c>NPM_CONFIG_REGISTRY</c>, else <paramref name="registry"/>.</summary>
    public static RegistryKind RegistryFrom(YamlNode? env, RegistryKind registry)
    {
        var url = env?["NPM_CONFIG_REGISTRY"] ?? env?["npm_config_registry"];
        url = url is { IsMap: true } ? url["value"] : url;
        return url is { IsScalar: true } ? ShellCommands.Classify(url.Value) : registry;
    }

    /// <summary>Token variables set from another variable in <paramref name="envScopes"/>, and token variables named in <paramref name="scripts"/>.</summary>
    public static IEnumerable<TokenHandoff> Handoffs(DecodedText doc, string job, IEnumerable<YamlNode?> envScopes, IEnumerable<YamlNode> scripts, bool oidc)
    {
        foreach (var env in envScopes)
        {
            if (env is not { IsMap: true })
            {
                continue;
            }

            foreach (var entry in env.Entries)
            {
                var value = entry.Value is { IsMap: true } ? entry.Value["value"] : entry.Value;
                if (entry.Key.IsScalar && ShellCommands.IsPublishTokenName(entry.Key.Value) && value is { IsScalar: true })
                {
                    foreach (var reference in ShellCommands.References(value.Value))
                    {
                        if (!reference.IsCiExpression)
                        {
                            yield return TokenHandoff.AtEntry(job, entry, value.Value.Substring(reference.Start, reference.End - reference.Start), oidc);
                            break;
                        }
                    }
                }
            }
        }

        foreach (var script in scripts)
        {
            foreach (var handoff in TokenHandoff.InScript(doc, job, script, "script", oidc, (r, _) => !r.IsCiExpression && ShellCommands.IsPublishTokenName(r.Name)))
            {
                yield return handoff;
            }
        }
    }
}
