using System;

namespace NpmrcBuildCheck.Detection;

public static class FileKinds
{
    /// <summary>Longest names first, so <c>.yarnrc.yml.bak</c> is a .yarnrc.yml copy, not a .yarnrc one.</summary>
    private static readonly (string Name, FileKind Kind)[] CopyPatterns =
    {
        (".yarnrc.yaml", FileKind.YarnrcYml),
        (".yarnrc.yml", FileKind.YarnrcYml),
        (".bunfig.toml", FileKind.Bunfig),
        ("bunfig.toml", FileKind.Bunfig),
        (".yarnrc", FileKind.Yarnrc),
        (".npmrc", FileKind.Npmrc),
    };

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

        return CopyOf(fileName) ?? FileKind.Text;
    }

    /// <summary>
    /// True for a copy of a config file that no tool reads: <c>.npmrc.example</c>, <c>.npmrc.bak</c>,
    /// <c>project.npmrc</c>, <c>.yarnrc.yml.template</c>, <c>bunfig.toml.orig</c>… Its credentials are
    /// leaks like any other, but its settings have no effect, so settings rules do not apply to it.
    /// </summary>
    public static bool IsConfigCopy(string fileName) => !IsRead(fileName) && CopyOf(fileName) != null;

    /// <summary>
    /// The config kind of a name that is a config file's name in another case (<c>.NPMRC</c>, read on
    /// Windows and macOS) or a copy's: editors, templates and backups keep copies such as
    /// <c>.npmrc.bak</c> or <c>project.npmrc</c>, with the same syntax and the same secrets. Null for other names.
    /// </summary>
    private static FileKind? CopyOf(string fileName)
    {
        foreach (var (name, kind) in CopyPatterns)
        {
            if ((fileName.Length > name.Length && fileName[name.Length] == '.' && fileName.StartsWith(name, StringComparison.OrdinalIgnoreCase))
                || fileName.EndsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The names the tools read (in any case: Windows and macOS file systems ignore it).</summary>
    private static bool IsRead(string fileName) =>
        fileName.ToLowerInvariant() is ".npmrc" or "npmrc" or ".yarnrc" or ".yarnrc.yml" or ".yarnrc.yaml" or "bunfig.toml" or ".bunfig.toml";

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
