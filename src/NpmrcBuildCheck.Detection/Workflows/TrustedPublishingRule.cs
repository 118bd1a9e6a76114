using NpmrcBuildCheck.Findings;
using System.Collections.Generic;
using NpmrcBuildCheck.Detection;
using NpmrcBuildCheck.Rules;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Workflows;

/// <summary>
/// NPMRC012: a CI job publishes to the public npm registry with a stored token where trusted
/// publishing (OIDC) would work. Reported once per place that hands the token over.
/// </summary>
internal static class TrustedPublishingRule
{
    public static void Check(CiProvider provider, DecodedText doc, FindingSink sink)
    {
        if (!ShellCommands.MayPublish(doc.Text) || YamlReader.Read(doc) is not { IsMap: true } root)
        {
            return;
        }

        var handoffs = provider switch
        {
            CiProvider.GitHubActions => GitHubActionsJobs.Handoffs(root, doc),
            CiProvider.GitLab => GitLabCiJobs.Handoffs(root, doc),
            _ => CircleCiJobs.Handoffs(root, doc),
        };

        var reported = new HashSet<(int, int)>();
        foreach (var h in handoffs)
        {
            if (reported.Add((h.Line, h.Column)))
            {
                sink.Add(RuleCatalog.TrustedPublishingAvailable, h.Line, h.Column, h.EndColumn, h.Key,
                    $"trusted-publishing:{provider}:{h.Job}:{h.Key}:{h.Source}", string.Empty,
                    new FindingMessage(MessageKind.TrustedPublishing, provider.ToString(), h.HasOidc ? "oidc" : string.Empty, h.Job, h.Key, h.Source));
            }
        }
    }
}
