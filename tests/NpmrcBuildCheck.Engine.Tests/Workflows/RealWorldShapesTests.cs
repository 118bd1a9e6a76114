using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NpmrcBuildCheck.Engine.Tests.Workflows;

/// <summary>
/// Shapes seen in public release pipelines (semantic-release, Vite, GitHub's and CircleCI's
/// templates, GitLab examples), rewritten: "line:column" of each NPMRC012 finding.
/// </summary>
[TestClass]
public sealed class RealWorldShapesTests
{
    private static string Found(string path, string yaml) =>
        string.Join(" ", TrustedPublishingTests.Run(path, yaml).Where(f => f.Rule.Code == "NPMRC012").Select(f => $"{f.Line}:{f.Column}"));

    [TestMethod]
    public void SemanticReleaseWithProvenanceStillHoldsAToken()
    {
        const string yaml = """
            name: Release
            "on":
              push:
                branches:
                  - main
                  - "*.x"
            permissions:
              contents: read # checkout
            jobs:
              release:
                permissions:
                  contents: write # releases
                  id-token: write # provenance
                name: release
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@0000000000000000000000000000000000000000 # v5
                  - uses: actions/setup-node@0000000000000000000000000000000000000000 # v6
                    with:
                      cache: npm
                      node-version: lts/*
                  - run: npm clean-install
                  - run: npx semantic-release@24.0.0
                    env:
                      GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}
                      NPM_TOKEN: ${{ secrets.RELEASE_BOT_NPM_TOKEN }}
            """;
        var f = TrustedPublishingTests.Run(".github/workflows/release.yml", yaml).Single();
        Assert.AreEqual((26, 11), (f.Line, f.Column));
        StringAssert.Contains(f.Message, "already has permissions: id-token: write");
    }

    [TestMethod]
    public void AMonorepoThatAlreadyPublishesWithOidcThroughAScriptIsQuiet()
    {
        const string yaml = """
            on:
              push:
                branches: [main, "v[0-9]*"]
            permissions: {}
            jobs:
              publish-release:
                if: needs.detect.outputs.release == 'true'
                runs-on: ubuntu-slim
                permissions:
                  contents: write
                  id-token: write
                environment: Release
                steps:
                  - name: Publish package
                    env:
                      TAG: ${{ needs.detect.outputs.tag }}
                    # npm 11.5.1+ is required for trusted publishing.
                    run: npm i -g npm@^11.5.2 && pnpm run ci-publish "$TAG"
            """;
        Assert.AreEqual(string.Empty, Found(".github/workflows/publish.yml", yaml));
    }

    [TestMethod]
    public void TheClassicTemplateWithABuildJobAndAPublishJob()
    {
        const string yaml = """
            # Publishes the module when a release is created.
            # Needs the NPM_TOKEN secret.
            name: Publish to npm
            on:
              release:
                types: [created]
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v2
                  - uses: actions/setup-node@v1
                    with:
                      node-version: 12
                  - run: npm ci
                  - run: npm test
              publish-npm:
                needs: build
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v2
                  - uses: actions/setup-node@v1
                    with:
                      node-version: 12
                      registry-url: https://registry.npmjs.org/
                  - run: npm ci
                  - run: npm publish
                    env:
                      NODE_AUTH_TOKEN: ${{secrets.npm_token}}
              publish-gpr:
                needs: build
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/setup-node@v1
                    with:
                      registry-url: https://npm.pkg.github.com/
                  - run: npm publish
                    env:
                      NODE_AUTH_TOKEN: ${{secrets.GITHUB_TOKEN}}
            """;
        Assert.AreEqual("29:11", Found(".github/workflows/npmpublish.yml", yaml));
    }

