using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.TestSupport;
using NpmrcBuildCheck.Tokens;

[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]

namespace NpmrcBuildCheck.Engine.Tests.Tokens;

[TestClass]
public sealed class NpmTokenTests
{
    [TestMethod]
    public void ChecksumAgreesWithThePublishedExample()
    {
        // The published dummy's random part has CRC-32 323314029, base62 "0LsakP" (npm-config-semantics.md T1).
        Assert.AreEqual("0LsakP", NpmToken.Checksum("qkJaB6MffYVzZXWqmcoF49yrUxP3wf"u8));
        Assert.AreEqual("4gfFC3", EncodeForTest(uint.MaxValue));
    }

    [TestMethod]
    public void GeneratedTokensAreValid()
    {
        for (int seed = 0; seed < 200; seed++)
        {
            string token = FakeTokens.NpmToken(seed);
            Assert.IsTrue(NpmToken.IsValid(token.AsSpan()), token.Substring(0, 4));
            Assert.IsTrue(NpmToken.IsValid(System.Text.Encoding.ASCII.GetBytes(token).AsSpan()));
            Assert.IsFalse(NpmToken.IsValid(FakeTokens.WithBadChecksum(token).AsSpan()));
        }
    }

    [TestMethod]
    public void RejectsWrongLengthPrefixAndAlphabet()
    {
        string token = FakeTokens.NpmToken(7);
        Assert.IsFalse(NpmToken.IsValid(token.Substring(0, 39).AsSpan()));
        Assert.IsFalse(NpmToken.IsValid((token + "A").AsSpan()));
        Assert.IsFalse(NpmToken.IsValid(("NPM_" + token.Substring(4)).AsSpan()));
        Assert.IsFalse(NpmToken.IsValid((token.Substring(0, 10) + "-" + token.Substring(11)).AsSpan()));
    }

    [TestMethod]
    public void FindAllRequiresBoundaries()
    {
        string token = FakeTokens.NpmToken(3);
        Assert.AreEqual(1, Find($"x {token} y").Count);
        Assert.AreEqual(1, Find($"\"{token}\"").Count);
        Assert.AreEqual(0, Find($"a{token}").Count);
        Assert.AreEqual(0, Find($"_{token}").Count);
        Assert.AreEqual(0, Find($"{token}Z").Count);
        Assert.AreEqual(0, Find($"{token}_x").Count);
        Assert.AreEqual(2, Find($"{token}\n{FakeTokens.NpmToken(4)}").Count);
    }

    private static List<int> Find(string text)
    {
        var starts = new List<int>();
        NpmToken.FindAll(text, starts.Add);
        return starts;
    }

    private static string EncodeForTest(uint value)
    {
        var digits = new char[6];
        for (int i = 5; i >= 0; i--)
        {
            digits[i] = NpmToken.Base62Alphabet[(int)(value % 62)];
            value /= 62;
        }

        return new string(digits);
    }
}
