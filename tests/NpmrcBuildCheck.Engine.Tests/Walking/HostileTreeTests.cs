using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Engine.Tests.Scanning;
using NpmrcBuildCheck.Scanning;

namespace NpmrcBuildCheck.Engine.Tests.Walking;

[TestClass]
public sealed class HostileTreeTests
{
    private static ScanResult ScanWithin(TestTree tree, Func<ScanOptions, ScanOptions>? configure = null, int seconds = 60)
    {
        var task = Task.Run(() => tree.Scan(configure ?? (o => new(o.Root) { UseGit = false })));
        Assert.IsTrue(task.Wait(TimeSpan.FromSeconds(seconds)), "the scan hung");
        return task.Result;
    }

    [TestMethod]
    public void SymlinkLoopTerminates_LinkedFoldersAreNotFollowed_LinkedFilesAre()
    {
        if (TestTree.IsWindows)
        {
            Assert.Inconclusive("symbolic links need privileges on Windows");
        }

        using var tree = new TestTree();
        tree.Write("a/b/.npmrc", TestTree.NpmrcWithToken(1));
        Directory.CreateSymbolicLink(tree.Full("a/b/loop"), tree.Full("a"));
        Directory.CreateSymbolicLink(tree.Full("a/self"), ".");
        tree.Write("outside/real.npmrc", TestTree.NpmrcWithToken(2));
        File.CreateSymbolicLink(tree.Full("a/linked.npmrc"), tree.Full("outside/real.npmrc"));
        File.CreateSymbolicLink(tree.Full("a/dangling.npmrc"), tree.Full("nowhere/x"));
        var result = ScanWithin(tree);
        CollectionAssert.AreEqual(
            new[] { "NPMRC001 a/b/.npmrc", "NPMRC001 a/linked.npmrc", "NPMRC001 outside/real.npmrc" },
            TestTree.Codes(result));
    }

    [TestMethod]
    public void FifoIsNeverOpened()
    {
        if (TestTree.IsWindows)
        {
            Assert.Inconclusive("FIFOs are Unix-only");
        }

        using var tree = new TestTree();
        tree.Write("ClientApp/.npmrc", TestTree.NpmrcWithToken());
        TestTree.Run(tree.Root, "mkfifo", tree.Full("ClientApp/pipe.npmrc"));
        TestTree.Run(tree.Root, "mkfifo", tree.Full("ClientApp/pipe.txt"));
        File.CreateSymbolicLink(tree.Full("ClientApp/to-pipe.npmrc"), tree.Full("ClientApp/pipe.txt"));
        var result = ScanWithin(tree, seconds: 30);
        CollectionAssert.AreEqual(
            new[] { "NPMRC001 ClientApp/.npmrc", "NPMRC900 ClientApp/pipe.npmrc", "NPMRC900 ClientApp/pipe.txt", "NPMRC900 ClientApp/to-pipe.npmrc" },
            TestTree.Codes(result));
        Assert.IsTrue(result.Findings.Where(f => f.Rule.Code == "NPMRC900").All(f => f.Key == ScanProblems.NotARegularFile));
    }

    [TestMethod]
    public void DevicesAreNeverOpened()
    {
        if (TestTree.IsWindows || !File.Exists("/dev/zero"))
        {
            Assert.Inconclusive("needs /dev/zero");
        }

        using var tree = new TestTree();
        File.CreateSymbolicLink(tree.Full("zero.npmrc"), "/dev/zero");
        File.CreateSymbolicLink(tree.Full("random.txt"), "/dev/urandom");
        var result = ScanWithin(tree, seconds: 30);
        CollectionAssert.AreEqual(new[] { "NPMRC900 random.txt", "NPMRC900 zero.npmrc" }, TestTree.Codes(result));
        Assert.AreEqual(0, result.BytesRead);
    }

