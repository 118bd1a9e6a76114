using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;
using NpmrcBuildCheck.Findings;

namespace NpmrcBuildCheck.Engine.Tests.Workflows;

/// <summary>NPMRC012 on the shapes real release workflows have (their shapes, not their content).</summary>
[TestClass]
public sealed class TrustedPublishingTests
{
    private const string GitHub = ".github/workflows/release.yml";

    internal static List<Finding> Run(string path, string yaml)
    {
        var findings = new List<Finding>();
        string name = path.Substring(path.LastIndexOf('/') + 1);
        ContentDetector.Detect(path, FileKinds.Classify(name), Encoding.UTF8.GetBytes(yaml), findings);
        return findings;
    }

    /// <summary>"line:column" of each NPMRC012 finding; no other finding is expected in these files.</summary>
    private static string Found(string path, string yaml)
    {
        var findings = Run(path, yaml);
        Assert.IsTrue(findings.All(f => f.Rule.Code == "NPMRC012"), string.Join("\n", findings.Select(f => $"{f.Rule.Code} {f.Line}:{f.Column} {f.Message}")));
        return string.Join(" ", findings.Select(f => $"{f.Line}:{f.Column}"));
    }

    private static string SetupNodeJob(string runsOn = "ubuntu-latest", string registry = "https://registry.npmjs.org", string permissions = "", string publishEnv = "          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n") =>
        "name: Release\non:\n  release:\n    types: [published]\n" +
        "jobs:\n  publish:\n" +
        $"    runs-on: {runsOn}\n" + permissions +
        "    steps:\n" +
        "      - uses: actions/checkout@v4\n" +
        "      - uses: actions/setup-node@v4\n        with:\n          node-version: 22\n" +
        $"          registry-url: '{registry}'\n" +
        "      - run: npm ci\n" +
        "      - run: npm publish --provenance --access public\n" +
        (publishEnv.Length > 0 ? "        env:\n" + publishEnv : string.Empty);

    [TestMethod]
    public void GitHubHostedJobPublishingWithASecretIsReportedAtTheEnvEntry()
    {
        var findings = Run(GitHub, SetupNodeJob());
        var f = findings.Single();
        Assert.AreEqual(("NPMRC012", 17, 11), (f.Rule.Code, f.Line, f.Column));
        Assert.AreEqual("NODE_AUTH_TOKEN", f.Key);
        Assert.AreEqual(11 + "NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}".Length, f.EndColumn);
        StringAssert.Contains(f.Message, "Job 'publish'");
        StringAssert.Contains(f.Message, "${{ secrets.NPM_TOKEN }}");
        StringAssert.Contains(f.Message, "id-token: write");
        StringAssert.Contains(f.Message, "11.5.1");
        StringAssert.Contains(f.Message, "22.14");
        Assert.AreEqual(string.Empty, f.Redacted);
    }

    [TestMethod]
    [DataRow("windows-latest")]
    [DataRow("macos-14")]
    [DataRow("ubuntu-24.04")]
    [DataRow("[ubuntu-latest]")]
    [DataRow("${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]")]
    public void EveryGitHubHostedLabelCounts(string runsOn) => Assert.AreEqual("1", Run(GitHub, SetupNodeJob(runsOn)).Count.ToString());

    [TestMethod]
    [DataRow("self-hosted")]
    [DataRow("[self-hosted, linux, x64]")]
    [DataRow("{ group: release-runners }")]
    [DataRow("acme-ubuntu-8-cores")]
    [DataRow("${{ inputs.runner }}")]
    [DataRow("${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, self-hosted]")]
    public void SelfHostedOrUnknownRunnersAreNotReported(string runsOn) => Assert.AreEqual(string.Empty, Found(GitHub, SetupNodeJob(runsOn)));

    [TestMethod]
    public void IdTokenWriteWithoutATokenIsNotReported() =>
        Assert.AreEqual(string.Empty, Found(GitHub, SetupNodeJob(permissions: "    permissions:\n      contents: read\n      id-token: write\n", publishEnv: string.Empty)));

    [TestMethod]
    public void IdTokenWriteWithATokenStillIsAndSaysSo()
    {
        var f = Run(GitHub, SetupNodeJob(permissions: "    permissions:\n      id-token: write\n")).Single();
        StringAssert.Contains(f.Message, "already has permissions: id-token: write");
    }

    [TestMethod]
    [DataRow("https://npm.pkg.github.com")]
    [DataRow("https://pkgs.dev.azure.com/acme/_packaging/feed/npm/registry/")]
    [DataRow("http://localhost:4873")]
    [DataRow("${{ inputs.registry }}")]
    public void OtherRegistriesAreNotReported(string registry) => Assert.AreEqual(string.Empty, Found(GitHub, SetupNodeJob(registry: registry)));

