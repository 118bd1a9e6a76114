using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Engine.Tests.Detection;

/// <summary>
/// A lockfile is decoded only when its bytes may hold a credential: the quick test must never say
/// no where the full reading finds something.
/// </summary>
[TestClass]
public sealed class LockfilePrefilterTests
{
    private static List<Finding> FullReading(string text)
    {
        var sink = new FindingSink("package-lock.json");
        LockfileReader.Read(NpmrcBuildCheck.Text.DecodedText.FromString(text), sink);
        return sink.Items;
    }

    [TestMethod]
    public void RandomLockfileTextNeverHidesAFinding()
    {
        var random = new Random(11);
        string[] pieces =
        {
            "https://", "http://", "git+ssh://", "://", "registry.npmjs.org", "/", "@", ":", "user", "p4ss", "@scope/pkg", " ",
            "\u00A0", "\u2028", "\"", ",", "\n", "npm_", FakeTokens.NpmToken(random), "?", "#", "x", "\u00E9",
        };
        int positives = 0;
        for (int round = 0; round < 20000; round++)
        {
            var text = new StringBuilder();
            int count = random.Next(1, 14);
            for (int i = 0; i < count; i++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            string s = text.ToString();
            if (FullReading(s).Count > 0)
            {
                positives++;
                Assert.IsTrue(LockfileReader.MayHoldCredentials(Encoding.UTF8.GetBytes(s)), $"missed: {s}");
            }
        }

        Assert.IsTrue(positives > 500, $"the generator made {positives} lockfiles with a finding");
    }

    [TestMethod]
    public void ALockfileWithoutCredentialsIsNotDecoded()
    {
        var text = new StringBuilder("{\n  \"packages\": {\n");
        for (int i = 0; i < 2000; i++)
        {
            text.Append($"    \"node_modules/@scope/pkg{i}\": {{ \"version\": \"1.0.{i}\", \"resolved\": \"https://registry.npmjs.org/@scope/pkg{i}/-/pkg{i}-1.0.{i}.tgz\" }},\n");
            text.Append($"    \"node_modules/dep{i}\": {{ \"resolved\": \"git+ssh://git@github.com/org/dep{i}.git#0123abc\" }},\n");
        }

        text.Append("  }\n}\n");
        Assert.IsFalse(LockfileReader.MayHoldCredentials(Encoding.UTF8.GetBytes(text.ToString())));
    }

    [TestMethod]
    public void CredentialsAfterANonAsciiSpaceAreStillFound()
    {
        // The exact reading ends an authority at U+00A0 and reads the next URL; the quick test must not skip it.
        string text = "\"resolved\": \"http://a\u00A0http://u:p4ssw0rd@registry.example/x.tgz\"";
        Assert.IsTrue(FullReading(text).Count > 0);
        Assert.IsTrue(LockfileReader.MayHoldCredentials(Encoding.UTF8.GetBytes(text)));
    }
}
