using System.Linq;
using System.Reflection;

namespace NpmrcBuildCheck.Tool;

internal static class ToolInfo
{
    public const string CommandName = "npmrc-buildcheck";

    /// <summary>The package version (from version.props), as <c>--version</c> prints it and SARIF records it.</summary>
    public static string Version { get; } =
        (typeof(ToolInfo).Assembly.GetCustomAttributes<AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];
}
