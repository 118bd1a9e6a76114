using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;

namespace NpmrcBuildCheck.Engine.Tests.Detection;

/// <summary>
/// Whole files shaped like the ones public repositories hold (setup guides' examples, Azure
/// Artifacts and GitHub Packages blocks, CI templates, config copies, generated scripts), written
/// for this test with fake secrets only. Every leak must be found (recall 100%) and nothing else
/// reported (zero false findings).
/// </summary>
[TestClass]
public sealed class RealWorldCorpusTests
{
    /// <summary>Path (its name picks the reader), content with «…» around each expected finding's span, expected codes.</summary>
    private static readonly (string Path, string Text, string Codes)[] Files =
    {
        // Templates and setup guides: placeholders everywhere.
        ("web/.npmrc.example",
            "# NPM configuration example\n# Copy this file to .npmrc and put your token in it. NEVER commit .npmrc!\n\n" +
            "//registry.npmjs.org/:_authToken=YOUR_NPM_TOKEN_HERE\nregistry=https://registry.npmjs.org/\naccess=public\nsave-exact=true\n" +
            "package-lock=false\nloglevel=warn\nupdate-notifier=false\n", ""),
        ("web/.npmrc.template",
            "; begin auth token\n" +
            "//pkgs.dev.azure.com/contoso/_packaging/web/npm/registry/:username=contoso\n" +
            "//pkgs.dev.azure.com/contoso/_packaging/web/npm/registry/:_password=%%PERSONAL_ACCESS_TOKEN%%\n" +
            "//pkgs.dev.azure.com/contoso/_packaging/web/npm/registry/:email=npm requires email to be set but doesn't use the value\n" +
            "//pkgs.dev.azure.com/contoso/_packaging/web/npm/:username=contoso\n" +
            "//pkgs.dev.azure.com/contoso/_packaging/web/npm/:_password=%%PERSONAL_ACCESS_TOKEN%%\n" +
            "//pkgs.dev.azure.com/contoso/_packaging/web/npm/:email=npm requires email to be set but doesn't use the value\n; end auth token\n", ""),
        ("tools/.npmrc",
            "registry=https://pkgs.dev.azure.com/contoso/_packaging/web/npm/registry/\nalways-auth=true\n\n; begin auth token\n" +
            "//pkgs.dev.azure.com/contoso/_packaging/web/npm/registry/:username=contoso\n" +
            "//pkgs.dev.azure.com/contoso/_packaging/web/npm/registry/:_password=[BASE64_ENCODED_PERSONAL_ACCESS_TOKEN]\n" +
            "//pkgs.dev.azure.com/contoso/_packaging/web/npm/registry/:email=npm requires email to be set but doesn't use the value\n; end auth token\n", ""),
        ("ClientApp/.npmrc",
            "@contoso:registry=https://npm.pkg.github.com/\n//npm.pkg.github.com/:_authToken=${GITHUB_TOKEN}\n" +
            "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\nengine-strict=true\nlegacy-peer-deps=true\n", ""),
        ("ClientApp/x.npmrc", "_authToken=$NPM_TOKEN\nregistry=http://registry.example.com/\nstrict-ssl=false\n", ""),
        ("docs/.npmrc.org", "//r.example.com/:_authToken=<token>\n# //r.example.com/:_authToken=X\n//r2.example.com/:_authToken={{NPM_TOKEN}}\n", ""),
        ("app/.npmrc", "# //registry.npmjs.org/:_authToken=TOKEN\n# _auth=null\nfund=false\naudit=false\n", ""),
        ("app/.yarnrc.yml.example",
            "nodeLinker: node-modules\nnpmScopes:\n  contoso:\n    npmRegistryServer: \"http://npm.contoso.example\"\n    npmAlwaysAuth: true\n" +
            "    npmAuthToken: \"%%NPM_TOKEN%%\"\nenableStrictSsl: false\n", ""),
        ("app/.yarnrc.yml",
            "yarnPath: .yarn/releases/yarn-4.5.0.cjs\nnpmScopes:\n  contoso:\n    npmRegistryServer: 'https://gitlab.example.com/api/v4/projects/${CI_PROJECT_ID}/packages/npm/'\n" +
            "    npmPublishRegistry: 'https://gitlab.example.com/api/v4/projects/${CI_PROJECT_ID}/packages/npm/'\n    npmAlwaysAuth: true\n    npmAuthToken: '${CI_JOB_TOKEN}'\n", ""),
        ("app/bunfig.toml", "[install]\nregistry = \"https://registry.npmjs.org/\"\n\n[install.scopes]\ncontoso = { token = \"$NPM_TOKEN\", url = \"https://npm.contoso.example/\" }\n", ""),
        ("app/bunfig.toml.example", "[install.scopes]\ncontoso = { token = \"X\", url = \"http://npm.contoso.example/\" }\n", ""),
        (".github/workflows/publish.yml",
            "jobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-node@v4\n        with:\n          registry-url: https://registry.npmjs.org\n" +
            "      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n",
            // A reference, so no credential finding; but a stored token publishing where trusted publishing works.
            "NPMRC012"),
        ("docs/NPMRC_SETUP.md",
            "```ini\n//registry.npmjs.org/:_authToken=YOUR_TOKEN_HERE\n@contoso:registry=https://registry.npmjs.org/\n```\n\n" +
            "```bash\necho \"//registry.npmjs.org/:_authToken=YOUR_TOKEN\" >> ~/.npmrc\nNPM_TOKEN=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n```\n", ""),
        ("scripts/npmrc.sh",
            "#!/usr/bin/env bash\necho \"@contoso:registry=https://pkgs.dev.azure.com/${ORG}/_packaging/${FEED}/npm/registry/\n" +
            "//pkgs.dev.azure.com/${ORG}/_packaging/${FEED}/npm/registry/:_password=${PERSONAL_ACCESS_TOKEN}\n" +
            "//pkgs.dev.azure.com/${ORG}/_packaging/${FEED}/npm/registry/:email=${BUILD_REQUESTEDFOREMAIL}\" >> .npmrc\n", ""),
        ("Dockerfile", "FROM node:20\nARG NPM_TOKEN\nRUN echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc && npm ci && rm .npmrc\n", ""),
        ("scripts/generate-npmrc.cjs", "var datas = [\n  ['//registry.npmjs.org/:_authToken', process.env.NODE_AUTH_TOKEN],\n];\n", ""),

        // Real leaks, of every kind.
        ("legacy/.npmrc", "registry=https://npm.contoso.example/npm\n//npm.contoso.example/npm/:_authToken=«{U}»\nalways-auth=true\n", "NPMRC001"),
        ("legacy/.npmrc.bak", "registry=http://npm.contoso.example/\n//npm.pkg.github.com/:_authToken=«ghp_{O}»\n", "NPMRC001"),
        ("azure/.npmrc",
            "//pkgs.dev.azure.com/contoso/_packaging/web/npm/registry/:username=contoso\n" +
            "//pkgs.dev.azure.com/contoso/_packaging/web/npm/registry/:_password=«{B64PAT}»\n" +
            "//pkgs.dev.azure.com/contoso/_packaging/web/npm/:username=contoso\n" +
            "//pkgs.dev.azure.com/contoso/_packaging/web/npm/:_password=«{B64PAT}»\n", "NPMRC002 NPMRC002"),
        ("artifactory/.npmrc", "«_auth»=«{B64UP}»\nalways-auth=true\nemail=ci@example.com\n", "NPMRC002 NPMRC008"),
        ("nexus/.npmrc", "registry=«http://nexus.contoso.example/repository/npm-group/»\nstrict-ssl=«false»\n", "NPMRC005 NPMRC006"),
        ("old/.npmrc", "# old publish token, revoked?\n# //registry.npmjs.org/:_authToken=«{T}»\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n", "NPMRC004"),
        ("short/.npmrc", "//r.example.com/:_password=«YWJj»\n//r.example.com/:username=bob\n", "NPMRC002"),
        ("berry/.yarnrc.yml", "npmRegistries:\n  //npm.pkg.github.com:\n    npmAlwaysAuth: true\n    npmAuthToken: \"«{O}»\"\n", "NPMRC001"),
        ("classic/.yarnrc", "registry \"https://registry.yarnpkg.com\"\n\"//registry.npmjs.org/:_authToken\" \"«{O}»\"\n", "NPMRC001"),
        ("ci/.yarnrc.yml", "# npmAuthToken: «{U}»\nnpmAuthToken: \"${NPM_TOKEN}\"\n", "NPMRC004"),
        ("bun/bunfig.toml", "[install.scopes]\ncontoso = { token = \"«{O2}»\", url = \"https://npm.contoso.example/\" }\n", "NPMRC001"),
        ("web/.env", "VITE_API=https://api.example.com\nNPM_TOKEN=«{T}»\n", "NPMRC003"),
        ("web/package-lock.json", "{\n  \"packages\": {\n    \"node_modules/left-pad\": {\n      \"resolved\": \"https://ci:«p4ssw0rd-{O}»@nexus.contoso.example/repository/npm/left-pad/-/left-pad-1.3.0.tgz\"\n    }\n  }\n}\n", "NPMRC002"),
    };

