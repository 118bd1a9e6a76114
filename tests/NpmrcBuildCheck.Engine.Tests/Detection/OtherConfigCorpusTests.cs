using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;

namespace NpmrcBuildCheck.Engine.Tests.Detection;

/// <summary>Corpus for .yarnrc.yml, .yarnrc, bunfig.toml and lockfiles.</summary>
[TestClass]
public sealed class OtherConfigCorpusTests
{
    [TestMethod]
    [DataRow("npmAuthToken: «{T}»", "NPMRC001")]
    [DataRow("npmAuthToken: \"«{O}»\"", "NPMRC001")]
    [DataRow("npmAuthToken: '«{O}»'  # c", "NPMRC001")]
    [DataRow("npmAuthToken: «tok#x{O}» # c", "NPMRC001")]
    [DataRow("npmScopes:\n  myorg:\n    npmRegistryServer: \"https://npm.example.com\"\n    npmAuthToken: «{U}»", "NPMRC001")]
    [DataRow("npmRegistries:\n  \"https://npm.example.com\":\n    npmAuthToken: «{O}»\n    npmAlwaysAuth: true", "NPMRC001")]
    [DataRow("npmRegistries:\n  //npm.example.com:\n    npmAuthIdent: \"«alice:s3cret»\"", "NPMRC002")]
    [DataRow("npmAuthIdent: «{B64UP}»", "NPMRC002")]
    [DataRow("npmAuthToken: \"${NPM_TOKEN:-«{O}»}\"", "NPMRC001")]
    [DataRow("\uFEFFnodeLinker: node-modules\r\nnpmAuthToken: «{O}»\r\n", "NPMRC001")]
    [DataRow("# npmAuthToken: «{O}»", "NPMRC004")]
    [DataRow("npmAuthToken: \"${NPM_TOKEN}\" # old «{T}»", "NPMRC004")]
    [DataRow("# «{U}»", "NPMRC004")]
    [DataRow("npmRegistryServer: \"«http://npm.example.com»\"", "NPMRC005")]
    [DataRow("npmScopes:\n  myorg:\n    npmRegistryServer: «http://npm.example.com/»", "NPMRC005")]
    [DataRow("npmPublishRegistry: «HTTP://npm.example.com»", "NPMRC005")]
    [DataRow("enableStrictSsl: «false»", "NPMRC006")]
    [DataRow("enableStrictSsl: \"«false»\"", "NPMRC006")]
    [DataRow("httpsProxy: \"http://user:«p4ssw0rd»@proxy.example.com:3128\"", "NPMRC002")]
    [DataRow("npmRegistryServer: \"https://alice:«p4ssw0rd»@npm.example.com\"", "NPMRC002")]
    // Not findings.
    [DataRow("npmAuthToken: \"${NPM_TOKEN}\"", "")]
    [DataRow("npmAuthToken: ${NPM_TOKEN}", "")]
    [DataRow("npmAuthToken: \"${NPM_TOKEN:-}\"", "")]
    [DataRow("npmAuthToken: \"${NPM_TOKEN-}\"", "")]
    [DataRow("npmAuthToken: $NPM_TOKEN", "")]
    [DataRow("npmAuthIdent: \"username:password\"", "")]
    [DataRow("npmAuthIdent: \"${NPM_USER}:${NPM_PASS}\"", "")]
    [DataRow("npmAuthToken: \"${NPM_TOKEN-}${OTHER}\"", "")]
    [DataRow("npmAuthToken: \"<YOUR_TOKEN>\"", "")]
    [DataRow("npmAuthToken: ''", "")]
    [DataRow("npmAuthToken:", "")]
    [DataRow("# npmAuthToken: ${NPM_TOKEN}", "")]
    [DataRow("npmRegistryServer: \"http://localhost:4873\"", "")]
    [DataRow("npmRegistryServer: \"https://npm.example.com\"", "")]
    [DataRow("enableStrictSsl: true", "")]
    [DataRow("yarnPath: .yarn/releases/yarn-4.5.0.cjs\nnodeLinker: node-modules\nunsafeHttpWhitelist:\n  - localhost", "")]
    public void YarnrcYml(string template, string codes) => Harness.Check(FileKind.YarnrcYml, template, codes, ".yarnrc.yml");

