using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Engine.Tests.Scanning;
using NpmrcBuildCheck.Scanning;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Engine.Tests.Caching;

[TestClass]
public sealed class ScanCacheTests
{
    private static ScanOptions With(ScanOptions o, string cache) => new(o.Root) { CacheDirectory = cache };

    private static void MakeTree(TestTree tree)
    {
        tree.Write("ClientApp/.npmrc", TestTree.NpmrcWithToken(1) + "registry=http://example.com/\n");
        tree.Write("ClientApp/src/app.js", "console.log('hi');\n");
        tree.Write("other/.npmrc", TestTree.NpmrcWithToken(2));
        tree.WriteBytes("data.txt", new byte[] { 1, 0, 2 });
        tree.Write("empty.txt", string.Empty);
    }

    [TestMethod]
    public void UnchangedTreeIsOnlyListed_SameFindings()
    {
        using var tree = new TestTree();
        MakeTree(tree);
        string cache = tree.Full("obj/npmrc-cache");
        var cold = tree.Scan(o => With(o, cache));
        var warm = tree.Scan(o => With(o, cache));
        Assert.IsTrue(cold.BytesRead > 0);
        Assert.AreEqual(0, warm.BytesRead);
        Assert.AreEqual(4, warm.CacheHits);
        Assert.AreEqual(cold.FilesScanned, warm.FilesScanned);
        Assert.AreEqual(cold.BinaryFilesSkipped, warm.BinaryFilesSkipped);
        Assert.AreEqual(3, warm.Findings.Count);
        CollectionAssert.AreEqual(cold.Findings.ToArray(), warm.Findings.ToArray());
    }

    [TestMethod]
    public void PathsOfEveryLengthAndScriptRoundTrip()
    {
        // One-byte and two-byte length prefixes, non-ASCII names, and a path too long to be written at once.
        using var tree = new TestTree();
        tree.Write("a.js", "x\n");
        tree.Write("caf\u00e9/\u65e5\u672c/.npmrc", TestTree.NpmrcWithToken(3));
        string deep = string.Join("/", Enumerable.Repeat(new string('d', 60), 2)) + "/" + new string('f', 100) + ".js";
        tree.Write(deep, "y\n");
        string deeper = string.Join("/", Enumerable.Repeat(new string('e', 200), 6)) + "/g.js";
        tree.Write(deeper, "z\n");
        string cache = tree.Full("obj/npmrc-cache");
        var cold = tree.Scan(o => With(o, cache));
        var warm = tree.Scan(o => With(o, cache));
        Assert.AreEqual(4, cold.FilesScanned);
        Assert.AreEqual(0, warm.BytesRead, "every path was found again in the saved cache");
        Assert.AreEqual(4, warm.CacheHits);
        CollectionAssert.AreEqual(cold.Findings.ToArray(), warm.Findings.ToArray());

        // A save made of hits only (the loaded entries written back) loads as well.
        tree.Write("b.js", "w\n");
        var third = tree.Scan(o => With(o, cache));
        var fourth = tree.Scan(o => With(o, cache));
        Assert.AreEqual(4, third.CacheHits);
        Assert.AreEqual(5, fourth.CacheHits);
        Assert.AreEqual(0, fourth.BytesRead);
    }

    [TestMethod]
    public void ChangedFileIsReadAgain_RemovedFileIsDropped()
    {
        using var tree = new TestTree();
        MakeTree(tree);
        string cache = tree.Full("obj/npmrc-cache");
        tree.Scan(o => With(o, cache));
        tree.Write("other/.npmrc", "# fixed\n");
        File.SetLastWriteTimeUtc(tree.Full("other/.npmrc"), DateTime.UtcNow.AddMinutes(-5));
        File.Delete(tree.Full("ClientApp/src/app.js"));
        var next = tree.Scan(o => With(o, cache));
        Assert.AreEqual("# fixed\n".Length, next.BytesRead);
        CollectionAssert.AreEqual(new[] { "NPMRC001 ClientApp/.npmrc", "NPMRC005 ClientApp/.npmrc" }, TestTree.Codes(next));
    }

    [TestMethod]
    [DataRow("garbage")]
    [DataRow("truncate")]
    [DataRow("flip")]
    [DataRow("empty")]
    public void CorruptCacheIsIgnoredAndRewritten(string damage)
    {
        using var tree = new TestTree();
        MakeTree(tree);
        string cache = tree.Full("obj/npmrc-cache");
        var cold = tree.Scan(o => With(o, cache));
        string file = Directory.GetFiles(cache).Single();
        byte[] bytes = File.ReadAllBytes(file);
        bytes = damage switch
        {
            "garbage" => Encoding.ASCII.GetBytes("this is not a cache"),
            "truncate" => bytes.Take(bytes.Length / 2).ToArray(),
            "flip" => bytes.Select((b, i) => i == bytes.Length / 2 ? (byte)(b ^ 0x40) : b).ToArray(),
            _ => Array.Empty<byte>(),
        };
        File.WriteAllBytes(file, bytes);
        var recovered = tree.Scan(o => With(o, cache));
        Assert.AreEqual(cold.BytesRead, recovered.BytesRead);
        CollectionAssert.AreEqual(cold.Findings.ToArray(), recovered.Findings.ToArray());
        var warm = tree.Scan(o => With(o, cache));
        Assert.AreEqual(0, warm.BytesRead);
        CollectionAssert.AreEqual(cold.Findings.ToArray(), warm.Findings.ToArray());
    }

