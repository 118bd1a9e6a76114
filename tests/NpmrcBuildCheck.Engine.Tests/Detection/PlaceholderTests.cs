using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;

namespace NpmrcBuildCheck.Engine.Tests.Detection;

/// <summary>
/// Values too short or too regular to be a credential of their kind are placeholders, in values and
/// in comments alike; base64 keys are decided by shape, so a short real password is still found.
/// </summary>
[TestClass]
public sealed class PlaceholderTests
{
    [TestMethod]
    [DataRow("//r.example.com/:_authToken=X", "")]
    [DataRow("//r.example.com/:_authToken=ab", "")]
    [DataRow("//r.example.com/:_authToken=abc", "")]
    [DataRow("//r.example.com/:_authToken=TOKEN", "")]
    [DataRow("//r.example.com/:_authToken=null", "")]
    [DataRow("//r.example.com/:_authToken=\"null\"", "")]
    [DataRow("//r.example.com/:_authToken=<token>", "")]
    [DataRow("//r.example.com/:_authToken=%%NAME%%", "")]
    [DataRow("//r.example.com/:_authToken=%%PERSONAL_ACCESS_TOKEN%%", "")]
    [DataRow("//r.example.com/:_authToken={{TOKEN}}", "")]
    [DataRow("//r.example.com/:_authToken=\"{{ npm_token }}\"", "")]
    [DataRow("//r.example.com/:_auth=X", "")]
    [DataRow("//r.example.com/:_password=X", "")]
    [DataRow("//r.example.com/:_password=abc", "")]
    [DataRow("//r.example.com/:_password=%%PASSWORD%%", "")]
    [DataRow("# //r.example.com/:_authToken=X", "")]
    [DataRow("# _authToken=TOKEN", "")]
    [DataRow("; //r.example.com/:_authToken=<token>", "")]
    [DataRow("# //r.example.com/:_password=abc", "")]
    [DataRow("# //r.example.com/:_authToken={{TOKEN}}", "")]
    // Kept: the shortest real shapes.
    [DataRow("//r.example.com/:_authToken=«abcd»", "NPMRC001")]
    [DataRow("//r.example.com/:_password=«YWJj»", "NPMRC002")]
    [DataRow("//r.example.com/:_password=«YQ==»", "NPMRC002")]
    [DataRow("//r.example.com/:_auth=«YTpi»", "NPMRC002")]
    [DataRow("//r.example.com/:_password=«hunter2»", "NPMRC002")]
    [DataRow("# //r.example.com/:_password=«YWJj»", "NPMRC004")]
    // A single-% reference is still one npm does not expand; a template marker is not.
    [DataRow("//r.example.com/:_authToken=«%NPM_TOKEN%»", "NPMRC007")]
    public void Npmrc(string template, string codes) => Harness.Check(FileKind.Npmrc, template, codes, ".npmrc");

    [TestMethod]
    [DataRow("npmAuthToken: X", "")]
    [DataRow("npmAuthToken: \"{{NPM_TOKEN}}\"", "")]
    [DataRow("npmAuthToken: \"%%NPM_TOKEN%%\"", "")]
    [DataRow("npmAuthIdent: X", "")]
    [DataRow("# npmAuthToken: X", "")]
    [DataRow("# npmAuthToken: TOKEN", "")]
    [DataRow("npmAuthIdent: «YWxpY2U6YWJj»", "NPMRC002")]
    [DataRow("npmAuthIdent: \"«alice:abc»\"", "NPMRC002")]
    public void YarnrcYml(string template, string codes) => Harness.Check(FileKind.YarnrcYml, template, codes, ".yarnrc.yml");

    [TestMethod]
    [DataRow("[install]\nregistry = { url = \"https://r.example.com/\", token = \"X\" }", "")]
    [DataRow("[install]\nregistry = { url = \"https://r.example.com/\", token = \"{{TOKEN}}\" }", "")]
    [DataRow("# token = \"X\"", "")]
    public void Bunfig(string template, string codes) => Harness.Check(FileKind.Bunfig, template, codes, "bunfig.toml");

    [TestMethod]
    [DataRow("\"//r.example.com/:_authToken\" \"X\"", "")]
    [DataRow("# \"//r.example.com/:_authToken\" \"TOKEN\"", "")]
    public void Yarnrc(string template, string codes) => Harness.Check(FileKind.Yarnrc, template, codes, ".yarnrc");
}
