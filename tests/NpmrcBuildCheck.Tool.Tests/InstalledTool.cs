using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Package.Tests;

namespace NpmrcBuildCheck.Tool.Tests;

/// <summary>
/// The tool as users get it: `dotnet pack -c Release -o DIR` at the repository root (which must
/// give the tool package next to the MSBuild package, same version), then `dotnet tool install
/// --tool-path` from that folder alone, into the run's own packages folder. Done once per run.
/// </summary>
internal static class InstalledTool
{
    private static readonly Lazy<string> Executable = new(PackAndInstall);

    public static string Version => PackageFeed.Version;

    /// <summary>The folder feed that holds both packages of this run (the tool once it is packed).</summary>
    public static string Feed
    {
        get
        {
            _ = Executable.Value;
            return PackageFeed.FeedDirectory;
        }
    }

    /// <summary>Runs the installed tool.</summary>
    public static ProcessRunner.Result Run(string workingDirectory, params string[] arguments) =>
        ProcessRunner.Run(Executable.Value, workingDirectory, DotNet.Environment(null, isolatedPackages: true), arguments);

    private static string PackAndInstall()
    {
        string output = Path.Combine(PackageFeed.WorkDirectory, "root-pack");
        var pack = DotNet.Run(PackageFeed.RepositoryRoot, null, false, "pack", "-c", "Release", "-o", output, $"-p:NpmrcBuildCheckPackageVersion={Version}", "-nodeReuse:false");
        Assert.AreEqual(0, pack.ExitCode, pack.Output);
        foreach (var package in new[] { $"NpmrcBuildCheck.{Version}.nupkg", $"NpmrcBuildCheck.Tool.{Version}.nupkg" })
        {
            Assert.IsTrue(File.Exists(Path.Combine(output, package)), $"dotnet pack at the repository root did not write {package}:\n{pack.Output}");
        }

        File.Copy(Path.Combine(output, $"NpmrcBuildCheck.Tool.{Version}.nupkg"), Path.Combine(PackageFeed.FeedDirectory, $"NpmrcBuildCheck.Tool.{Version}.nupkg"), overwrite: true);
        var installer = Consumer.Create("tool-install");
        string toolPath = Path.Combine(PackageFeed.WorkDirectory, "tools");
        var install = DotNet.Run(installer.Directory, "tool", "install", "NpmrcBuildCheck.Tool", "--version", Version, "--tool-path", toolPath, "--configfile", installer.PathOf("nuget.config"));
        Assert.AreEqual(0, install.ExitCode, install.Output);
        string executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "npmrc-buildcheck.exe" : "npmrc-buildcheck");
        Assert.IsTrue(File.Exists(executable), install.Output);
        return executable;
    }
}
