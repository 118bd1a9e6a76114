using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Caching;
using NpmrcBuildCheck.Engine.Tests.Scanning;
using NpmrcBuildCheck.Findings;

namespace NpmrcBuildCheck.Engine.Tests.Caching;

/// <summary>Entries put into the cache by the scan's workers, saved and loaded again.</summary>
[TestClass]
public sealed class ScanCacheEntryTests
{
    private static readonly FileStamp Stamp = new(12, 638_000_000_000_000_000, 638_000_000_000_000_001, 42);

    [TestMethod]
    public void PathThatIsNotValidUtf16IsNotCachedAndTheOthersAre()
    {
        using var tree = new TestTree();
        string path = ScanCache.PathFor(tree.Full("cache"), "key");
        using (var cache = ScanCache.Load(path, "key"))
        {
            cache.Put("lone\uD800surrogate.txt", new CachedFile(Stamp, false, Array.Empty<Finding>()));
            cache.Put("src/app.js", new CachedFile(Stamp, false, Array.Empty<Finding>()));
            Assert.IsTrue(cache.Save(), "written");
            Assert.IsNull(cache.Problem);
        }

        using var loaded = ScanCache.Load(path, "key");
        Assert.IsTrue(loaded.TryGet("src/", "app.js", Stamp, out _, out _), "the valid path is served");
        Assert.IsFalse(loaded.TryGet(string.Empty, "lone\uD800surrogate.txt", Stamp, out _, out _), "the invalid one is read again");
    }
}
