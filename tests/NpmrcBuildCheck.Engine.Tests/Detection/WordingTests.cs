using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Engine.Tests.Detection;

/// <summary>Messages read as sentences: which registry, and counts in the right number.</summary>
[TestClass]
public sealed class WordingTests
{
    [TestMethod]
    [DataRow(FileKind.Npmrc, "registry=http://r.example.com/", "The default registry ('registry') uses plain http (http://r.example.com/)")]
    [DataRow(FileKind.Npmrc, "@myorg:registry=http://r.example.com/", "The registry of scope @myorg ('@myorg:registry') uses plain http")]
    [DataRow(FileKind.YarnrcYml, "npmRegistryServer: http://r.example.com", "The default registry ('npmRegistryServer') uses plain http")]
    [DataRow(FileKind.YarnrcYml, "npmScopes:\n  myorg:\n    npmRegistryServer: http://r.example.com", "The registry in 'npmScopes.myorg.npmRegistryServer' uses plain http")]
    public void AnInsecureRegistryIsNamedForWhatItIs(FileKind kind, string text, string expected)
    {
        var finding = Harness.Run(kind, text).Single();
        StringAssert.StartsWith(finding.Message, expected);
    }

    [TestMethod]
    [DataRow(0, "0 findings")]
    [DataRow(1, "1 finding")]
    [DataRow(2, "2 findings")]
    public void CountsAgreeWithTheirNoun(int count, string expected) => Assert.AreEqual(expected, Counted.Of(count, "finding"));
}
