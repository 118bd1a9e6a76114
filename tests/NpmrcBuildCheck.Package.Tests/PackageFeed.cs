using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>
/// Packs the real package once per test run, with a unique version, into a local folder feed,
/// and gives the run its own NuGet packages folder: nothing from an earlier run or the
/// machine's cache is reused.
/// </summary>
[TestClass]
public static class PackageFeed
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string WorkDirectory { get; private set; } = string.Empty;

    public static string FeedDirectory => Path.Combine(WorkDirectory, "feed");

    public static string PackagesDirectory => Path.Combine(WorkDirectory, "packages");

    public static string Version { get; private set; } = string.Empty;

    [AssemblyInitialize]
    public static void Pack(TestContext context)
    {
        Version = "1.0.0-dev." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
        WorkDirectory = Path.Combine(Path.GetTempPath(), "NpmrcBuildCheck.Package.Tests", Version);
        Directory.CreateDirectory(FeedDirectory);
        using var exclusive = RepositoryBuildLock();
        var result = DotNet.Run(
            RepositoryRoot,
            environment: null,
            isolatedPackages: false,
            "pack", Path.Combine(RepositoryRoot, "nuget", "NpmrcBuildCheck.csproj"),
            "-c", "Release", "-o", FeedDirectory, $"-p:NpmrcBuildCheckPackageVersion={Version}", "-nodeReuse:false");
        Assert.AreEqual(0, result.ExitCode, result.Output);
        Assert.IsTrue(File.Exists(Path.Combine(FeedDirectory, $"NpmrcBuildCheck.{Version}.nupkg")), result.Output);
    }

    /// <summary>
    /// Held while a test run builds the repository's own projects (a pack): `dotnet test` runs
    /// the test projects in parallel, and two packs at once would write the same Release folders.
    /// </summary>
    public static IDisposable RepositoryBuildLock()
    {
        string path = Path.Combine(Path.GetTempPath(), "NpmrcBuildCheck.build-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(RepositoryRoot))).Substring(0, 16) + ".lock");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromMinutes(20))
            {
                System.Threading.Thread.Sleep(500);
            }
        }
    }

    [AssemblyCleanup]
    public static void Cleanup()
    {
        if (Environment.GetEnvironmentVariable("NPMRCBUILDCHECK_KEEP_TEST_FILES") is null)
        {
            try
            {
                Directory.Delete(WorkDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (directory.EnumerateFiles("NpmrcBuildCheck.sln").Any())
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (NpmrcBuildCheck.sln) was not found above " + AppContext.BaseDirectory);
    }
}
