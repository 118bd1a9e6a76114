using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;

namespace NpmrcBuildCheck.Engine.Tests.Detection;

/// <summary>The one-pass anchor search (16 bytes at a time) against the rule written plainly, byte by byte.</summary>
[TestClass]
public sealed class TextAnchorsTests
{
    /// <summary>The definition: '_' followed by a/p (either case) or preceded by m (either case), or "mA".</summary>
    private static List<int> Expected(byte[] data)
    {
        var positions = new List<int>();
        for (int i = 0; i < data.Length; i++)
        {
            int after = i + 1 < data.Length ? data[i + 1] | 0x20 : 0;
            int before = i > 0 ? data[i - 1] | 0x20 : 0;
            bool underscore = data[i] == '_' && (after == 'a' || after == 'p' || before == 'm');
            bool camel = data[i] == 'm' && i + 1 < data.Length && data[i + 1] == 'A';
            if (underscore || camel)
            {
                positions.Add(i);
            }
        }

        return positions;
    }

    private static List<int> Found(byte[] data)
    {
        var positions = new List<int>();
        for (int at = TextAnchors.Next(data, 0); at >= 0; at = TextAnchors.Next(data, at + 1))
        {
            positions.Add(at);
        }

        return positions;
    }

    [TestMethod]
    public void EveryAnchorShapeAtEveryOffsetAndLength()
    {
        string[] anchors = { "_a", "_A", "_p", "_P", "m_", "M_", "mA", "npm_", "NPM_TOKEN", "_authToken", "npmAuthToken" };
        foreach (string anchor in anchors)
        {
            for (int length = anchor.Length; length <= 70; length++)
            {
                for (int offset = 0; offset + anchor.Length <= length; offset++)
                {
                    var data = new byte[length];
                    data.AsSpan().Fill((byte)'x');
                    Encoding.ASCII.GetBytes(anchor).CopyTo(data, offset);
                    CollectionAssert.AreEqual(Expected(data), Found(data), $"'{anchor}' at {offset} of {length}");
                }
            }
        }
    }

    [TestMethod]
    public void RandomTextAgreesWithTheDefinition()
    {
        var random = new Random(7);
        byte[] alphabet = Encoding.ASCII.GetBytes("_aApPmMnx \n\u00e9");
        for (int round = 0; round < 2000; round++)
        {
            var data = new byte[random.Next(0, 300)];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = random.Next(10) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            }

            CollectionAssert.AreEqual(Expected(data), Found(data), $"round {round}");
        }
    }

    [TestMethod]
    public void NoAnchorGivesMinusOne()
    {
        Assert.AreEqual(-1, TextAnchors.Next(Array.Empty<byte>(), 0));
        Assert.AreEqual(-1, TextAnchors.Next(Encoding.ASCII.GetBytes(new string('x', 1000) + "_b_c__x"), 0));
        Assert.AreEqual(-1, TextAnchors.Next(Encoding.ASCII.GetBytes("x_a"), 2), "the search starts at the given position");
    }
}
