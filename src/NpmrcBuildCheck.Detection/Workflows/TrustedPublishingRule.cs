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
                    $"trusted-publishing:{provider}:{h.Job}:{h.Key}:{h.Source}", string.Empty, Message(provider, h));
            }
        }
    }

    private static string Message(CiProvider provider, TokenHandoff h)
    {
        string where = provider switch
        {
            CiProvider.GitHubActions => "a GitHub-hosted runner",
            CiProvider.GitLab => "GitLab CI/CD (on GitLab.com shared runners)",
            _ => "CircleCI cloud",
        };

        string configure = provider switch
        {
            CiProvider.GitHubActions => h.HasOidc
                ? "The job already has permissions: id-token: write; add this workflow as the package's trusted publisher on npmjs.com"
                : "Add this workflow as the package's trusted publisher on npmjs.com, give the job permissions: id-token: write",
            CiProvider.GitLab => h.HasOidc
                ? "The job already requests an npm id_token; add this project as the package's trusted publisher on npmjs.com"
                : "Add this project as the package's trusted publisher on npmjs.com, add id_tokens: NPM_ID_TOKEN: aud: \"npm:registry.npmjs.org\" to the job",
            _ => h.HasOidc
                ? "The job already fetches an OIDC token; add this pipeline as the package's trusted publisher on npmjs.com"
                : "Add this pipeline as the package's trusted publisher on npmjs.com, set NPM_ID_TOKEN from circleci run oidc get --claims '{\"aud\": \"npm:registry.npmjs.org\"}' before publishing",
        };

        return $"Job '{h.Job}' publishes to the public npm registry with a stored long-lived token ({h.Key} from {h.Source}) on {where}, where npm trusted publishing (OIDC) works. "
            + $"{configure}, publish with npm CLI 11.5.1+ on Node 22.14+, then remove the token from the job and revoke it (npm token revoke <id>).";
    }
}
