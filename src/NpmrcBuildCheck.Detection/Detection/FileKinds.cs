using System;

namespace NpmrcBuildCheck.Detection;

public static class FileKinds
{
    /// <summary>Classifies a file by its name (not its path).</summary>
    public static FileKind Classify(string fileName)
    {
        switch (fileName)
        {
            case ".npmrc":
            case "npmrc":
                return FileKind.Npmrc;
            case ".yarnrc":
                return FileKind.Yarnrc;
            case ".yarnrc.yml":
            case ".yarnrc.yaml":
                return FileKind.YarnrcYml;
            case "bunfig.toml":
            case ".bunfig.toml":
                return FileKind.Bunfig;
            case "package-lock.json":
            case "npm-shrinkwrap.json":
            case "yarn.lock":
            case "pnpm-lock.yaml":
            case "bun.lock":
                return FileKind.Lockfile;
        }

        // Editors and tools keep copies such as ".npmrc.bak" or "project.npmrc": same syntax, same secrets.
        if (fileName.EndsWith(".npmrc", StringComparison.OrdinalIgnoreCase) || fileName.StartsWith(".npmrc.", StringComparison.OrdinalIgnoreCase))
        {
            return FileKind.Npmrc;
        }

        return FileKind.Text;
    }

    /// <summary>
    /// Prose documentation (Markdown, reStructuredText, AsciiDoc). Its <c>NPM_TOKEN=…</c> lines are
    /// examples far more often than leaks, so only checksum-valid npm tokens count there.
    /// </summary>
    public static bool IsDocumentation(string relativePath)
    {
        int dot = relativePath.LastIndexOf('.');
        if (dot < 0 || dot < relativePath.LastIndexOf('/'))
        {
            return false;
        }

        switch (relativePath.Substring(dot + 1).ToLowerInvariant())
        {
            case "md":
            case "markdown":
            case "mdx":
            case "rst":
            case "adoc":
            case "asciidoc":
                return true;
            default:
                return false;
        }
    }

    public static bool IsConfig(FileKind kind) =>
        kind is FileKind.Npmrc or FileKind.Yarnrc or FileKind.YarnrcYml or FileKind.Bunfig;
}
