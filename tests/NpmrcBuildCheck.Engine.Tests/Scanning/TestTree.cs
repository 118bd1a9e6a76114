using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Scanning;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Engine.Tests.Scanning;

/// <summary>A temporary folder tree for scanner tests; deleted on dispose.</summary>
internal sealed class TestTree : IDisposable
{
    public TestTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "npmrc-walk-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>A fake opaque token (from FakeTokens only).</summary>
    public static string Token(int seed = 1) => FakeTokens.Opaque(seed);

    /// <summary>An .npmrc body with a literal scoped auth token: NPMRC001 for every detector.</summary>
    public static string NpmrcWithToken(int seed = 1) => "//registry.npmjs.org/:_authToken=" + Token(seed) + "\n";

    public string Write(string relativePath, string content) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(content));

    public string WriteBytes(string relativePath, byte[] content)
    {
        string path = Full(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Full(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public ScanResult Scan(Func<ScanOptions, ScanOptions>? configure = null) =>
        TreeScanner.Scan(configure is null ? new ScanOptions(Root) : configure(new ScanOptions(Root)));

    public static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    public static bool IsRoot => !IsWindows && Environment.UserName == "root";

    public static string Run(string workingDirectory, string file, params string[] args) =>
        RunWithEnvironment(workingDirectory, new Dictionary<string, string>(), file, args);

    public static string RunWithEnvironment(string workingDirectory, IDictionary<string, string> environment, string file, params string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        foreach (var pair in environment)
        {
            info.Environment[pair.Key] = pair.Value;
        }

        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(" ", args)} failed ({process.ExitCode}): {error}");
        }

        return output;
    }

    public static bool HasGit()
    {
        try
        {
            Run(Path.GetTempPath(), "git", "--version");
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    public string Git(params string[] args) => Run(Root, "git", args);

    public void GitInit()
    {
        if (!HasGit())
        {
            Assert.Inconclusive("git is not installed");
        }

        Git("init", "-q");
        Git("config", "user.email", "test@example.invalid");
        Git("config", "user.name", "test");
        Git("config", "core.autocrlf", "false");
    }

    public static string[] Codes(ScanResult result) => result.Findings.Select(f => f.Rule.Code + " " + f.Path).ToArray();

    public static IEnumerable<Finding> Of(ScanResult result, string code) => result.Findings.Where(f => f.Rule.Code == code);

    public void Dispose()
    {
        try
        {
            if (!IsWindows)
            {
                Run(Path.GetTempPath(), "chmod", "-R", "u+rwx", Root);
            }

            if (IsWindows)
            {
                Directory.Delete(Root, recursive: true);
            }
            else
            {
                Run(Path.GetTempPath(), "rm", "-rf", Root);
            }
        }
        catch (Exception)
        {
            // Leave it to the OS temp cleaner.
        }
    }
}