    [TestMethod]
    public void ANexusRegistryFromAVariableIsNotKnownToBePublic()
    {
        const string yaml = """
            jobs:
              publish:
                runs-on: ubuntu-latest
                steps:
                  - name: Authenticate with the registry
                    run: |
                      REGISTRY_URL="${NPM_REGISTRY_URL#https://}"
                      echo "//${REGISTRY_URL}:_authToken=${NPM_AUTH_TOKEN}" > ~/.npmrc
                    env:
                      NPM_REGISTRY_URL: ${{ vars.NPM_REGISTRY_URL }}
                      NPM_AUTH_TOKEN: ${{ secrets.NPM_AUTH_TOKEN }}
                  - run: npm publish
            """;
        Assert.AreEqual(string.Empty, Found(".github/workflows/publish.yml", yaml));
    }

    [TestMethod]
    public void ATokenWrittenToNpmrcAndPassedAgainIsTwoHandoffs()
    {
        const string yaml = """
            on:
              release:
                types: [created]
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                - uses: actions/checkout@v4
                - run: yarn
                - name: Configure npm for publishing
                  run: echo "//registry.npmjs.org/:_authToken=${{ secrets.NPM_TOKEN }}" > ~/.npmrc
                - run: yarn publish
                  env:
                    NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}
            """;
        Assert.AreEqual("14:9 11:51", Found(".github/workflows/publish.yml", yaml));
    }

    [TestMethod]
    public void GitLabGlobalBeforeScriptAndEscapedReferences()
    {
        const string yaml = """
            stages:
            - build
            - publish

            before_script:
            - echo "//registry.npmjs.org/:_authToken=\${NPM_TOKEN}" > .npmrc
            - npm ci

            build:
              stage: build
              image: node:20
              script:
              - npm run build

            publish:
              stage: publish
              image: node:20
              only:
              - tags
              script:
              - npm --no-git-tag-version version ${CI_COMMIT_TAG}
              - npm publish --access public
              variables:
                NPM_TOKEN: ${NPM_TOKEN}
            """;
        Assert.AreEqual("24:5 6:43", Found(".gitlab-ci.yml", yaml));
    }

    [TestMethod]
    public void GitLabOwnRegistryWithTheJobTokenIsQuiet()
    {
        const string yaml = """
            image: node:latest
            publish_package:
              stage: deploy
              script:
                - |
                  echo "@${CI_PROJECT_NAMESPACE%%/*}:registry=\${CI_SERVER_URL}/api/v4/projects/${CI_PROJECT_ID}/packages/npm/" >> .npmrc
                  echo '//gitlab.com/api/v4/projects/${CI_PROJECT_ID}/packages/npm/:_authToken=${CI_JOB_TOKEN}' >> .npmrc
                - npm publish
            """;
        Assert.AreEqual(string.Empty, Found(".gitlab-ci.yml", yaml));
    }

    [TestMethod]
    public void CircleCiMergedDefaultsAnchoredStepsAndOrbExecutors()
    {
        const string yaml = """
            version: 2.1
            npm-login: &npm-login
              # NPM_TOKEN is set in the project settings
              run:
                name: Create .npmrc
                command: |
                  echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" >> ~/.npmrc
            defaults: &defaults
              working_directory: ~/repo
              docker:
                - image: cimg/node:lts
            orbs:
              node: circleci/node@5
            jobs:
              deploy:
                <<: *defaults
                steps:
                  - checkout
                  - run:
                      name: Authenticate with registry
                      command: echo "//registry.npmjs.org/:_authToken=$npm_TOKEN" > ~/repo/.npmrc
                  - deploy:
                      name: Publish package
                      command: npm publish
              publish:
                executor:
                  name: node/default
                  tag: '22.14'
                steps:
                  - checkout
                  - *npm-login
                  - run: npm publish
              dry:
                <<: *defaults
                steps:
                  - run: echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc
                  - run: npm publish --dry-run
              private-registry:
                <<: *defaults
                steps:
                  - run: npm set registry https://npm.acme.example/
                  - run: echo "//npm.acme.example/:_authToken=$NPM_TOKEN" > .npmrc
                  - run: npm publish
            """;
        Assert.AreEqual("21:59 7:46", Found(".circleci/config.yml", yaml));
    }
}
