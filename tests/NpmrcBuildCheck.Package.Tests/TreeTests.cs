using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>Real trees: hostile files, git-ignored and tracked files, incremental builds.</summary>
[TestClass]
public sealed class TreeTests
{
    [TestMethod]
    public void AHostileTreeBuildsWithoutHangOrCrashAndStillFindsTheLeaks()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("FIFOs and symbolic links are made with Unix tools here.");
        }

        var consumer = Consumer.WithProject("hostile");
        string token = FakeTokens.NpmToken(6006);
        consumer.Write("ClientApp/.npmrc", $"//registry.npmjs.org/:_authToken={token}\n");
        Directory.CreateDirectory(consumer.PathOf("ClientApp/pipes"));
        Run("mkfifo", consumer.PathOf("ClientApp/pipes/build.fifo"));
        Directory.CreateDirectory(consumer.PathOf("ClientApp/loop"));
        Run("ln", "-s", "..", consumer.PathOf("ClientApp/loop/parent"));
        Run("ln", "-s", consumer.PathOf("ClientApp/loop"), consumer.PathOf("ClientApp/loop/self"));
        string deep = string.Join("/", Enumerable.Range(0, 120).Select(i => "d" + i));
        consumer.Write($"ClientApp/deep/{deep}/.env", $"NPM_TOKEN={FakeTokens.NpmToken(6007)}\n");
        consumer.Write("ClientApp/dist/long-line.js", new string('x', 5 * 1024 * 1024) + $" \"{FakeTokens.NpmToken(6008)}\"\n");
        using (var huge = File.Create(consumer.PathOf("ClientApp/dist/huge.bin.js")))
        {
            huge.SetLength(100L * 1024 * 1024);
        }

        var binary = new byte[4096];
        new Random(1).NextBytes(binary);
        binary[10] = 0;
        Directory.CreateDirectory(consumer.PathOf("ClientApp/assets"));
        File.WriteAllBytes(consumer.PathOf("ClientApp/assets/logo.dat"), binary);

        var stopwatch = Stopwatch.StartNew();
        var build = consumer.Build();

        Assert.IsTrue(stopwatch.Elapsed < TimeSpan.FromMinutes(3), "the build took " + stopwatch.Elapsed);
        Assert.AreEqual(1, build.ExitCode, build.ToString());
        var codes = build.Ours.Select(d => (d.Code, Path.GetFileName(d.File))).ToList();
        CollectionAssert.Contains(codes, ("NPMRC001", ".npmrc"), string.Join("\n", build.Ours));
        CollectionAssert.Contains(codes, ("NPMRC003", ".env"), "the leak 120 folders down");
        CollectionAssert.Contains(codes, ("NPMRC003", "long-line.js"), "the leak at the end of a 5 MB line");
        CollectionAssert.Contains(codes, ("NPMRC900", "build.fifo"), "a FIFO is named, never opened");
        StringAssert.Contains(build.Output, "huge.bin.js", "an over-size file is named at message importance");
        Assert.IsFalse(build.Ours.Any(d => d.File.EndsWith("huge.bin.js", StringComparison.Ordinal) && d.Severity != "message"), build.ToString());
        Assert.IsFalse(build.Output.Contains("Unhandled exception") || build.Output.Contains("MSB4018"), build.ToString());
        Assert.IsFalse(build.Output.Contains(token), "the secret is printed");
    }

    [TestMethod]
    public void GitIgnoredAndTrackedFilesAreToldApart()
    {
        var consumer = Consumer.WithProject("git");
        string ignored = FakeTokens.NpmToken(7001);
        string tracked = FakeTokens.NpmToken(7002);
        consumer.Write(".gitignore", "bin/\nobj/\n.env.local\nClientApp/secrets/\n");
        consumer.Write(".env.local", $"NPM_TOKEN={ignored}\n");
        consumer.Write("ClientApp/secrets/.npmrc", $"//registry.npmjs.org/:_authToken={FakeTokens.NpmToken(7003)}\n");
        consumer.Write("ClientApp/.npmrc", $"//registry.npmjs.org/:_authToken={tracked}\n");
        Run("git", "-C", consumer.Directory, "init", "-q");
        Run("git", "-C", consumer.Directory, "add", ".");
        // Tracked although ignored: force-added files are committable whatever .gitignore says.
        consumer.Write("ClientApp/secrets/forced.env", $"NODE_AUTH_TOKEN={FakeTokens.NpmToken(7004)}\n");
        Run("git", "-C", consumer.Directory, "add", "-f", "ClientApp/secrets/forced.env");

        var build = consumer.Build();

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        string CodeOf(string file) => string.Join(",", build.Ours.Where(d => d.File == consumer.PathOf(file)).Select(d => d.Code).Distinct());
        Assert.AreEqual("NPMRC009", CodeOf(".env.local"), build.ToString());
        Assert.AreEqual("NPMRC009", CodeOf("ClientApp/secrets/.npmrc"), build.ToString());
        Assert.AreEqual("NPMRC001", CodeOf("ClientApp/.npmrc"), build.ToString());
        Assert.AreEqual("NPMRC003", CodeOf("ClientApp/secrets/forced.env"), build.ToString());
        StringAssert.Contains(build.Ours.First(d => d.Code == "NPMRC001").Message, "history");
    }

    [TestMethod]
    public void AnUnchangedTreeIsListedNotReadAndStillReported()
    {
        var consumer = Consumer.WithProject("incremental");
        consumer.Write("ClientApp/.npmrc", $"//registry.npmjs.org/:_authToken={FakeTokens.NpmToken(8001)}\n");
        consumer.Write("ClientApp/src/app.js", string.Concat(Enumerable.Repeat("console.log('hello');\n", 2000)));

        var first = consumer.Build();
        var second = consumer.Build("--no-restore");

        Assert.AreEqual(1, second.ExitCode, second.ToString());
        Assert.AreEqual(first.Ours.Count, second.Ours.Count, second.ToString());
        var bytes = System.Text.RegularExpressions.Regex.Matches(second.Output, @"NpmrcBuildCheck: scanned (\d+) files? \((\d+) bytes read\)");
        Assert.AreEqual(1, bytes.Count, second.ToString());
        Assert.AreEqual("0", bytes[0].Groups[2].Value, "an unchanged tree is not read again:\n" + second);
        Assert.AreNotEqual("0", bytes[0].Groups[1].Value);
    }

    private static void Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"{command} {string.Join(" ", arguments)}: {output}");
    }
}
