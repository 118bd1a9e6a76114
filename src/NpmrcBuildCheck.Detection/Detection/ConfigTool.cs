namespace NpmrcBuildCheck.Detection;

/// <summary>The tool whose config file a setting is in: it decides how a fix is worded.</summary>
internal enum ConfigTool
{
    /// <summary><c>.npmrc</c> (npm, pnpm, Yarn 1 too).</summary>
    Npm,

    /// <summary>Yarn 1 <c>.yarnrc</c>.</summary>
    YarnClassic,

    /// <summary>Yarn 2+ <c>.yarnrc.yml</c>.</summary>
    YarnBerry,

    /// <summary><c>bunfig.toml</c>.</summary>
    Bun,
}