    [TestMethod]
    public void OtherSettingsDoNotShareEntries()
    {
        using var tree = new TestTree();
        MakeTree(tree);
        string cache = tree.Full("obj/npmrc-cache");
        tree.Scan(o => With(o, cache));
        var other = tree.Scan(o => new(o.Root) { CacheDirectory = cache, ExcludeGlobs = new[] { "other/" } });
        Assert.IsTrue(other.BytesRead > 0);
        Assert.AreEqual(0, other.CacheHits);
        CollectionAssert.AreEqual(new[] { "NPMRC001 ClientApp/.npmrc", "NPMRC005 ClientApp/.npmrc" }, TestTree.Codes(other));
    }

    [TestMethod]
    public void CacheHoldsNoSecret()
    {
        using var tree = new TestTree();
        string npmToken = FakeTokens.NpmToken(7);
        tree.Write(".npmrc", TestTree.NpmrcWithToken(3) + "//npm.example.com/:_authToken=" + npmToken + "\n");
        tree.Write("ci/deploy.sh", "export NPM_TOKEN=" + npmToken + "\n");
        string cache = tree.Full("cache");
        var result = tree.Scan(o => With(o, cache));
        Assert.IsTrue(result.Findings.Count >= 2);
        byte[] bytes = File.ReadAllBytes(Directory.GetFiles(cache).Single());
        foreach (var secret in new[] { TestTree.Token(3), npmToken, npmToken.Substring(4, 20) })
        {
            foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode })
            {
                byte[] needle = encoding.GetBytes(secret);
                Assert.AreEqual(-1, bytes.AsSpan().IndexOf(needle), "the cache holds a secret");
            }
        }
    }

    [TestMethod]
    public void GitStateIsReevaluatedOnACacheHit()
    {
        using var tree = new TestTree();
        tree.GitInit();
        tree.Write("ClientApp/.npmrc", TestTree.NpmrcWithToken());
        string cache = tree.Full("obj/cache");
        Assert.AreEqual("NPMRC001", tree.Scan(o => With(o, cache)).Findings.Single().Rule.Code);
        tree.Write(".gitignore", ".npmrc\n");
        var ignored = tree.Scan(o => With(o, cache));
        Assert.AreEqual(".npmrc\n".Length, ignored.BytesRead); // only the new .gitignore was read
        Assert.AreEqual("NPMRC009", TestTree.Of(ignored, "NPMRC009").Single().Rule.Code);
        tree.Git("add", "-f", "ClientApp/.npmrc");
        var tracked = tree.Scan(o => With(o, cache));
        Assert.AreEqual(0, tracked.BytesRead);
        StringAssert.Contains(tracked.Findings.Single().Message, "tracked by git");
    }

    [TestMethod]
    public void ConcurrentScansShareACacheSafely()
    {
        using var tree = new TestTree();
        for (int i = 0; i < 40; i++)
        {
            tree.Write($"d{i}/.npmrc", TestTree.NpmrcWithToken(i));
            tree.Write($"d{i}/notes.txt", "hello\n");
        }

        string cache = tree.Full("obj/cache");
        var expected = tree.Scan(o => new(o.Root) { UseGit = false }).Findings.ToArray();
        var scans = Enumerable.Range(0, 6).Select(_ => System.Threading.Tasks.Task.Run(() => tree.Scan(o => new(o.Root) { UseGit = false, CacheDirectory = cache }))).ToArray();
        System.Threading.Tasks.Task.WaitAll(scans);
        foreach (var scan in scans)
        {
            CollectionAssert.AreEqual(expected, scan.Result.Findings.ToArray());
        }

        Assert.AreEqual(1, Directory.GetFiles(cache).Length, "no temporary file is left behind");
        var warm = tree.Scan(o => new(o.Root) { UseGit = false, CacheDirectory = cache });
        Assert.AreEqual(0, warm.BytesRead);
        CollectionAssert.AreEqual(expected, warm.Findings.ToArray());
    }

    [TestMethod]
    public void CacheFolderInsideTheRootIsNeverScanned()
    {
        using var tree = new TestTree();
        tree.Write(".npmrc", TestTree.NpmrcWithToken());
        string cache = tree.Full("cachedir");
        tree.Write("cachedir/stray.npmrc", TestTree.NpmrcWithToken(5));
        var result = tree.Scan(o => With(o, cache));
        CollectionAssert.AreEqual(new[] { "NPMRC001 .npmrc" }, TestTree.Codes(result));
    }

    [TestMethod]
    public void UnwritableCacheFolderOnlyCostsSpeed()
    {
        using var tree = new TestTree();
        tree.Write(".npmrc", TestTree.NpmrcWithToken());
        tree.Write("blocker", "a file where the cache folder should be");
        var result = tree.Scan(o => With(o, tree.Full("blocker/cache")));
        CollectionAssert.AreEqual(new[] { "NPMRC001 .npmrc" }, TestTree.Codes(result));
        StringAssert.Contains(result.CacheProblem, tree.Full("blocker"), "the reason caching is off names the cache");
    }

    [TestMethod]
    public void SameSizeEditWithRestoredModificationTimeIsReadAgain()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Inconclusive("ctime and inode come from the Linux listing; elsewhere size and modification time decide.");
        }

        using var tree = new TestTree();
        tree.Write("ClientApp/.npmrc", "registry=https://registry.npmjs.org/\n");
        string file = tree.Full("ClientApp/.npmrc");
        var modified = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(file, modified);
        string cache = tree.Full("obj/npmrc-cache");
        Assert.AreEqual(0, tree.Scan(o => With(o, cache)).Findings.Count);

        // The same size, and the old modification time put back (what `touch -r` does): only ctime tells.
        tree.Write("ClientApp/.npmrc", "registry=http://registry.npmjs.org//\n");
        File.SetLastWriteTimeUtc(file, modified);
        var next = tree.Scan(o => With(o, cache));

        Assert.AreEqual(0, next.CacheHits);
        CollectionAssert.AreEqual(new[] { "NPMRC005 ClientApp/.npmrc" }, TestTree.Codes(next));
    }
}