    [TestMethod]
    public void EveryLeakIsFoundAndNothingElse()
    {
        int expectedCount = 0, found = 0;
        var problems = new List<string>();
        foreach (var (path, template, codes) in Files)
        {
            string name = path.Substring(path.LastIndexOf('/') + 1);
            var kind = FileKinds.Classify(name);
            var (text, spans) = Harness.StripMarkers(Harness.Expand(template), kind == FileKind.Text);
            var findings = Harness.Run(kind, text, path);
            var expected = codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            expectedCount += expected.Count;
            var unmatched = findings.Select(f => f.Rule.Code).ToList();
            foreach (string code in expected)
            {
                if (unmatched.Remove(code))
                {
                    found++;
                }
                else
                {
                    problems.Add($"{path}: missed {code}");
                }
            }

            problems.AddRange(unmatched.Select(code => $"{path}: false {code}: {Harness.Describe(findings.Where(f => f.Rule.Code == code))}"));
            problems.AddRange(spans.Where(s => !findings.Any(f => f.Line == s.Line && f.Column == s.Column && f.EndColumn == s.EndColumn))
                .Select(s => $"{path}: nothing at {s.Line}:{s.Column}-{s.EndColumn}: {Harness.Describe(findings)}"));
            Harness.AssertNoSecrets(findings, spans.Where(s => findings.Any(f => f.Line == s.Line && f.Column == s.Column
                && NpmrcBuildCheck.Rules.RuleCatalog.IsCredentialRule(f.Rule))).Select(s => s.Text));
        }

        Assert.AreEqual(0, problems.Count, $"recall {found}/{expectedCount}; " + string.Join("\n", problems));
        Assert.IsTrue(expectedCount >= 15, "the corpus holds leaks of every kind");
    }
}
