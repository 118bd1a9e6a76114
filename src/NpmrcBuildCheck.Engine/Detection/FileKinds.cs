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

    public static bool IsConfig(FileKind kind) =>
        kind is FileKind.Npmrc or FileKind.Yarnrc or FileKind.YarnrcYml or FileKind.Bunfig;
}
