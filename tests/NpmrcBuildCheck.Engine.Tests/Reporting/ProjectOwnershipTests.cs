using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Reporting;

namespace NpmrcBuildCheck.Engine.Tests.Reporting;

[TestClass]
public sealed class ProjectOwnershipTests
{
    private static readonly string[] Projects = { "src/Web", "src/Web/Tests", "src/Api" };

    [TestMethod]
    [DataRow("src/Web/ClientApp/.npmrc", "src/Web")]
    [DataRow("src/Web/Tests/.env", "src/Web/Tests")]
    [DataRow("src/Api/.npmrc", "src/Api")]
    [DataRow("src/WebOther/.npmrc", null)]
    [DataRow("tools/.npmrc", null)]
    [DataRow("src/Web", null)]
    public void TheDeepestProjectFolderOwnsAFile(string path, string? owner)
    {
        Assert.AreEqual(owner, ProjectOwnership.OwnerOf(path, Projects));
    }

    [TestMethod]
    public void ARootProjectOwnsEverythingNotInANestedOne()
    {
        Assert.AreEqual(string.Empty, ProjectOwnership.OwnerOf("ClientApp/.npmrc", new[] { "", "tests/Unit" }));
        Assert.AreEqual("tests/Unit", ProjectOwnership.OwnerOf("tests/Unit/.env", new[] { "", "tests/Unit" }));
    }
}
