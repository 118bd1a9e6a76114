using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Workflows;

namespace NpmrcBuildCheck.Engine.Tests.Workflows;

[TestClass]
public sealed class ShellCommandsTests
{
    [TestMethod]
    [DataRow("npm publish")]
    [DataRow("npm publish --provenance --access public")]
    [DataRow("npm -w packages/core publish")]
    [DataRow("npm ci && npm run build && npm publish")]
    [DataRow("NODE_AUTH_TOKEN=x npm publish")]
    [DataRow("pnpm -r publish --no-git-checks")]
    [DataRow("pnpm --filter @acme/ui publish")]
    [DataRow("yarn publish --non-interactive")]
    [DataRow("yarn npm publish --access public")]
    [DataRow("yarn workspaces foreach -A --no-private npm publish --tolerate-republish")]
    [DataRow("bun publish")]
    [DataRow("npx semantic-release")]
    [DataRow("npx --yes semantic-release@24")]
    [DataRow("pnpm dlx semantic-release")]
    [DataRow("npx changeset publish")]
    [DataRow("pnpm changeset publish")]
    [DataRow("npx lerna publish from-package --yes")]
    [DataRow("npx release-it --ci")]
    [DataRow("npx nx release publish")]
    [DataRow("./node_modules/.bin/semantic-release")]
    [DataRow("set -e\n# publish the package\nnpm publish")]
    public void PublishingCommands(string script) => Assert.IsTrue(ShellCommands.Publishes(script, out _), script);

    [TestMethod]
    [DataRow("npm ci")]
    [DataRow("npm run publish")]
    [DataRow("npm publish --dry-run")]
    [DataRow("npx semantic-release --dry-run")]
    [DataRow("yarn run publish:docs")]
    [DataRow("npm pack")]
    [DataRow("echo npm publish")]
    [DataRow("# npm publish")]
    [DataRow("npx nx release version")]
    [DataRow("npx release-it --no-npm")]
    [DataRow("dotnet nuget push *.nupkg")]
    public void OtherCommands(string script) => Assert.IsFalse(ShellCommands.Publishes(script, out _), script);

    [TestMethod]
    public void RegistriesAreClassifiedByHost()
    {
        Assert.IsTrue(ShellCommands.Publishes("npm publish --registry=https://npm.pkg.github.com", out string? registry));
        Assert.AreEqual(RegistryKind.Other, ShellCommands.Classify(registry));
        Assert.AreEqual(RegistryKind.Public, ShellCommands.Classify("https://registry.npmjs.org/"));
        Assert.AreEqual(RegistryKind.Public, ShellCommands.Classify("'https://registry.yarnpkg.com'"));
        Assert.AreEqual(RegistryKind.Unknown, ShellCommands.Classify("${{ inputs.registry }}"));
        Assert.AreEqual(RegistryKind.Unknown, ShellCommands.Classify("$CI_API_V4_URL/packages/npm/"));
        CollectionAssert.AreEqual(
            new[] { "https://npm.acme.example/", "https://r.example.com/", "https://npm.pkg.github.com/" },
            ShellCommands.ConfiguredRegistries("npm config set registry https://npm.acme.example/\necho registry=https://r.example.com/ > .npmrc\necho \"//npm.pkg.github.com/:_authToken=${T}\"").ToArray());
    }

    [TestMethod]
    public void ReferencesNameVariablesAndCiExpressions()
    {
        var refs = ShellCommands.References("echo \"//r/:_authToken=${NPM_TOKEN}\" $NODE_AUTH_TOKEN %NPM_AUTH_TOKEN% $env:X ${{ secrets.NPM_TOKEN }} ${{vars.V}}").ToList();
        CollectionAssert.AreEqual(
            new[] { "NPM_TOKEN:False", "NODE_AUTH_TOKEN:False", "NPM_AUTH_TOKEN:False", "X:False", "NPM_TOKEN:True", "V:True" },
            refs.Select(r => $"{r.Name}:{r.IsCiExpression}").ToArray());
        Assert.AreEqual("${NPM_TOKEN}", "echo \"//r/:_authToken=${NPM_TOKEN}\"".Substring(refs[0].Start, refs[0].End - refs[0].Start));
    }
}