    [TestMethod]
    public void RegistryOnTheCommandLineDecides()
    {
        string yaml = SetupNodeJob().Replace("npm publish --provenance", "npm publish --registry https://npm.pkg.github.com");
        Assert.AreEqual(string.Empty, Found(GitHub, yaml));
    }

    [TestMethod]
    public void InstallOnlyJobsAreNotReported() =>
        Assert.AreEqual(string.Empty, Found(GitHub, SetupNodeJob().Replace("npm publish --provenance --access public", "npm test")));

    [TestMethod]
    public void AReadTokenForInstallBesideOidcPublishIsNotReported()
    {
        // npm's own example: a read-only token for npm ci, OIDC for npm publish.
        const string yaml = """
            permissions:
              id-token: write
              contents: read
            jobs:
              publish:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/setup-node@v4
                    with:
                      node-version: '24'
                      registry-url: 'https://registry.npmjs.org'
                  - run: npm ci
                    env:
                      NODE_AUTH_TOKEN: ${{ secrets.NPM_READ_TOKEN }}
                  - run: npm publish
            """;
        Assert.AreEqual(string.Empty, Found(GitHub, yaml));
    }

    [TestMethod]
    public void DryRunsAndNonPublishingScriptsAreNotReported()
    {
        Assert.AreEqual(string.Empty, Found(GitHub, SetupNodeJob().Replace("npm publish --provenance", "npm publish --dry-run")));
        Assert.AreEqual(string.Empty, Found(GitHub, SetupNodeJob().Replace("npm publish --provenance --access public", "npm run publish-docs")));
    }

    [TestMethod]
    public void JobAndWorkflowEnvCountAndTheInnermostDefinitionWins()
    {
        string workflowLevel = "env:\n  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n" + SetupNodeJob(publishEnv: string.Empty);
        Assert.AreEqual("2:3", Found(GitHub, workflowLevel));

        string jobLevel = SetupNodeJob(publishEnv: string.Empty).Replace("    steps:\n", "    env:\n      NODE_AUTH_TOKEN: ${{ vars.PUBLISH_TOKEN_VALUE }}\n    steps:\n");
        Assert.AreEqual("9:7", Found(GitHub, jobLevel));

        string overridden = "env:\n  NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n" + SetupNodeJob(publishEnv: "          NODE_AUTH_TOKEN: ''\n");
        Assert.AreEqual(string.Empty, Found(GitHub, overridden));
    }

    [TestMethod]
    public void ReleaseToolsAndActionsArePublishers()
    {
        // semantic-release, changesets and lerna read NPM_TOKEN; the action takes a token input.
        const string yaml = """
            name: release
            on:
              push:
                branches: [main]
            jobs:
              semantic:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: npx semantic-release
                    env:
                      GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}
                      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}
              changesets:
                runs-on: ubuntu-latest
                steps:
                  - name: Create Release Pull Request or Publish
                    uses: changesets/action@v1
                    with:
                      publish: pnpm release
                    env:
                      GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}
                      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}
              action:
                runs-on: ubuntu-latest
                steps:
                  - uses: JS-DevTools/npm-publish@v3
                    with:
                      token: ${{ secrets.NPM_TOKEN }}
              lerna:
                runs-on: ubuntu-22.04
                steps:
                  - run: |
                      echo "//registry.npmjs.org/:_authToken=${{ secrets.NPM_TOKEN }}" > .npmrc
                      npx lerna publish from-package --yes
            """;
        Assert.AreEqual("13:11 23:11 29:11 34:50", Found(GitHub, yaml));
    }

    [TestMethod]
    public void ReusableWorkflowCallsAndOtherFilesAreNotRead()
    {
        const string caller = "jobs:\n  release:\n    uses: ./.github/workflows/publish.yml\n    secrets:\n      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n";
        Assert.AreEqual(string.Empty, Found(GitHub, caller));
        Assert.AreEqual(string.Empty, Found("docs/release.yml", SetupNodeJob()));
        Assert.AreEqual(string.Empty, Found(".github/workflows/sub/release.yml", SetupNodeJob()));
    }

    [TestMethod]
    public void InlineSuppressionWorks()
    {
        string yaml = SetupNodeJob().Replace("          NODE_AUTH_TOKEN:", "          # npmrc-buildcheck-ignore NPMRC012\n          NODE_AUTH_TOKEN:");
        Assert.AreEqual(string.Empty, Found(GitHub, yaml));
    }

