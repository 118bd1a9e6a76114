using System;
using System.Collections.Generic;
using System.Linq;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Workflows;

/// <summary>
/// CircleCI: jobs on cloud executors (docker, machine, macos, or an orb executor; a
/// <c>resource_class</c> of the form <c>namespace/name</c> is a self-hosted runner) whose
/// <c>run</c> steps publish to the public registry and name a token variable from a project or
/// context (<c>$NPM_TOKEN</c>), in a command or an <c>environment</c> entry.
/// </summary>
internal static class CircleCiJobs
{
    public static IEnumerable<TokenHandoff> Handoffs(YamlNode root, DecodedText doc)
    {
        if (root["jobs"] is not { IsMap: true } jobs)
        {
            yield break;
        }

        foreach (var entry in jobs.Entries)
        {
            var job = entry.Value;
            var executor = ExecutorOf(root, job);
            if (!job.IsMap || !OnCloud(job, executor))
            {
                continue;
            }

            var envScopes = new List<YamlNode?> { executor?["environment"], job["environment"] };
            var scripts = new List<YamlNode>();
            foreach (var step in YamlNode.ItemsOrSelf(job["steps"]))
            {
                var run = step.IsMap ? step["run"] ?? step["deploy"] : null; // "deploy" is CircleCI 2.0's older name of a run step
                if (run is { IsMap: true })
                {
                    envScopes.Add(run["environment"]);
                    run = run["command"];
                }

                if (run is { IsScalar: true })
                {
                    scripts.Add(run);
                }
            }

            var registry = envScopes.Aggregate(RegistryKind.Public, (r, v) => ShellJobs.RegistryFrom(v, r));
            if (!ShellJobs.PublishesToPublicRegistry(scripts, registry))
            {
                continue;
            }

            bool oidc = scripts.Any(s => s.Value.IndexOf("circleci run oidc", StringComparison.Ordinal) >= 0 || s.Value.IndexOf("NPM_ID_TOKEN", StringComparison.Ordinal) >= 0);
            foreach (var handoff in ShellJobs.Handoffs(doc, entry.Key.Value, envScopes, scripts, oidc))
            {
                yield return handoff;
            }
        }
    }

    /// <summary>The job's executor definition from <c>executors:</c>, if it names one there.</summary>
    private static YamlNode? ExecutorOf(YamlNode root, YamlNode job)
    {
        var executor = job["executor"];
        string? name = executor is { IsMap: true } ? executor.Text("name") : executor?.IsScalar == true ? executor.Value : null;
        return name != null && root["executors"]?[name] is { IsMap: true } definition ? definition : null;
    }

    private static bool OnCloud(YamlNode job, YamlNode? executor)
    {
        string? resourceClass = job.Text("resource_class") ?? executor?.Text("resource_class");
        if (resourceClass != null && resourceClass.IndexOf('/') >= 0)
        {
            return false;
        }

        var definition = executor ?? job;
        bool orbExecutor = executor == null && (job["executor"] is { IsScalar: true } e ? e.Value : job["executor"]?.Text("name"))?.IndexOf('/') > 0;
        return orbExecutor || definition["docker"] != null || definition["machine"] != null || definition["macos"] != null;
    }
}
