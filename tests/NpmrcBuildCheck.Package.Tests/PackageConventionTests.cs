using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>What nuget.org users expect of the packed package: icon, repository, symbols, a README whose links work there, no dependencies.</summary>
[TestClass]
public sealed class PackageConventionTests
{
    private static string PackagePath(string extension) => Path.Combine(PackageFeed.FeedDirectory, $"NpmrcBuildCheck.{PackageFeed.Version}.{extension}");

    private static XElement Metadata(ZipArchive package)
    {
        using var stream = package.GetEntry("NpmrcBuildCheck.nuspec")!.Open();
        var nuspec = XDocument.Load(stream).Root!;
        return nuspec.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static XElement? Child(XElement parent, string name) => parent.Elements().SingleOrDefault(e => e.Name.LocalName == name);

    [TestMethod]
    public void NuspecHasIconRepositoryAndNoDependencies()
    {
        using var package = ZipFile.OpenRead(PackagePath("nupkg"));
        var metadata = Metadata(package);

        Assert.AreEqual("icon.png", Child(metadata, "icon")?.Value);
        var icon = package.GetEntry("icon.png");
        Assert.IsNotNull(icon);
        using (var png = icon.Open())
        {
            var signature = new byte[8];
            png.ReadExactly(signature);
            CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, signature);
        }

        var repository = Child(metadata, "repository");
        Assert.AreEqual(("git", "https://github.com/NpmrcBuildCheck/NpmrcBuildCheck"), ((string?)repository?.Attribute("type"), (string?)repository?.Attribute("url")));
        Assert.AreEqual("true", Child(metadata, "developmentDependency")?.Value);
        Assert.IsFalse(Child(metadata, "dependencies")?.Descendants().Any(e => e.Name.LocalName == "dependency") ?? false, "consumers get no dependency");
    }

    [TestMethod]
    public void SymbolPackageHoldsAPdbForEveryShippedAssemblyOfTheProject()
    {
        using var package = ZipFile.OpenRead(PackagePath("nupkg"));
        using var symbols = ZipFile.OpenRead(PackagePath("snupkg"));
        var ours = package.Entries.Select(e => e.FullName).Where(n => Regex.IsMatch(n, @"/NpmrcBuildCheck\.[A-Za-z]+\.dll$")).ToList();
        var pdbs = symbols.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".pdb")).ToHashSet();

        Assert.IsTrue(ours.Count >= 8, string.Join("\n", ours));
        foreach (var dll in ours)
        {
            Assert.IsTrue(pdbs.Contains(Path.ChangeExtension(dll, ".pdb")), "no symbols for " + dll);
        }
    }

    [TestMethod]
    public void PackageReadmeLinksAreAbsolute()
    {
        using var package = ZipFile.OpenRead(PackagePath("nupkg"));
        using var reader = new StreamReader(package.GetEntry("README.md")!.Open());
        string readme = reader.ReadToEnd();

        var links = Regex.Matches(readme, @"\]\(([^)]+)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.IsTrue(links.Count > 10, readme);
        var relative = links.Where(link => !link.StartsWith("https://") && !link.StartsWith("#")).ToList();
        Assert.AreEqual(0, relative.Count, "nuget.org cannot follow: " + string.Join(", ", relative));
        StringAssert.Contains(readme, "](https://github.com/NpmrcBuildCheck/NpmrcBuildCheck/blob/main/docs/rules/NPMRC001.md)");
    }
}