    [TestMethod]
    public void GitLabJobOnSharedRunnersIsReportedWhereItNamesTheToken()
    {
        const string yaml = """
            stages: [test, publish]
            default:
              image: node:22
            publish:
              stage: publish
              script:
                - npm ci
                - echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc
                - npm publish
              rules:
                - if: $CI_COMMIT_TAG
            """;
        var f = Run(".gitlab-ci.yml", yaml).Single();
        Assert.AreEqual(("NPMRC012", 8, 46), (f.Rule.Code, f.Line, f.Column));
        StringAssert.Contains(f.Message, "id_tokens");
        StringAssert.Contains(f.Message, "${NPM_TOKEN}");
    }

    [TestMethod]
    public void GitLabShapes()
    {
        // Tagged (self-managed) runner, GitLab's own registry, OIDC only, templates through extends.
        const string tagged = "publish:\n  tags: [docker, linux]\n  script:\n    - npm config set //registry.npmjs.org/:_authToken $NPM_TOKEN\n    - npm publish\n";
        Assert.AreEqual(string.Empty, Found(".gitlab-ci.yml", tagged));
        Assert.AreEqual("4:55", Found(".gitlab-ci.yml", tagged.Replace("[docker, linux]", "[saas-linux-small-amd64]")));

        const string gitlabRegistry = "publish:\n  script:\n    - echo \"${CI_API_V4_URL#https?}/projects/${CI_PROJECT_ID}/packages/npm/:_authToken=${CI_JOB_TOKEN}\" > .npmrc\n    - npm publish\n";
        Assert.AreEqual(string.Empty, Found(".gitlab-ci.yml", gitlabRegistry));

        const string oidc = "publish:\n  id_tokens:\n    NPM_ID_TOKEN:\n      aud: \"npm:registry.npmjs.org\"\n  script:\n    - npm publish\n";
        Assert.AreEqual(string.Empty, Found(".gitlab-ci.yml", oidc));

        const string extends = ".release:\n  variables:\n    NODE_AUTH_TOKEN: $NPM_TOKEN\n  script:\n    - npx semantic-release\nrelease:\n  extends: .release\n";
        Assert.AreEqual("3:5", Found(".gitlab-ci.yml", extends));
        Assert.AreEqual("3:5", Found("ci/release.gitlab-ci.yml", extends));
        Assert.AreEqual("3:5", Found(".gitlab/ci/release.yml", extends));

        const string installOnly = "test:\n  script:\n    - echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc\n    - npm ci\n    - npm test\n";
        Assert.AreEqual(string.Empty, Found(".gitlab-ci.yml", installOnly));
    }

    [TestMethod]
    public void CircleCiCloudJobIsReportedWhereItNamesTheToken()
    {
        const string yaml = """
            version: 2.1
            jobs:
              publish:
                docker:
                  - image: cimg/node:22.14
                steps:
                  - checkout
                  - run:
                      name: Authenticate with registry
                      command: echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > ~/.npmrc
                  - run: npm publish
            workflows:
              release:
                jobs:
                  - publish:
                      context: npm-publishing
            """;
        var f = Run(".circleci/config.yml", yaml).Single();
        Assert.AreEqual(("NPMRC012", 10, 59), (f.Rule.Code, f.Line, f.Column));
        StringAssert.Contains(f.Message, "circleci run oidc get");
    }

    [TestMethod]
    public void CircleCiShapes()
    {
        const string selfHosted = "version: 2.1\njobs:\n  publish:\n    machine: true\n    resource_class: acme/release-runner\n    steps:\n      - run: |\n          echo \"//registry.npmjs.org/:_authToken=$NPM_TOKEN\" > ~/.npmrc\n          npm publish\n";
        Assert.AreEqual(string.Empty, Found(".circleci/config.yml", selfHosted));
        Assert.AreEqual("8:50", Found(".circleci/config.yml", selfHosted.Replace("acme/release-runner", "large")));

        const string executor = "version: 2.1\nexecutors:\n  node:\n    docker:\n      - image: cimg/node:lts\njobs:\n  publish:\n    executor: node\n    environment:\n      NODE_AUTH_TOKEN: ${NPM_TOKEN}\n    steps:\n      - run: yarn npm publish\n";
        Assert.AreEqual("10:7", Found(".circleci/config.yml", executor));

        const string oidc = "version: 2.1\njobs:\n  publish:\n    docker:\n      - image: cimg/node:22.14\n    steps:\n      - run: |\n          export NPM_ID_TOKEN=$(circleci run oidc get --claims '{\"aud\": \"npm:registry.npmjs.org\"}')\n          npm publish\n";
        Assert.AreEqual(string.Empty, Found(".circleci/config.yml", oidc));
    }
}