    [TestMethod]
    [DataRow("\"//r.example.com/:_authToken\" \"«{O}»\"", "NPMRC001")]
    [DataRow("_authToken «{O}»", "NPMRC001")]
    [DataRow("\"_auth\" \"«{B64UP}»\"", "NPMRC002")]
    [DataRow("# \"//r.example.com/:_authToken\" \"«{O}»\"", "NPMRC004")]
    [DataRow("registry \"«http://r.example.com/»\"", "NPMRC005")]
    [DataRow("strict-ssl «false»", "NPMRC006")]
    [DataRow("\"//r.example.com/:_authToken\" \"${NPM_TOKEN}\"", "")]
    [DataRow("registry \"https://r.example.com/\"\nyarn-path \".yarn/releases/yarn-1.22.22.cjs\"\n--install.frozen-lockfile true", "")]
    public void Yarnrc(string template, string codes) => Harness.Check(FileKind.Yarnrc, template, codes, ".yarnrc");

    [TestMethod]
    [DataRow("[install]\nregistry = { url = \"https://r.example.com/\", token = \"«{T}»\" }", "NPMRC001")]
    [DataRow("[install.scopes]\nmyorg = { url = \"https://npm.example.com/\", token = \"«{O}»\" }", "NPMRC001")]
    [DataRow("[install.scopes]\n\"@myorg\" = { token = '«{O}»', url = \"https://npm.example.com/\" }", "NPMRC001")]
    [DataRow("[install.scopes.myorg]\nurl = \"https://npm.example.com/\"\ntoken = \"«{O}»\"", "NPMRC001")]
    [DataRow("[install]\nregistry = { url = \"https://r.example.com/\", username = \"bob\", password = \"«{O}»\" }", "NPMRC002")]
    [DataRow("[install]\nregistry = \"https://bob:«{O}»@r.example.com/\"", "NPMRC002")]
    [DataRow("[install.scopes]\nmyorg = \"https://bob:«{O}»@npm.example.com/\"", "NPMRC002")]
    [DataRow("[install]\nregistry = \"«http://r.example.com/»\"", "NPMRC005")]
    [DataRow("[install]\nregistry = { url = \"«http://r.example.com/»\", token = \"$NPM_TOKEN\" }", "NPMRC005")]
    [DataRow("[install]\n# token = \"«{O}»\"", "NPMRC004")]
    [DataRow("[install]\nregistry = \"https://r.example.com/\" # «{T}»", "NPMRC004")]
    [DataRow("[install]\nregistry = { url = \"https://r.example.com/\", token = \"${NPM_TOKEN}\" }", "")]
    [DataRow("[install]\nregistry = { url = \"https://r.example.com/\", token = \"$NPM_TOKEN\" }", "")]
    [DataRow("[install.scopes]\nmyorg = { url = \"https://npm.example.com/\", username = \"bob\", password = \"$NPM_PASSWORD\" }", "")]
    [DataRow("[install]\nregistry = \"http://localhost:4873/\"", "")]
    [DataRow("telemetry = false\n[test]\ncoverage = true", "")]
    public void Bunfig(string template, string codes) => Harness.Check(FileKind.Bunfig, template, codes, "bunfig.toml");

    [TestMethod]
    [DataRow("\"resolved\": \"https://bob:«{O}»@r.example.com/pkg/-/pkg-1.0.0.tgz\",", "NPMRC002")]
    [DataRow("  resolved \"https://bob:«p4ssw0rd»@r.example.com/x/-/x-1.0.0.tgz#abc\"", "NPMRC002")]
    [DataRow("    tarball: https://bob:«p4ssw0rd»@r.example.com/x.tgz", "NPMRC002")]
    [DataRow("\"resolved\": \"https://r.example.com/«{T}»/x.tgz\"", "NPMRC003")]
    [DataRow("\"resolved\": \"https://registry.npmjs.org/x/-/x-1.0.0.tgz\",\n\"integrity\": \"sha512-{B64P}==\",\n\"id\": \"{U}\"", "")]
    [DataRow("  resolved \"git+ssh://git@github.com:org/repo.git#abc\"", "")]
    [DataRow("  resolved \"https://bob:${NPM_PASSWORD}@r.example.com/x.tgz\"", "")]
    public void Lockfile(string template, string codes) => Harness.Check(FileKind.Lockfile, template, codes, "package-lock.json");
}
