namespace NpmrcBuildCheck.Detection;

/// <summary>Which reader a file goes to.</summary>
public enum FileKind
{
    /// <summary><c>.npmrc</c> (any folder), also <c>npmrc</c> without the dot (vendored Node trees).</summary>
    Npmrc,

    /// <summary>Yarn classic <c>.yarnrc</c>.</summary>
    Yarnrc,

    /// <summary>Yarn Berry <c>.yarnrc.yml</c>.</summary>
    YarnrcYml,

    /// <summary><c>bunfig.toml</c> / <c>.bunfig.toml</c>.</summary>
    Bunfig,

    /// <summary><c>package-lock.json</c>, <c>npm-shrinkwrap.json</c>, <c>yarn.lock</c>, <c>pnpm-lock.yaml</c>, <c>bun.lock</c>.</summary>
    Lockfile,

    /// <summary>Any other text file.</summary>
    Text,
}
