using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>
/// A realistic .NET repository with npm, Yarn and bun frontends, CI files and scripts, holding
/// leaks and their look-alikes. A real build must report every expected finding at its file,
/// line and code, and nothing else.
/// </summary>
[TestClass]
public sealed class RealisticTreeTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void EveryLeakIsFoundAndNothingElse()
    {
        var consumer = Consumer.WithProject("realistic", "<UserSecretsId>aspnet-NpmPublisher-4f9c1c1e-3b0a-4c55-9d6e-9b1a6c2d7e10</UserSecretsId>");
        var expected = new List<(string File, int Line, string Code)>();
        void File(string path, string text, params (int Line, string Code)[] findings)
        {
            consumer.Write(path, text);
            expected.AddRange(findings.Select(f => (path, f.Line, f.Code)));
        }

        string azurePat = Convert.ToBase64String(Encoding.ASCII.GetBytes(FakeTokens.Opaque(9, 52)));
        string basicAuth = Convert.ToBase64String(Encoding.ASCII.GetBytes("ci-bot:" + FakeTokens.Opaque(10, 18)));

        // npm frontend: a clean project .npmrc, a leaked one in a sub-package, and its look-alikes.
        File("ClientApp/.npmrc", """
            registry=https://registry.npmjs.org/
            @acme:registry=https://npm.pkg.github.com/
            //npm.pkg.github.com/:_authToken=${GITHUB_TOKEN}
            //registry.npmjs.org/:_authToken="${NPM_TOKEN}"
            """);
        File("ClientApp/package.json", """
            {
              "name": "client-app",
              "version": "1.0.0",
              "scripts": { "build": "ng build", "version": "echo $npm_package_version" }
            }
            """);
        File("ClientApp/projects/ui-kit/.npmrc", $"""
            ; publishing the design system
            //registry.npmjs.org/:_authToken={FakeTokens.NpmToken(101)}
            # old token, kept for reference: //registry.npmjs.org/:_authToken={FakeTokens.Uuid(102)}
            strict-ssl=false
            registry=http://npm.acme.example/
            """, (2, "NPMRC001"), (3, "NPMRC004"), (4, "NPMRC006"), (5, "NPMRC005"));
        File("ClientApp/.env", $"""
            NG_APP_API=https://api.example.com
            NPM_TOKEN={FakeTokens.Opaque(103)}
            """, (2, "NPMRC003"));
        File("ClientApp/.env.example", """
            NPM_TOKEN=<your npm token>
            NODE_AUTH_TOKEN=
            """);
        File("ClientApp/src/environments/environment.ts", $$"""
            export const environment = {
              production: false,
              version: process.env.npm_package_version,
              lookAlike: '{{FakeTokens.WithBadChecksum(FakeTokens.NpmToken(104))}}',
            };
            """);
        File("ClientApp/package-lock.json", $$"""
            {
              "name": "client-app",
              "lockfileVersion": 3,
              "packages": {
                "node_modules/@acme/ui": {
                  "version": "2.1.0",
                  "resolved": "https://ci-bot:{{FakeTokens.Opaque(105, 20)}}@npm.acme.example/@acme/ui/-/ui-2.1.0.tgz",
                  "integrity": "sha512-{{FakeTokens.Opaque(106, 86)}}=="
                }
              }
            }
            """, (7, "NPMRC002"));

        // Azure Artifacts, as its setup page writes it, with a PAT pasted in.
        File("Admin/.npmrc", $"""
            registry=https://pkgs.dev.azure.com/acme/_packaging/web/npm/registry/
            always-auth=true
            ; begin auth token
            //pkgs.dev.azure.com/acme/_packaging/web/npm/registry/:username=acme
            //pkgs.dev.azure.com/acme/_packaging/web/npm/registry/:_password={azurePat}
            //pkgs.dev.azure.com/acme/_packaging/web/npm/registry/:email=npm requires email to be set but doesn't use the value
            ; end auth token
            """, (5, "NPMRC002"));
        File("Admin/package.json", "{ \"name\": \"admin\", \"private\": true }\n");

        // Yarn Berry and bun frontends.
        File("Docs/.yarnrc.yml", $"""
            nodeLinker: node-modules
            npmRegistryServer: "http://npm.acme.example"
            enableStrictSsl: false
            npmScopes:
              acme:
                npmAuthToken: {FakeTokens.Uuid(107)}
                npmRegistryServer: "https://npm.acme.example"
              tools:
                npmAuthIdent: "ci-bot:{FakeTokens.Opaque(108, 16)}"
                npmAlwaysAuth: true
              local:
                npmAuthToken: "${"{"}LOCAL_TOKEN:-{"}"}"
            """, (2, "NPMRC005"), (3, "NPMRC006"), (6, "NPMRC001"), (9, "NPMRC002"));
        File("Widgets/bunfig.toml", $$"""
            [install]
            registry = "http://localhost:4873/"

            [install.scopes]
            acme = { url = "https://npm.acme.example/", token = "{{FakeTokens.Opaque(109)}}" }
            tools = { url = "https://npm.acme.example/", token = "$TOOLS_TOKEN" }
            """, (5, "NPMRC001"));

        // Broken or insecure settings without a secret.
        File("Legacy/.npmrc", $"""
            //registry.npmjs.org/:_authToken=$NPM_TOKEN
            _auth={basicAuth}
            """, (1, "NPMRC007"), (2, "NPMRC002"), (2, "NPMRC008"));

        // CI, scripts and containers.
        File(".github/workflows/publish.yml", $$$"""
            name: publish
            on: push
            jobs:
              publish:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/setup-node@v4
                    with:
                      registry-url: https://registry.npmjs.org
                  - run: npm publish
                    env:
                      NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}
                  - run: npm publish --tag next
                    env:
                      NODE_AUTH_TOKEN: {{{FakeTokens.NpmToken(110)}}}
            """, (12, "NPMRC012"), (15, "NPMRC003"));
        File("build/publish.sh", $"""
            #!/usr/bin/env bash
            set -euo pipefail
            npm config set //registry.npmjs.org/:_authToken "$NPM_TOKEN"
            export NPM_TOKEN="{FakeTokens.Opaque(111)}"
            npm publish
            """, (4, "NPMRC003"));
        File("Dockerfile", $"""
            FROM node:20 AS frontend
            ARG NPM_TOKEN
            ENV NODE_AUTH_TOKEN={FakeTokens.Uuid(112)}
            RUN npm ci
            """, (3, "NPMRC003"));

        // .NET files full of GUIDs that are not credentials.
        File("eng/Legacy.sln", """
            Microsoft Visual Studio Solution File, Format Version 12.00
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "App", "App.csproj", "{4C1F6F0E-8A5B-4E4B-9E0C-2B7F9E1A3D55}"
            EndProject
            """);
        File("appsettings.json", """
            {
              "Npm": { "FeedId": "0c9b6f42-8d1e-4a8e-9f53-6c2f0d3b7a91", "Registry": "https://registry.npmjs.org/" },
              "AzureAd": { "ClientId": "6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c" }
            }
            """);
        File("docs/publishing.md", """
            # Publishing
            Put your token in your user-level ~/.npmrc:
                //registry.npmjs.org/:_authToken=YOUR_NPM_TOKEN
            or set `NPM_TOKEN=npm_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX` in CI.
            """);

        var build = consumer.Build();

        var reported = build.Ours.Select(d => (File: consumer.RelativePath(d.File), d.Line, d.Code)).Distinct().ToList();
        var missed = expected.Except(reported).ToList();
        var unexpected = reported.Except(expected).ToList();
        TestContext.WriteLine($"found {expected.Count - missed.Count}/{expected.Count}, false {unexpected.Count}");
        Assert.AreEqual(0, missed.Count + unexpected.Count,
            $"found {expected.Count - missed.Count}/{expected.Count}, false {unexpected.Count}\nmissed: {string.Join("; ", missed)}\nunexpected: {string.Join("; ", unexpected)}\n{build}");
        Assert.AreEqual(1, build.ExitCode);
    }

    [TestMethod]
    public void EdgeCasesOfConfigFilesAndLockfiles()
    {
        var consumer = Consumer.WithProject("edge-cases");
        var expected = new List<(string File, int Line, string Code)>();
        void File(string path, string text, params (int Line, string Code)[] findings)
        {
            consumer.Write(path, text);
            expected.AddRange(findings.Select(f => (path, f.Line, f.Code)));
        }

        // PowerShell 5.1's `Out-File` writes UTF-16: npm ignores the file, the secret is still in it.
        string utf16Path = consumer.PathOf("Tools/.npmrc");
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(utf16Path)!);
        System.IO.File.WriteAllText(utf16Path, $"registry=https://registry.npmjs.org/\r\n//registry.npmjs.org/:_authToken={FakeTokens.Opaque(201)}\r\n", Encoding.Unicode);
        expected.Add(("Tools/.npmrc", 1, "NPMRC010"));
        expected.Add(("Tools/.npmrc", 2, "NPMRC001"));

        File("Sections/.npmrc", $"""
            [publish]
            //registry.npmjs.org/:_authToken={FakeTokens.Opaque(202)}
            """, (2, "NPMRC001"));
        File("Typo/.npmrc", $"""
            //registry.npmjs.org/:_authtoken='{FakeTokens.Opaque(203)}'
            """, (1, "NPMRC001"));
        File("Classic/.yarnrc", $$"""
            registry "https://registry.yarnpkg.com"
            "//registry.npmjs.org/:_authToken" "{{FakeTokens.Opaque(204)}}"
            strict-ssl false
            """, (2, "NPMRC001"), (3, "NPMRC006"));
        File("Classic/yarn.lock", $$"""
            # THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
            # yarn lockfile v1


            "@acme/ui@^2.1.0":
              version "2.1.0"
              resolved "https://ci-bot:{{FakeTokens.Opaque(205, 20)}}@npm.acme.example/@acme/ui/-/ui-2.1.0.tgz#0123456789abcdef0123456789abcdef01234567"
              integrity sha512-{{FakeTokens.Opaque(206, 86)}}==
            """, (7, "NPMRC002"));
        File("Pnpm/pnpm-lock.yaml", $$"""
            lockfileVersion: '9.0'

            packages:

              '@acme/ui@2.1.0':
                resolution: {integrity: sha512-{{FakeTokens.Opaque(207, 86)}}==, tarball: https://ci-bot:{{FakeTokens.Opaque(208, 20)}}@npm.acme.example/@acme/ui/-/ui-2.1.0.tgz}
            """, (6, "NPMRC002"));
        File("Pnpm/.npmrc", """
            @acme:registry=http://localhost:4873/
            registry=https://registry.npmjs.org/
            //registry.npmjs.org/:_authToken=${NPM_TOKEN?}
            auto-install-peers=true
            """);

        var build = consumer.Build();

        var reported = build.Ours.Select(d => (File: consumer.RelativePath(d.File), d.Line, d.Code)).Distinct().ToList();
        var missed = expected.Except(reported).ToList();
        var unexpected = reported.Except(expected).ToList();
        TestContext.WriteLine($"found {expected.Count - missed.Count}/{expected.Count}, false {unexpected.Count}");
        Assert.AreEqual(0, missed.Count + unexpected.Count,
            $"found {expected.Count - missed.Count}/{expected.Count}, false {unexpected.Count}\nmissed: {string.Join("; ", missed)}\nunexpected: {string.Join("; ", unexpected)}\n{build}");
    }
}
