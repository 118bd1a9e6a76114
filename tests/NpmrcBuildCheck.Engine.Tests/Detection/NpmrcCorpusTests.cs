using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;

namespace NpmrcBuildCheck.Engine.Tests.Detection;

/// <summary>Table-driven .npmrc corpus: every rule and every not-a-finding case (rules.md, npm-config-semantics.md, peer-scanners.md).</summary>
[TestClass]
public sealed class NpmrcCorpusTests
{
    [TestMethod]
    // NPMRC001: any literal under a token key, any shape, wherever it sits.
    [DataRow("//registry.npmjs.org/:_authToken=«{T}»", "NPMRC001")]
    [DataRow("//r.example.com/:_authToken=«{U}»", "NPMRC001")]
    [DataRow("//r.example.com/:_authToken=«{O}»", "NPMRC001")]
    [DataRow("//npm.pkg.github.com/:_authToken=«ghp_{O}»", "NPMRC001")]
    [DataRow("//r.example.com/:_authToken=«{JWT}»", "NPMRC001")]
    [DataRow("//r.example.com/:_authToken=«{BAD}»", "NPMRC001")]
    [DataRow("//r.example.com/:_authToken  =  «{O}»   ", "NPMRC001")]
    [DataRow("//r.example.com/:_authToken=\"«{O}»\"", "NPMRC001")]
    [DataRow("//r.example.com/:_authToken='«{O}»'", "NPMRC001")]
    [DataRow("\"//r.example.com/:_authToken\" = «{O}»", "NPMRC001")]
    [DataRow("//r.example.com/:_authToken=«{O}»#def", "NPMRC001")]
    [DataRow("//r.example.com/:_authToken=«{O}» ; trailing comment", "NPMRC001")]
    [DataRow("//r.example.com/:_authToken=«\"{O}\"» # quotes are sent (S9)", "NPMRC001")]
    [DataRow("//r.example.com/:_authToken=«abc${NPM_TOKEN}»", "NPMRC001")]
    [DataRow("//r.example.com/:_authToken=«pre-${SET}-mid-{O}»", "NPMRC001")]
    [DataRow("[section]\n//r.example.com/:_authToken=«{O}»", "NPMRC001")]
    [DataRow("//r.example.com/:_authtoken=«{O}»", "NPMRC001")]
    [DataRow("http://r.example.com/:_authToken=«{O}»", "NPMRC001")]
    [DataRow("//127.0.0.1:4873:_authToken=«{O}»", "NPMRC001")]
    [DataRow("//r.example.com/:_authToken[]=«{O}»\n//r.example.com/:_authToken[]=«{O2}»", "NPMRC001 NPMRC001")]
    [DataRow("//r.example.com/:_authToken=«{O}»\n//r.example.com/:_authToken=«{O2}»", "NPMRC001 NPMRC001")]
    [DataRow("registry=https://r.example.com/\r\n//r.example.com/:_authToken=«{O}»\r\n", "NPMRC001")]
    [DataRow("a=1\r//r.example.com/:_authToken=«{O}»\r\r\nb=2", "NPMRC001")]
    [DataRow("\uFEFF//r.example.com/:_authToken=«{O}»", "NPMRC001")]
    [DataRow("//r.example.com/:_authToken=\u00A0«{O}»\u00A0", "NPMRC001")]
    [DataRow("//r.example.com/:_authToken='«123456789»'", "NPMRC001")]
    [DataRow("«_authToken»=«{T}»", "NPMRC001 NPMRC008")]
    [DataRow("//127.0.0.1:4873/:_authToken=«{T}»\nregistry=http://127.0.0.1:4873/", "NPMRC001")]
    // NPMRC002: basic-auth credentials.
    [DataRow("//r.example.com/:_auth=«{B64UP}»", "NPMRC002")]
    [DataRow("//pkgs.dev.azure.com/org/_packaging/feed/npm/registry/:username=org\n//pkgs.dev.azure.com/org/_packaging/feed/npm/registry/:_password=«{B64PAT}»\n//pkgs.dev.azure.com/org/_packaging/feed/npm/registry/:email=npm requires email to be set but doesn't use the value", "NPMRC002")]
    [DataRow("//r.example.com/:username=bob\n//r.example.com/:_password=«{B64P}»", "NPMRC002")]
    [DataRow("//r.example.com/:_password=«lettersonlypw»", "NPMRC002")]
    [DataRow("//r.example.com/:_password=«cGFz»#c3c=", "NPMRC002")]
    [DataRow("registry=https://alice:«s3cretpw»@r.example.com/", "NPMRC002")]
    [DataRow("@myorg:registry=https://alice:«s3cretpw»@r.example.com/npm/", "NPMRC002")]
    [DataRow("https-proxy=http://user:«p4ssw0rd»@proxy.example.com:8080/", "NPMRC002")]
    [DataRow("//alice:«p4ssw0rd»@r.example.com/:_authToken=${NPM_TOKEN}", "NPMRC002")]
    [DataRow("«_auth»=«{B64UP}»", "NPMRC002 NPMRC008")]
    [DataRow("«_password»=«{B64P}»\n«username»=bob", "NPMRC002 NPMRC008 NPMRC008")]
    [DataRow("[azure]\n//r.example.com/:_password=«{B64P}»", "NPMRC002")]
    // Peers' misses (peer-scanners.md): low-entropy UUIDs, wordlist hits, scoped _password without an https registry line, http Nexus.
    [DataRow("//r.example.com/:_authToken=«00000000-0000-0000-0000-000000000001»", "NPMRC001")]
    [DataRow("//r.example.com/:_authToken=«test1234example5678abcd»", "NPMRC001")]
    [DataRow("registry=«http://nexus.example.com/repository/npm/»\n//nexus.example.com/repository/npm/:_password=«{B64P}»\n//nexus.example.com/repository/npm/:username=ci", "NPMRC002 NPMRC005")]
    [DataRow("//r.example.com/:_authToken = \"«{O}»\"", "NPMRC001")]
    [DataRow("//r.example.com/:_authToken=«{U}» ; npm legacy token", "NPMRC001")]
    // NPMRC003: checksum-valid tokens outside credential keys.
    [DataRow("registry=https://r.example.com/«{T}»/", "NPMRC003")]
    [DataRow("init-author-name=«{T}»", "NPMRC003")]
    [DataRow("npm_garbage_line «{T}»", "NPMRC003")]
    [DataRow("NPM_TOKEN=«{O}»", "NPMRC003")]
    [DataRow("NPM_TOKEN=${NPM_TOKEN}", "")]
    // NPMRC004: comments.
    [DataRow("# //r.example.com/:_authToken=«{O}»", "NPMRC004")]
    [DataRow(";_authToken=«{O}»", "NPMRC004")]
    [DataRow("  ## //r.example.com/:_auth=«{B64UP}»", "NPMRC004")]
    [DataRow("# «{U}»", "NPMRC004")]
    [DataRow("; old token: «{T}»", "NPMRC004")]
    [DataRow("# old token, kept for reference: //r.example.com/:_authToken=«{U}»", "NPMRC004")]
    [DataRow("# to publish, set _authToken=«{O}»", "NPMRC004")]
    [DataRow("# the password = hunter2 is not a key", "")]
    [DataRow("# set your token = {O} somewhere safe", "")]
    [DataRow("//r.example.com/:_authToken=${NPM_TOKEN} # was «{T}»", "NPMRC004")]
    [DataRow("registry=https://r.example.com/ ; «{T}»", "NPMRC004")]
    [DataRow("# registry=https://alice:«s3cretpw»@r.example.com/", "NPMRC004")]
    [DataRow("\uFEFF# //r.example.com/:_authToken=«{O}»", "NPMRC004")]
    // NPMRC005: plain http registries.
    [DataRow("registry=«http://r.example.com/»", "NPMRC005")]
    [DataRow("registry=«HTTP://R.Example.COM/npm/»", "NPMRC005")]
    [DataRow("@myorg:registry=«http://r.example.com/npm/»", "NPMRC005")]
    [DataRow("registry=«http://r.example.com/»\n//r.example.com/:_authToken=«{O}»", "NPMRC001 NPMRC005")]
    [DataRow("registry=https://r.example.com/\nregistry=«http://r.example.com/»", "NPMRC005")]
    [DataRow("  [sec]\nregistry=«http://r.example.com/»", "NPMRC005")]
    [DataRow("registry=http://alice:«s3cretpw»@r.example.com/", "NPMRC002 NPMRC005")]
    // NPMRC006: strict-ssl as npm reads it (I1).
    [DataRow("strict-ssl=«false»", "NPMRC006")]
    [DataRow("strict-ssl=\"«false»\"", "NPMRC006")]
    [DataRow("strict-ssl='«false»'", "NPMRC006")]
    [DataRow("strict-ssl=\" false \"", "NPMRC006")]
    [DataRow("strict-ssl=  «false»", "NPMRC006")]
    [DataRow("strict-ssl=«false» # c", "NPMRC006")]
    [DataRow("strict-ssl=«false»;", "NPMRC006")]
    [DataRow("strict-ssl=«0»", "NPMRC006")]
    [DataRow("strict-ssl=«00»", "NPMRC006")]
    [DataRow("strict-ssl=«0.0»", "NPMRC006")]
    [DataRow("strict-ssl=«null»", "NPMRC006")]
    [DataRow("strict-ssl=«undefined»", "NPMRC006")]
    [DataRow("strict-ssl='0'", "NPMRC006")]
    [DataRow("  [sec]\nstrict-ssl=«false»", "NPMRC006")]
    [DataRow("\uFEFF[sec]\nstrict-ssl=«false»", "NPMRC006")]
    [DataRow("[a]b]\nstrict-ssl=«false»", "NPMRC006")]
    [DataRow("strict-ssl=true\nstrict-ssl=«false»", "NPMRC006")]
    // NPMRC007: references npm does not expand.
    [DataRow("//r.example.com/:_authToken=«$NPM_TOKEN»", "NPMRC007")]
    [DataRow("//r.example.com/:_authToken=«%NPM_TOKEN%»", "NPMRC007")]
    [DataRow("//r.example.com/:_authToken=«${NPM_TOKEN:-}»", "NPMRC007")]
    [DataRow("//r.example.com/:_authToken=«${NPM_TOKEN-}»", "NPMRC007")]
    [DataRow("//r.example.com/:_authToken=«${ NPM_TOKEN }»", "NPMRC007")]
    [DataRow("//r.example.com/:_authToken=«\\${NPM_TOKEN}»", "NPMRC007")]
    [DataRow("//r.example.com/:_authToken=«\\\\${NPM_TOKEN}»", "NPMRC007")]
    [DataRow("//r.example.com/:_authToken=\"«$NPM_TOKEN»\"", "NPMRC007")]
    [DataRow("//r.example.com/:_authToken=«$(NPM_TOKEN)»", "NPMRC007")]
    [DataRow("//r.example.com/:_password=«%NPM_PASSWORD%»", "NPMRC007")]
    [DataRow("//r.example.com/:_authToken=«\"${NPM_TOKEN}\"» # quotes are sent (S9)", "NPMRC007")]
    [DataRow("//r.example.com/:_authToken=«'${NPM_TOKEN}'» ; c", "NPMRC007")]
    [DataRow("//r.example.com/:_authToken=«${SET??}»", "NPMRC007")]
    [DataRow("//r.example.com/:_authToken=«${}»", "NPMRC007")]
    // A fallback makes the value a broken reference, not also NPMRC001/002 (rules.md); an npm token in it is NPMRC003.
    [DataRow("//r.example.com/:_authToken=«${NPM_TOKEN:-{O}}»", "NPMRC007")]
    [DataRow("//r.example.com/:_authToken=${NPM_TOKEN:-«{T}»}", "NPMRC003 NPMRC007")]
    [DataRow("«_authToken»=«$NPM_TOKEN»", "NPMRC007 NPMRC008")]
    // NPMRC008: unscoped credential keys.
    [DataRow("«_authToken»=${NPM_TOKEN}", "NPMRC008")]
    [DataRow("«username»=bob", "NPMRC008")]
    [DataRow("«_auth»=${NPM_AUTH}", "NPMRC008")]
    [DataRow("_authToken=", "")]
    [DataRow("[sec]\n_authToken=${NPM_TOKEN}", "")]
    [DataRow("email=someone@example.com\nalways-auth=true", "")]
    // Not findings: references, placeholders, settings that are fine.
    [DataRow("//r.example.com/:_authToken=${NPM_TOKEN}", "")]
    [DataRow("//r.example.com/:_authToken=\"${NPM_TOKEN}\"", "")]
    [DataRow("//r.example.com/:_authToken='${NPM_TOKEN}'", "")]
    [DataRow("//r.example.com/:_authToken = ${NPM_TOKEN}   ", "")]
    [DataRow("//r.example.com/:_authToken=${NPM_TOKEN?}", "")]
    [DataRow("//${HOST}/:_authToken=${NPM_TOKEN}", "")]
    [DataRow("//r.example.com/:_authToken=${A}${B}", "")]
    [DataRow("//r.example.com/:_auth=${NPM_USER}:${NPM_PASS}", "")]
    [DataRow("//r.example.com/:_authToken=${A${SET}}", "")]
    [DataRow("//r.example.com/:_authToken=", "")]
    [DataRow("//r.example.com/:_authToken=  ", "")]
    [DataRow("//r.example.com/:_authToken", "")]
    [DataRow("//r.example.com/:_authToken=true", "")]
    [DataRow("//r.example.com/:_authToken=<YOUR_TOKEN>", "")]
    [DataRow("//pkgs.dev.azure.com/o/_packaging/f/npm/registry/:_password=[BASE64_ENCODED_PERSONAL_ACCESS_TOKEN]", "")]
    [DataRow("//r.example.com/:_authToken=xxxx", "")]
    [DataRow("//r.example.com/:_auth=dXNlcm5hbWU6cGFzc3dvcmQ=", "")]
    [DataRow("//r.example.com/:_auth=Zm9vOmJhcg==", "")]
    [DataRow("//r.example.com/:_password=cGFzc3dvcmQ=", "")]
    [DataRow("//r.example.com/:_authToken=****", "")]
    [DataRow("//r.example.com/:_authToken=YOUR_NPM_TOKEN", "")]
    [DataRow("//r.example.com/:_authToken=your-token-here", "")]
    [DataRow("//r.example.com/:_authToken=changeme", "")]
    [DataRow("//r.example.com/:_authToken=REPLACE_ME", "")]
    [DataRow("//r.example.com/:_authToken=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "")]
    [DataRow("//r.example.com/:username=bob\n//r.example.com/:email=bob@example.com", "")]
    [DataRow("# //r.example.com/:_authToken=${NPM_TOKEN}", "")]
    [DataRow("# _authToken=<YOUR_TOKEN>", "")]
    [DataRow("# paste your token: _authToken=...", "")]
    [DataRow("# a GUID in prose {U} is not a token", "")]
    [DataRow("; begin auth token\n//pkgs.dev.azure.com/org/_packaging/feed/npm/registry/:username=org\n//pkgs.dev.azure.com/org/_packaging/feed/npm/registry/:_password=[BASE64_ENCODED_PERSONAL_ACCESS_TOKEN]\n//pkgs.dev.azure.com/org/_packaging/feed/npm/registry/:email=npm requires email to be set but doesn't use the value\n; end auth token", "")]
    [DataRow("@myorg:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken=${NODE_AUTH_TOKEN}\nalways-auth=true", "")]
    [DataRow("# ${NPM_TOKEN} is set by CI", "")]
    [DataRow("registry=https://r.example.com/", "")]
    [DataRow("registry=http://localhost:4873/", "")]
    [DataRow("registry=http://127.0.0.1:4873/", "")]
    [DataRow("registry=http://127.1.2.3/", "")]
    [DataRow("registry=http://[::1]:4873/", "")]
    [DataRow("registry=http://r.example.com/\nregistry=https://r.example.com/", "")]
    [DataRow("[sec]\nregistry=http://r.example.com/", "")]
    [DataRow("registry=${REGISTRY_URL}", "")]
    [DataRow("registry=https://user@r.example.com/", "")]
    [DataRow("registry=https://user:${NPM_PASSWORD}@r.example.com/", "")]
    [DataRow("strict-ssl=true", "")]
    [DataRow("strict-ssl=FALSE", "")]
    [DataRow("strict-ssl=False", "")]
    [DataRow("strict-ssl=no", "")]
    [DataRow("strict-ssl=off", "")]
    [DataRow("strict-ssl", "")]
    [DataRow("strict-ssl=", "")]
    [DataRow("strict-ssl=${UNSET}", "")]
    [DataRow("strict-ssl=1", "")]
    [DataRow("STRICT-SSL=false", "")]
    [DataRow("strict_ssl=false", "")]
    [DataRow("[sec]\nstrict-ssl=false", "")]
    [DataRow("[s]\nk=v\n[s2] ; c\nstrict-ssl=false", "")]
    [DataRow("strict-ssl=false\nstrict-ssl=true", "")]
    [DataRow("strict-ssl=false\u2028", "")]
    [DataRow("//r.example.com/:_authToken=«{O}»\u2028", "NPMRC001")]
    [DataRow("=//r.example.com/:_authToken", "")]
    [DataRow("k=abc\\\ndef=1", "")]
    [DataRow("package-lock=false\nsave-exact=true\nengine-strict=true", "")]
    [DataRow("init-version=1.0.0\nmessage=\"Release %s\"", "")]
    public void Npmrc(string template, string codes) => Harness.Check(FileKind.Npmrc, template, codes, "ClientApp/.npmrc");

    [TestMethod]
    public void MessagesNameKeyRedactionAndRemedy()
    {
        var findings = Harness.Run(FileKind.Npmrc, Harness.Expand("//registry.npmjs.org/:_authToken={T}"));
        Assert.HasCount(1, findings);
        var f = findings[0];
        Assert.AreEqual("//registry.npmjs.org/:_authToken", f.Key);
        StringAssert.StartsWith(f.Redacted, "npm_****");
        StringAssert.Contains(f.Message, "//registry.npmjs.org/:_authToken");
        StringAssert.Contains(f.Message, f.Redacted);
        StringAssert.Contains(f.Message, "npm token revoke");
        StringAssert.Contains(f.Message, "${NPM_TOKEN}");
        StringAssert.Contains(f.Message, "~/.npmrc");
        Assert.AreEqual("ClientApp/x", Harness.Run(FileKind.Npmrc, Harness.Expand("_authToken={T}"), "ClientApp/x")[0].Path);
        Assert.IsFalse(f.Message.Contains('\n'));
    }

    [TestMethod]
    public void BasicAuthMessagesDescribeTheShapeWithoutShowingIt()
    {
        var auth = Harness.Run(FileKind.Npmrc, Harness.Expand("//r.example.com/:_auth={B64UP}"))[0];
        StringAssert.Contains(auth.Message, "base64 of user:password");
        Assert.IsFalse(auth.Message.Contains("alice"));
        var pat = Harness.Run(FileKind.Npmrc, Harness.Expand("//r.example.com/:_password={B64PAT}"))[0];
        StringAssert.Contains(pat.Message, "personal access token");
        var paired = Harness.Run(FileKind.Npmrc, Harness.Expand("//r.example.com/:username=bob\n//r.example.com/:_password={B64P}"))[0];
        StringAssert.Contains(paired.Message, "paired with the username");
        Assert.IsFalse(paired.Message.Contains("bob"));
        var plain = Harness.Run(FileKind.Npmrc, "//r.example.com/:_password=lettersonlypw")[0];
        StringAssert.Contains(plain.Message, "not base64");
    }

    [TestMethod]
    public void UnscopedSuggestsTheRegistrysNerfDart()
    {
        var findings = Harness.Run(FileKind.Npmrc, "registry=https://r.example.com/npm/\n_authToken=${NPM_TOKEN}");
        Assert.HasCount(1, findings);
        StringAssert.Contains(findings[0].Message, "//r.example.com/npm/:_authToken");
    }

    [TestMethod]
    public void EffectivenessNotes()
    {
        StringAssert.Contains(Harness.Run(FileKind.Npmrc, Harness.Expand("[sec]\n//r/:_authToken={O}"))[0].Message, "[sec]");
        StringAssert.Contains(Harness.Run(FileKind.Npmrc, Harness.Expand("//r/:_authtoken={O}"))[0].Message, "misspelt");
        StringAssert.Contains(Harness.Run(FileKind.Npmrc, Harness.Expand("http://r/:_authToken={O}"))[0].Message, "scheme");
        StringAssert.Contains(Harness.Run(FileKind.Npmrc, Harness.Expand("registry.npmjs.org/:_authToken={O}"))[0].Message, "must start with //host/");
        StringAssert.Contains(Harness.Run(FileKind.Npmrc, Harness.Expand("//LOCALHOST:4873/:_authToken={O}"))[0].Message, "lower case");
        StringAssert.Contains(Harness.Run(FileKind.Npmrc, Harness.Expand("registry=http://r.example.com/\n//r.example.com/:_authToken={O}"))
            .Find(f => f.Rule.Code == "NPMRC005")!.Message, "cleartext");
    }
}
