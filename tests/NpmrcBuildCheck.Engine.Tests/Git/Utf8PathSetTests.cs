using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Git;

namespace NpmrcBuildCheck.Engine.Tests.Git;

/// <summary>The index's path set answers as the HashSet of lossily decoded paths it replaced.</summary>
[TestClass]
public sealed class Utf8PathSetTests
{
    [TestMethod]
    public void AnswersAsAHashSetOfDecodedPaths()
    {
        var lossy = new UTF8Encoding(false, false);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        var set = new Utf8PathSet();
        var random = new Random(3);
        var added = new List<byte[]>();
        byte[] alphabet = { (byte)'a', (byte)'b', (byte)'/', (byte)'.', 0xC3, 0xA9, 0xFF, 0xE2, 0x82, 0xAC };
        for (int n = 0; n < 5000; n++)
        {
            var bytes = new byte[random.Next(0, 12)];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = alphabet[random.Next(alphabet.Length)];
            }

            added.Add(bytes);
            set.Add(bytes);
            set.Add(bytes); // Conflict stages list a path more than once.
            expected.Add(lossy.GetString(bytes));
        }

        Assert.AreEqual(expected.Count, set.Count);
        foreach (var bytes in added)
        {
            Assert.IsTrue(set.Contains(lossy.GetString(bytes)));
        }

        foreach (var query in new[] { "zz", "a\uD800", "\uFFFD", "a/\uFFFD", "é", "€" })
        {
            Assert.AreEqual(expected.Contains(query), set.Contains(query), query);
        }
    }
}
