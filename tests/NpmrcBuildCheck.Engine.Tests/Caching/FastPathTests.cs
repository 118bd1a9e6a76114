using System;
using System.IO.Hashing;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Caching;
using NpmrcBuildCheck.Scanning;

namespace NpmrcBuildCheck.Engine.Tests.Caching;

/// <summary>The no-op build's fast paths give exactly what the code they replace gave.</summary>
[TestClass]
public sealed class FastPathTests
{
    [TestMethod]
    public void CacheFileNameIsUnchanged()
    {
        const string key = "format=1\nengine=1.0.0\nsettings";
        string hex = string.Concat(XxHash64.Hash(System.Text.Encoding.UTF8.GetBytes(key)).Select(b => b.ToString("x2")));
        Assert.AreEqual("scan-" + hex + ".cache", ScanCache.FileNameFor(key));
    }

    [TestMethod]
    [DataRow("logo.png", true)]
    [DataRow("LOGO.PNG", true)]
    [DataRow("db.Sqlite3", true)]
    [DataRow("a.snupkg", true)]
    [DataRow("x.a", true)]
    [DataRow("x.A", true)]
    [DataRow(".png", false)]
    [DataRow("png", false)]
    [DataRow("x.", false)]
    [DataRow("x.pn", false)]
    [DataRow("x.pngg", false)]
    [DataRow("x.png.txt", false)]
    [DataRow("x.verylongextension", false)]
    [DataRow("x.b\u0131n", false)]
    [DataRow("x.\u212Aaa", false)]
    public void BinaryExtensionAsTheSetSays(string name, bool expected)
    {
        Assert.AreEqual(expected, BinaryFiles.HasBinaryExtension(name));
    }

    [TestMethod]
    public void BinaryExtensionMatchesOrdinalIgnoreCaseSetOnEveryShortName()
    {
        var set = new System.Collections.Generic.HashSet<string>(
            typeof(BinaryFiles).GetField("Extensions", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null) as System.Collections.Generic.HashSet<string>
            ?? throw new InvalidOperationException(), StringComparer.OrdinalIgnoreCase);
        var random = new Random(7);
        const string alphabet = "abcdefgijklmnoprstuwxyzABGNPZ0123457.\u0131\u212A\u00E9";
        foreach (var ext in set)
        {
            Assert.IsTrue(BinaryFiles.HasBinaryExtension("f" + ext), ext);
            Assert.IsTrue(BinaryFiles.HasBinaryExtension("f" + ext.ToUpperInvariant()), ext);
        }

        for (int n = 0; n < 20000; n++)
        {
            int length = random.Next(1, 10);
            var chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            string name = "f." + new string(chars);
            int dot = name.LastIndexOf('.');
            bool expected = dot > 0 && set.Contains(name.Substring(dot));
            Assert.AreEqual(expected, BinaryFiles.HasBinaryExtension(name), name);
        }
    }
}
