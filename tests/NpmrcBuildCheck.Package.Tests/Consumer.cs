using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>
/// A throw-away consumer repository in a temp folder: a nuget.config with only the local
/// feed, and one or more projects referencing the package as a user would.
/// </summary>
internal sealed class Consumer
{
    private Consumer(string directory) => Directory = directory;

    public string Directory { get; }

    public static Consumer Create(string name)
    {
        string directory = Path.Combine(PackageFeed.WorkDirectory, "consumers", name + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        System.IO.Directory.CreateDirectory(directory);
        var consumer = new Consumer(directory);
        consumer.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{PackageFeed.FeedDirectory}" />
              </packageSources>
            </configuration>
            """);
        return consumer;
    }

    /// <summary>A consumer with one net10.0 class library, <c>App.csproj</c>, at its root.</summary>
    public static Consumer WithProject(string name, string extraProperties = "", string extraItems = "")
    {
        var consumer = Create(name);
        consumer.AddProject("App.csproj", extraProperties, extraItems);
        return consumer;
    }

    /// <summary>Makes every project scan the whole repository (a shared root), as a monorepo's Directory.Build.props does.</summary>
    public void ShareRoot() => Write("Directory.Build.props", """
        <Project>
          <PropertyGroup>
            <NpmrcBuildCheckRoot>$(MSBuildThisFileDirectory)</NpmrcBuildCheckRoot>
          </PropertyGroup>
        </Project>
        """);

    public string AddProject(string relativePath, string extraProperties = "", string extraItems = "", string targetFrameworks = "net10.0")
    {
        string frameworks = targetFrameworks.Contains(';')
            ? $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>"
            : $"<TargetFramework>{targetFrameworks}</TargetFramework>";
        Write(relativePath, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {frameworks}
                <EnableDefaultCompileItems>true</EnableDefaultCompileItems>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="NpmrcBuildCheck" Version="{PackageFeed.Version}" PrivateAssets="all" />
                {extraItems}
              </ItemGroup>
            </Project>
            """);
        return Path.Combine(Directory, relativePath);
    }

    public string Write(string relativePath, string content)
    {
        string path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>
    /// Adds the machine's NuGet packages folder as a second local feed, for consumers that need
    /// packages the SDK does not bundle (NETStandard.Library for a netstandard2.0 target). Offline.
    /// </summary>
    public void UseMachinePackagesAsFeed()
    {
        string machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string config = File.ReadAllText(PathOf("nuget.config"));
        Write("nuget.config", config.Replace("</packageSources>", $"  <add key=\"machine\" value=\"{machinePackages}\" />\n  </packageSources>"));
    }

    public string RelativePath(string fullPath) =>
        Path.GetRelativePath(Directory, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Runs <c>dotnet build</c> in the consumer's folder (console logger, normal verbosity).</summary>
    public BuildOutput Build(params string[] arguments) => Run("build", arguments);

    public BuildOutput Run(string command, params string[] arguments) => Run(command, null, arguments);

    public BuildOutput Run(string command, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var all = new List<string> { command, "-nodeReuse:false", "-tl:off", "-v:n", "-clp:NoSummary" };
        all.AddRange(arguments);
        var result = DotNet.Run(Directory, environment, true, all.ToArray());
        return new BuildOutput(result.ExitCode, result.Output, Diagnostic.Parse(result.Output));
    }

    /// <summary>True when any file the build wrote (binlogs decompressed) holds <paramref name="secret"/>.</summary>
    public IReadOnlyList<string> FilesContaining(string secret, params string[] exceptRelativePaths)
    {
        var except = new HashSet<string>(exceptRelativePaths.Select(PathOf));
        var needle = Encoding.UTF8.GetBytes(secret);
        var needleUtf16 = Encoding.Unicode.GetBytes(secret);
        var found = new List<string>();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories))
        {
            if (except.Contains(file))
            {
                continue;
            }

            byte[] bytes = file.EndsWith(".binlog", StringComparison.Ordinal) ? Decompress(file) : File.ReadAllBytes(file);
            if (bytes.AsSpan().IndexOf(needle) >= 0 || bytes.AsSpan().IndexOf(needleUtf16) >= 0)
            {
                found.Add(file);
            }
        }

        return found;
    }

    private static byte[] Decompress(string binlog)
    {
        using var input = File.OpenRead(binlog);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}

/// <summary>What a build printed and returned.</summary>
internal sealed record BuildOutput(int ExitCode, string Output, IReadOnlyList<Diagnostic> Diagnostics)
{
    public IReadOnlyList<Diagnostic> Ours => Diagnostics.Where(d => d.Code.StartsWith("NPMRC", StringComparison.Ordinal)).ToList();

    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
