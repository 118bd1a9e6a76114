using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Findings;

namespace NpmrcBuildCheck.Engine.Tests.Findings;

/// <summary>Messages travel as data (kind and arguments) and are worded once, by the renderer, with each host's hints.</summary>
[TestClass]
public sealed class FindingMessageTests
{
    [TestMethod]
    public void EveryKindIsWordedAsASentenceWithAllItsArguments()
    {
        foreach (MessageKind kind in Enum.GetValues(typeof(MessageKind)))
        {
            var message = new FindingMessage(kind, new FindingMessage(MessageKind.NpmTokenInFile, "npm_****ab12"), "ARG0", "12", "ARG2", "ARG3");
            string text = MessageRenderer.Render(message);
            Assert.IsTrue(text.Length > 40 && text.EndsWith(".", StringComparison.Ordinal), $"{kind}: {text}");
            Assert.IsFalse(text.Contains('{') && !text.Contains("${", StringComparison.Ordinal), $"{kind}: an unfilled hole: {text}");
        }
    }

    [TestMethod]
    public void EveryKindReadsBack()
    {
        foreach (MessageKind kind in Enum.GetValues(typeof(MessageKind)))
        {
            var message = new FindingMessage(kind, "a", "1", string.Empty);
            Assert.AreEqual(message, FindingMessage.Parse(message.Serialize()), kind.ToString());
        }
    }

    [TestMethod]
    public void SerializedMessagesReadBackEqual()
    {
        var inner = new FindingMessage(MessageKind.HardCodedToken, "//r.example.com/:_authToken", "token", "****", string.Empty);
        var message = new FindingMessage(MessageKind.InIgnoredFile, inner, "NPMRC001");
        var parsed = FindingMessage.Parse(message.Serialize());
        Assert.AreEqual(message, parsed);
        Assert.AreEqual(MessageRenderer.Render(message), MessageRenderer.Render(parsed!));
    }

    [TestMethod]
    public void ArgumentsAreOneLineSoTheSerializedFormCannotBeForged()
    {
        var message = new FindingMessage(MessageKind.Unscoped, "a\u001Fb\u001Ec\nd", "x");
        Assert.AreEqual("a b c d", message[0]);
        Assert.AreEqual(message, FindingMessage.Parse(message.Serialize()));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("NoSuchKind\u001Fx")]
    [DataRow("3\u001Fx")]
    [DataRow("NpmTokenInFile\u001Ex")]
    public void DamagedTextIsNotAMessage(string text) => Assert.IsNull(FindingMessage.Parse(text));

    [TestMethod]
    public void HostsWordTheirOwnHints()
    {
        var overSize = new FindingMessage(MessageKind.OverSizeLimit, "dist/huge.js", "20000000", "16777216");
        string neutral = MessageRenderer.Render(overSize);
        string msbuild = MessageRenderer.Render(overSize, new HostHints { ExcludeSetting = "NpmrcBuildCheckExclude" });
        Assert.AreEqual("'dist/huge.js' was not scanned: it is 20000000 bytes, over the 16777216-byte size limit. Exclude it from the scan if it is not meant to be scanned.", neutral);
        StringAssert.Contains(msbuild, "Exclude it with NpmrcBuildCheckExclude if it is not meant to be scanned.");
        Assert.IsFalse(Enum.GetValues(typeof(MessageKind)).Cast<MessageKind>()
            .Select(k => MessageRenderer.Render(new FindingMessage(k, "a", "1", "b", "c")))
            .Any(t => t.Contains("NpmrcBuildCheck", StringComparison.Ordinal)), "engine wording names no MSBuild setting");
    }
}