    [TestMethod]
    public void SocketIsNeverOpened()
    {
        if (TestTree.IsWindows)
        {
            Assert.Inconclusive("Unix-domain socket files are Unix-only here");
        }

        using var tree = new TestTree();
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(tree.Full("agent.sock")));
        socket.Listen(1);
        var result = ScanWithin(tree, seconds: 30);
        Assert.AreEqual(ScanProblems.NotARegularFile, result.Findings.Single().Key);
        Assert.AreEqual("agent.sock", result.Findings.Single().Path);
    }

    [TestMethod]
    public void DetectorExceptionIsAProblemForThatFileOnly()
    {
        using var tree = new TestTree();
        tree.Write("a/.npmrc", TestTree.NpmrcWithToken(1));
        tree.Write("boom.txt", "explode\n");
        tree.Write("z/.npmrc", TestTree.NpmrcWithToken(2));
        string cache = tree.Full("obj/cache");
        ScanOptions Options(ScanOptions o) => new(o.Root)
        {
            UseGit = false,
            CacheDirectory = cache,
            Detector = (path, kind, content, findings) =>
            {
                if (path == "boom.txt")
                {
                    throw new InvalidOperationException("detector bug");
                }

                NpmrcBuildCheck.Detection.ContentDetector.Detect(path, kind, content, findings);
            },
        };
        var result = ScanWithin(tree, Options);
        CollectionAssert.AreEqual(new[] { "NPMRC001 a/.npmrc", "NPMRC900 boom.txt", "NPMRC001 z/.npmrc" }, TestTree.Codes(result));
        Assert.AreEqual(ScanProblems.InternalError, result.Findings[1].Key);
        var again = ScanWithin(tree, Options);
        Assert.AreEqual("explode\n".Length, again.BytesRead); // a failed file is not cached
    }

    [TestMethod]
    public void NamesThatAreNotUtf8AreReportedNotSkipped()
    {
        if (!System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Linux))
        {
            Assert.Inconclusive("Linux file names are bytes");
        }

        using var tree = new TestTree();
        tree.Write("ok/.npmrc", TestTree.NpmrcWithToken());
        TestTree.Run(tree.Root, "sh", "-c", "printf 'x=1\\n' > \"$(printf 'bad\\377.npmrc')\"");
        var result = ScanWithin(tree);
        Assert.AreEqual(1, TestTree.Of(result, "NPMRC001").Count());
        var problem = TestTree.Of(result, "NPMRC900").Single();
        Assert.AreEqual(ScanProblems.ReadError, problem.Key);
        StringAssert.StartsWith(problem.Path, "bad");
    }

    [TestMethod]
    public void DeepTree()
    {
        using var tree = new TestTree();
        string relative = string.Join("/", Enumerable.Range(0, 120).Select(i => "d" + (i % 10)));
        tree.Write(relative + "/.npmrc", TestTree.NpmrcWithToken());
        var result = ScanWithin(tree);
        CollectionAssert.AreEqual(new[] { "NPMRC001 " + relative + "/.npmrc" }, TestTree.Codes(result));
    }

    [TestMethod]
    public void PathTooLongIsAReadProblemNotACrash()
    {
        if (TestTree.IsWindows)
        {
            Assert.Inconclusive("Linux PATH_MAX");
        }

        using var tree = new TestTree();
        tree.Write("ok/.npmrc", TestTree.NpmrcWithToken(1));
        // 40 levels of 120-character names, over Linux's 4096-byte PATH_MAX: two chains of 20 made
        // separately (each path short enough), then one renamed into the other.
        string name = new string('n', 120);
        string chain = string.Join("/", Enumerable.Repeat(name, 20));
        Directory.CreateDirectory(tree.Full("deep/" + chain));
        tree.Write("half/" + chain + "/.npmrc", TestTree.NpmrcWithToken(2));
        Directory.Move(tree.Full("half"), tree.Full("deep/" + chain + "/half"));
        var result = ScanWithin(tree);
        Assert.AreEqual(1, TestTree.Of(result, "NPMRC001").Count());
        var problem = TestTree.Of(result, "NPMRC900").Single();
        Assert.AreEqual(ScanProblems.ReadError, problem.Key);
        StringAssert.StartsWith(problem.Path, "deep/" + name);
        StringAssert.Contains(problem.Message, "too long");
    }

    [TestMethod]
    public void FiveMegabyteSingleLine()
    {
        using var tree = new TestTree();
        var text = new StringBuilder();
        text.Append("always-auth=").Append('a', 5 * 1024 * 1024).Append('\n');
        text.Append(TestTree.NpmrcWithToken());
        tree.Write(".npmrc", text.ToString());
        var result = ScanWithin(tree);
        Assert.AreEqual(1, TestTree.Of(result, "NPMRC001").Count());
        Assert.AreEqual(2, TestTree.Of(result, "NPMRC001").Single().Line);
    }

    [TestMethod]
    public void HundredMegabyteFileIsOverTheLimitAndNotRead()
    {
        using var tree = new TestTree();
        using (var stream = File.Create(tree.Full("huge.log")))
        {
            stream.SetLength(100L * 1024 * 1024);
        }

        Directory.CreateDirectory(tree.Full("wwwroot"));
        using (var stream = File.Create(tree.Full("wwwroot/video.mp4")))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        tree.Write(".npmrc", TestTree.NpmrcWithToken());
        var result = ScanWithin(tree);
        var problem = TestTree.Of(result, "NPMRC900").Single();
        Assert.AreEqual("huge.log", problem.Path);
        Assert.AreEqual(1, result.BinaryFilesSkipped);
        Assert.IsTrue(ScanProblems.IsOverSizeLimit(problem));
        StringAssert.Contains(problem.Message, "huge.log");
        Assert.IsTrue(result.BytesRead < 1024);
    }

    [TestMethod]
    public void SizeLimitIsAnOption()
    {
        using var tree = new TestTree();
        tree.Write(".npmrc", TestTree.NpmrcWithToken() + new string('#', 2000) + "\n");
        tree.Write("small/.npmrc", TestTree.NpmrcWithToken(2));
        var result = tree.Scan(o => new(o.Root) { UseGit = false, MaxFileSize = 1024 });
        CollectionAssert.AreEqual(new[] { "NPMRC900 .npmrc", "NPMRC001 small/.npmrc" }, TestTree.Codes(result));
        Assert.AreEqual(ScanProblems.OverSizeLimit, result.Findings[0].Key);
    }

    [TestMethod]
    public void UnreadableFolderAndFileAreProblemsAndTheScanGoesOn()
    {
        if (TestTree.IsWindows)
        {
            Assert.Inconclusive("chmod is Unix-only");
        }

        using var tree = new TestTree();
        tree.Write("locked/.npmrc", TestTree.NpmrcWithToken(1));
        tree.Write("lockedfile/.npmrc", TestTree.NpmrcWithToken(2));
        tree.Write("open/.npmrc", TestTree.NpmrcWithToken(3));
        TestTree.Run(tree.Root, "chmod", "000", tree.Full("locked"));
        TestTree.Run(tree.Root, "chmod", "000", tree.Full("lockedfile/.npmrc"));
        bool blocks;
        try
        {
            _ = Directory.GetFiles(tree.Full("locked"));
            _ = File.ReadAllBytes(tree.Full("lockedfile/.npmrc"));
            blocks = false;
        }
        catch (UnauthorizedAccessException)
        {
            blocks = true;
        }

        if (!blocks)
        {
            Assert.Inconclusive("running as root: chmod 000 does not block reads");
        }

        var result = ScanWithin(tree);
        CollectionAssert.AreEqual(new[] { "NPMRC900 locked", "NPMRC900 lockedfile/.npmrc", "NPMRC001 open/.npmrc" }, TestTree.Codes(result));
        Assert.IsTrue(result.Findings.Take(2).All(f => f.Key == ScanProblems.ReadError));
    }

    [TestMethod]
    public void BinaryFilesAreSkipped_ByExtensionAndByContent()
    {
        using var tree = new TestTree();
        tree.Write("logo.png", TestTree.NpmrcWithToken());
        tree.WriteBytes("data.txt", new byte[] { 0x41, 0x00, 0x42, 0x0A });
        tree.WriteBytes("utf16.txt", new byte[] { 0xFF, 0xFE, 0x41, 0x00, 0x0A, 0x00 });
        tree.Write("plain.txt", "hello\n");
        var result = tree.Scan(o => new(o.Root) { UseGit = false });
        Assert.AreEqual(0, result.Findings.Count);
        Assert.AreEqual(2, result.BinaryFilesSkipped);
        Assert.AreEqual(2, result.FilesScanned);
    }

    [TestMethod]
    public void ConfigFilesWithNulBytesAreStillScanned()
    {
        using var tree = new TestTree();
        var bytes = Encoding.UTF8.GetBytes("# \0 odd\n" + TestTree.NpmrcWithToken());
        tree.WriteBytes(".npmrc", bytes);
        var result = tree.Scan(o => new(o.Root) { UseGit = false });
        Assert.AreEqual(1, TestTree.Of(result, "NPMRC001").Count());
    }

    [TestMethod]
    public void InvalidUtf8IsPassedAsBytes()
    {
        using var tree = new TestTree();
        var bytes = new byte[] { 0xC3, 0x28, 0xFF, 0xFE, 0xFD, 0x0A }.Concat(Encoding.UTF8.GetBytes(TestTree.NpmrcWithToken())).ToArray();
        tree.WriteBytes(".npmrc", bytes);
        tree.WriteBytes("bad.txt", new byte[] { 0xC3, 0x28, 0xA0, 0xA1, 0x0A });
        var result = tree.Scan(o => new(o.Root) { UseGit = false });
        Assert.AreEqual(1, TestTree.Of(result, "NPMRC001").Count());
        Assert.AreEqual(2, result.FilesScanned);
    }

    [TestMethod]
    public void MissingRootIsAProblemNotAnException()
    {
        var result = TreeScanner.Scan(new ScanOptions(Path.Combine(Path.GetTempPath(), "does-not-exist-" + Guid.NewGuid().ToString("N"))));
        Assert.AreEqual("NPMRC900", result.Findings.Single().Rule.Code);
    }

    [TestMethod]
    public void EmptyFilesAreCountedButNotRead()
    {
        using var tree = new TestTree();
        tree.Write("empty.txt", string.Empty);
        tree.Write(".npmrc", string.Empty);
        var result = tree.Scan(o => new(o.Root) { UseGit = false });
        Assert.AreEqual(0, result.Findings.Count);
        Assert.AreEqual(2, result.FilesScanned);
        Assert.AreEqual(0, result.BytesRead);
    }

    [TestMethod]
    public void ResultsAreDeterministicAndSorted()
    {
        using var tree = new TestTree();
        for (int i = 0; i < 60; i++)
        {
            tree.Write($"p{i % 7}/d{i}/.npmrc", TestTree.NpmrcWithToken(i) + "registry=http://example.com/\n" + TestTree.NpmrcWithToken(i + 100));
        }

        var first = tree.Scan(o => new(o.Root) { UseGit = false, MaxParallelism = 2 });
        var second = tree.Scan(o => new(o.Root) { UseGit = false, MaxParallelism = 1 });
        CollectionAssert.AreEqual(first.Findings.ToArray(), second.Findings.ToArray());
        var sorted = first.Findings.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ToArray();
        CollectionAssert.AreEqual(sorted, first.Findings.ToArray());
        Assert.AreEqual(60, first.FilesScanned);
    }
}
