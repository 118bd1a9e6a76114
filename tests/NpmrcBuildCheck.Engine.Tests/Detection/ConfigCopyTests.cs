using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;

namespace NpmrcBuildCheck.Engine.Tests.Detection;

/// <summary>Config copies no tool reads (.npmrc.example, x.npmrc, …): their credentials count, their settings do not.</summary>
[TestClass]
public sealed class ConfigCopyTests
{
    [TestMethod]
    [DataRow(".npmrc", FileKind.Npmrc, false)]
    [DataRow("npmrc", FileKind.Npmrc, false)]
    [DataRow(".NPMRC", FileKind.Npmrc, false)]
    [DataRow(".yarnrc", FileKind.Yarnrc, false)]
    [DataRow(".yarnrc.yml", FileKind.YarnrcYml, false)]
    [DataRow(".yarnrc.yaml", FileKind.YarnrcYml, false)]
    [DataRow("bunfig.toml", FileKind.Bunfig, false)]
    [DataRow(".bunfig.toml", FileKind.Bunfig, false)]
    [DataRow(".npmrc.example", FileKind.Npmrc, true)]
    [DataRow(".npmrc.template", FileKind.Npmrc, true)]
    [DataRow(".npmrc.org", FileKind.Npmrc, true)]
    [DataRow(".npmrc.bak", FileKind.Npmrc, true)]
    [DataRow("x.npmrc", FileKind.Npmrc, true)]
    [DataRow("ci.NPMRC", FileKind.Npmrc, true)]
    [DataRow(".yarnrc.bak", FileKind.Yarnrc, true)]
    [DataRow("ci.yarnrc", FileKind.Yarnrc, true)]
    [DataRow(".yarnrc.yml.example", FileKind.YarnrcYml, true)]
    [DataRow(".yarnrc.yaml.orig", FileKind.YarnrcYml, true)]
    [DataRow("ci.yarnrc.yml", FileKind.YarnrcYml, true)]
    [DataRow("bunfig.toml.example", FileKind.Bunfig, true)]
    [DataRow(".bunfig.toml.bak", FileKind.Bunfig, true)]
    [DataRow("ci.bunfig.toml", FileKind.Bunfig, true)]
    [DataRow("npmrc.md", FileKind.Text, false)]
    [DataRow("yarnrc.js", FileKind.Text, false)]
    [DataRow("package-lock.json", FileKind.Lockfile, false)]
    public void NamesAreReadAsConfigOrAsCopies(string name, FileKind kind, bool copy)
    {
        Assert.AreEqual(kind, FileKinds.Classify(name), name);
        Assert.AreEqual(copy, FileKinds.IsConfigCopy(name), name);
    }

    private const string NpmrcWithEverything =
        "registry=«http://r.example.com/»\n" +
        "strict-ssl=«false»\n" +
        "«_authToken»=«{O}»\n" +
        "//r.example.com/:_password=«$NPM_PASSWORD»\n" +
        "//r.example.com/:_authToken=%%PERSONAL_ACCESS_TOKEN%%\n" +
        "//r2.example.com/:_authToken={{TOKEN}}\n";

    [TestMethod]
    public void TheRealNpmrcGetsEverySettingsRule() =>
        Harness.Check(FileKind.Npmrc, NpmrcWithEverything, "NPMRC001 NPMRC005 NPMRC006 NPMRC007 NPMRC008", "app/.npmrc");

    [TestMethod]
    [DataRow("app/.npmrc.example")]
    [DataRow("app/.npmrc.template")]
    [DataRow("app/.npmrc.org")]
    [DataRow("app/.npmrc.bak")]
    [DataRow("app/x.npmrc")]
    public void AnNpmrcCopyGetsOnlyItsCredentials(string path)
    {
        // The same file; only the credential is marked, since nothing else may be reported.
        string onlyTheToken = NpmrcWithEverything.Replace("«", string.Empty).Replace("»", string.Empty).Replace("={O}", "=«{O}»");
        Harness.Check(FileKind.Npmrc, onlyTheToken, "NPMRC001", path);
    }

    [TestMethod]
    public void ACopyStillGetsCommentedCredentialsAndTokens() => Harness.Check(
        FileKind.Npmrc,
        "# //r.example.com/:_authToken=«{O}»\n//r.example.com/:_auth=«{B64UP}»\nnote=«{T}»\n",
        "NPMRC004 NPMRC002 NPMRC003",
        ".npmrc.example");

    [TestMethod]
    public void AYarnrcYmlCopyGetsOnlyItsCredentials() => Harness.Check(
        FileKind.YarnrcYml,
        "npmRegistryServer: \"http://r.example.com\"\nenableStrictSsl: false\nnpmAuthToken: «{O}»\n",
        "NPMRC001",
        ".yarnrc.yml.example");

    [TestMethod]
    public void AYarnrcCopyGetsOnlyItsCredentials() => Harness.Check(
        FileKind.Yarnrc,
        "registry \"http://r.example.com/\"\nstrict-ssl false\n\"//r.example.com/:_authToken\" \"«{O}»\"\n",
        "NPMRC001",
        ".yarnrc.bak");

    [TestMethod]
    public void ABunfigCopyGetsOnlyItsCredentials() => Harness.Check(
        FileKind.Bunfig,
        "[install]\nregistry = { url = \"http://r.example.com/\", token = \"«{O}»\" }\n",
        "NPMRC001",
        "bunfig.toml.example");

    [TestMethod]
    public void AUtf16CopyIsNotNpmrc010ButItsSecretIsFound()
    {
        string text = Harness.Expand("//r.example.com/:_authToken={O}\r\n");
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        Assert.AreEqual("NPMRC001", string.Join(" ", Harness.Run(FileKind.Npmrc, bytes, ".npmrc.bak").Select(f => f.Rule.Code)));
        Assert.AreEqual("NPMRC001 NPMRC010", string.Join(" ", Harness.Run(FileKind.Npmrc, bytes, ".npmrc").Select(f => f.Rule.Code).OrderBy(c => c)));
    }
}
