using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>NPMRC012 as a user meets it: CI files in the scanned tree, one message per token hand-off, a green build.</summary>
[TestClass]
public sealed class TrustedPublishingTests
{
    private static string Workflow(string runsOn = "ubuntu-latest", string registry = "https://registry.npmjs.org", string permissions = "", bool token = true) =>
        "name: Release\n" +
        "on:\n  release:\n    types: [published]\n" +
        permissions +
        "jobs:\n" +
        "  publish:\n" +
        $"    runs-on: {runsOn}\n" +
        "    steps:\n" +
        "      - uses: actions/checkout@v4\n" +
        "      - uses: actions/setup-node@v4\n" +
        "        with:\n" +
        "          node-version: 22\n" +
        $"          registry-url: '{registry}'\n" +
        "      - run: npm ci\n" +
        "      - run: npm publish --access public\n" +
        (token ? "        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n" : string.Empty);

    [TestMethod]
    public void APublishJobWithAStoredTokenIsOneMessageAtTheTokenLineAndTheBuildSucceeds()
    {
        var consumer = Consumer.WithProject("trusted-publishing");
        consumer.Write(".github/workflows/release.yml", Workflow());
        consumer.Write(".github/workflows/oidc.yml", Workflow(permissions: "permissions:\n  id-token: write\n  contents: read\n", token: false));
        consumer.Write(".github/workflows/self-hosted.yml", Workflow(runsOn: "[self-hosted, linux]"));
        consumer.Write(".github/workflows/github-packages.yml", Workflow(registry: "https://npm.pkg.github.com"));

        var build = consumer.Build();

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        var message = build.Ours.Single();
        Assert.AreEqual(("NPMRC012", "message"), (message.Code, message.Severity), build.ToString());
        Assert.AreEqual(consumer.PathOf(".github/workflows/release.yml"), message.File);
        Assert.AreEqual((17, 11), (message.Line, message.Column), "the NODE_AUTH_TOKEN entry");
        StringAssert.Contains(message.Message, "trusted publish");
        StringAssert.Contains(message.Message, "id-token: write");
    }

    [TestMethod]
    public void GitLabAndCircleCiJobsAreReportedAndTheSeverityCanBeRaised()
    {
        var consumer = Consumer.WithProject("trusted-publishing-ci", extraItems: "<NpmrcBuildCheckRule Include=\"NPMRC012\" Severity=\"warning\" />");
        consumer.Write(".gitlab-ci.yml",
            "publish:\n  image: node:22\n  script:\n    - echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc\n    - npm publish\n  rules:\n    - if: $CI_COMMIT_TAG\n");
        consumer.Write(".circleci/config.yml",
            "version: 2.1\njobs:\n  publish:\n    docker:\n      - image: cimg/node:22.14\n    steps:\n      - checkout\n      - run: echo \"//registry.npmjs.org/:_authToken=$NPM_TOKEN\" > ~/.npmrc\n      - run: npm publish\n");

        var build = consumer.Build();

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        CollectionAssert.AreEquivalent(
            new[] { ".gitlab-ci.yml(4,46) warning", ".circleci/config.yml(8,53) warning" },
            build.Ours.Select(d => $"{consumer.RelativePath(d.File)}({d.Line},{d.Column}) {d.Severity}").ToArray(),
            build.ToString());
        Assert.IsTrue(build.Ours.All(d => d.Code == "NPMRC012"), build.ToString());
    }
}
