using System.IO;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Engine.Tests.Scanning;
using NpmrcBuildCheck.Sources;

namespace NpmrcBuildCheck.Engine.Tests.Sources;

/// <summary>One file's content from a stream, read by the reader its given name picks.</summary>
[TestClass]
public sealed class StreamSourceTests
{
    private static string[] Scan(string name, string content, long maxFileSize = 1 << 20) =>
        TestTree.Codes(new StreamSource(new MemoryStream(Encoding.UTF8.GetBytes(content)), "/repo", name, maxFileSize).Scan());

    [TestMethod]
    public void TheNamePicksTheReader()
    {
        string content = "registry=http://npm.acme.example/\n" + TestTree.NpmrcWithToken();

        CollectionAssert.AreEqual(new[] { "NPMRC005 web/.npmrc", "NPMRC001 web/.npmrc" }, Scan("web\\.npmrc", content));
        // As plain text only the token assignment counts: the http registry is a setting of .npmrc files.
        Assert.IsFalse(Scan("notes.txt", content).Any(code => code.StartsWith("NPMRC005")));
    }

    [TestMethod]
    public void OverTheSizeLimitIsNotRead()
    {
        CollectionAssert.AreEqual(new[] { "NPMRC900 big/.npmrc" }, Scan("big/.npmrc", new string('#', 100) + "\n" + TestTree.NpmrcWithToken(), maxFileSize: 64));
    }
}