[TestClass]
public sealed class LinkedFileCacheTests
{
    [TestMethod]
    public void LinkedFilesAreCachedByTheirTarget()
    {
        if (TestTree.IsWindows)
        {
            Assert.Inconclusive("symbolic links need privileges on Windows");
        }

        var framework = typeof(TreeScanner).Assembly.GetCustomAttributes(typeof(System.Runtime.Versioning.TargetFrameworkAttribute), false);
        if (framework.Length == 1 && ((System.Runtime.Versioning.TargetFrameworkAttribute)framework[0]).FrameworkName.StartsWith(".NETStandard", StringComparison.Ordinal))
        {
            Assert.Inconclusive("the netstandard2.0 engine reads linked files every time (no final-target API)");
        }

        using var tree = new TestTree();
        tree.Write("shared/real.txt", "nothing\n");
        Directory.CreateDirectory(tree.Full("app"));
        File.CreateSymbolicLink(tree.Full("app/.npmrc"), tree.Full("shared/real.txt"));
        string cache = tree.Full("obj/cache");
        var first = tree.Scan(o => new(o.Root) { CacheDirectory = cache });
        Assert.AreEqual(0, first.Findings.Count);
        var second = tree.Scan(o => new(o.Root) { CacheDirectory = cache });
        Assert.AreEqual(0, second.BytesRead);
        tree.Write("shared/real.txt", TestTree.NpmrcWithToken());
        var third = tree.Scan(o => new(o.Root) { CacheDirectory = cache });
        Assert.AreEqual("app/.npmrc", TestTree.Of(third, "NPMRC001").Single().Path);
    }
}

[TestClass]
public sealed class CacheConsistencyTests
{
    /// <summary>Property: after any series of edits, a scan served by the cache equals a scan without one.</summary>
    [TestMethod]
    public void CachedScanEqualsUncachedScanAfterRandomEdits()
    {
        var random = new Random(42);
        using var tree = new TestTree();
        string cache = tree.Full("obj/cache");
        var names = Enumerable.Range(0, 30).Select(i => $"d{i % 5}/f{i}" + (i % 3 == 0 ? "/.npmrc" : i % 3 == 1 ? ".npmrc" : ".txt")).ToArray();
        string Content() => random.Next(3) switch
        {
            0 => TestTree.NpmrcWithToken(random.Next(1000)),
            1 => "registry=http://example.com/\n" + TestTree.NpmrcWithToken(random.Next(1000)),
            _ => "# nothing " + new string('x', random.Next(50)) + "\n",
        };

        foreach (var n in names)
        {
            tree.Write(n, Content());
        }

        for (int round = 0; round < 12; round++)
        {
            var cached = tree.Scan(o => new(o.Root) { UseGit = false, CacheDirectory = cache });
            var fresh = tree.Scan(o => new(o.Root) { UseGit = false });
            CollectionAssert.AreEqual(fresh.Findings.ToArray(), cached.Findings.ToArray(), $"round {round}");
            Assert.AreEqual(fresh.FilesScanned, cached.FilesScanned);
            for (int k = 0; k < 6; k++)
            {
                string n = names[random.Next(names.Length)];
                string path = tree.Full(n);
                switch (random.Next(4))
                {
                    case 0:
                        if (File.Exists(path))
                        {
                            File.Delete(path);
                        }

                        break;
                    default:
                        tree.Write(n, Content());
                        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(-100 + round));
                        break;
                }
            }
        }
    }
}
