using System;

namespace NpmrcBuildCheck.Workflows;

internal enum CiProvider
{
    GitHubActions,
    GitLab,
    CircleCi,
}

/// <summary>Which CI files the trusted-publishing rule reads, by their path relative to the scan root.</summary>
internal static class CiFiles
{
    /// <summary>
    /// <c>.github/workflows/*.yml|yaml</c> (GitHub reads no subfolder), <c>.gitlab-ci.yml</c> and the
    /// local files it usually includes (<c>*.gitlab-ci.yml</c>, <c>.gitlab/ci/**.yml</c>),
    /// <c>.circleci/config.yml</c>; null for any other file.
    /// </summary>
    public static CiProvider? Classify(string? relativePath)
    {
        if (relativePath == null || !(relativePath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || relativePath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        string path = "/" + relativePath.Replace('\\', '/');
        int slash = path.LastIndexOf('/');
        string folder = path.Substring(0, slash + 1);
        string name = path.Substring(slash + 1);
        if (folder.EndsWith("/.github/workflows/", StringComparison.Ordinal))
        {
            return CiProvider.GitHubActions;
        }

        if (name.StartsWith("config.", StringComparison.Ordinal) && folder.EndsWith("/.circleci/", StringComparison.Ordinal))
        {
            return CiProvider.CircleCi;
        }

        if (name.EndsWith(".gitlab-ci.yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".gitlab-ci.yaml", StringComparison.OrdinalIgnoreCase)
            || folder.IndexOf("/.gitlab/ci/", StringComparison.Ordinal) >= 0)
        {
            return CiProvider.GitLab;
        }

        return null;
    }
}
