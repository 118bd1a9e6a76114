using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Engine.Tests.Detection;

[TestClass]
public sealed class PropertyTests
{
    private static readonly FileKind[] Kinds = (FileKind[])Enum.GetValues(typeof(FileKind));

    private static readonly string[] Seeds =
    {
        "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\nregistry=http://r.example.com/\nstrict-ssl=false\n_auth=YWxpY2U6czNjcmV0\n# //r/:_password=cGFzcw==\n[sec]\nk=\"a\\u0041\"\n",
        "npmScopes:\n  myorg:\n    npmAuthToken: \"${NPM_TOKEN:-abc}\"\n    npmRegistryServer: http://x\nenableStrictSsl: false\n",
        "[install]\nregistry = { url = \"http://r/\", token = \"abc\", password = 'p' }\n[install.scopes]\nx = \"https://u:p@h/\"\n",
        "\"resolved\": \"https://u:pw@r.example.com/x.tgz\",\n  resolved \"https://r/x#sha\"\n",
        "export NPM_TOKEN=abc123456789\n$env:NODE_AUTH_TOKEN = \"x\"\nnpm config set //r/:_authToken abc12345678 # npmrc-buildcheck-ignore NPMRC003\n",
    };

    [TestMethod]
    public void RandomBytesNeverThrowForAnyKind()
    {
        Gen.Select(Gen.Int[0, Kinds.Length - 1], Gen.Byte.Array[0, 600]).Sample((k, bytes) =>
        {
            var findings = new List<Finding>();
            ContentDetector.Detect("f", Kinds[k], bytes, findings);
            Assert.IsFalse(findings.Any(f => f.Rule.Code == "NPMRC900"), Harness.Describe(findings));
        }, iter: 3000, threads: 1);
    }

    [TestMethod]
    public void RandomTextFromConfigCharactersNeverThrows()
    {
        var chars = Gen.Char["=#;:\"'\\[]{}$%@/ \t\r\n\uFEFF\u00A0_-.abcNPMTOKEN01uth?,<>*"];
        var prefixes = Gen.OneOf("", "//r/:_authToken=", "//r/:_auth=\"", "npmAuthToken: \"", "[install]\nregistry = { token = \"", "registry=http://u:", "strict-ssl=");
        Gen.Select(Gen.Int[0, Kinds.Length - 1], prefixes, Gen.String[chars, 0, 300]).Sample((k, prefix, body) =>
        {
            string text = prefix + body;
            var findings = new List<Finding>();
            ContentDetector.Detect("f", Kinds[k], Encoding.UTF8.GetBytes(text), findings);
            Assert.IsFalse(findings.Any(f => f.Rule.Code == "NPMRC900"), Harness.Describe(findings));
            foreach (var f in findings)
            {
                Assert.IsTrue(f.Line >= 1 && f.Column >= 1 && f.EndColumn >= f.Column, Harness.Describe(findings));
                Assert.IsFalse(f.Message.Contains('\n') || f.Message.Contains('\r') || f.Redacted.Contains('\n') || (f.Key ?? string.Empty).Contains('\n'), Harness.Describe(findings));
            }
        }, iter: 3000, threads: 1);
    }

    [TestMethod]
    public void MutatedConfigFilesNeverThrow()
    {
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Int[0, Kinds.Length - 1], Gen.Int[0, 1000], Gen.Byte.Array[0, 12], Gen.Int[0, 8]).Sample((s, k, at, insert, delete) =>
        {
            var bytes = Encoding.UTF8.GetBytes(Seeds[s]).ToList();
            int pos = at % (bytes.Count + 1);
            bytes.RemoveRange(pos, Math.Min(delete, bytes.Count - pos));
            bytes.InsertRange(pos, insert);
            var findings = new List<Finding>();
            ContentDetector.Detect("f", Kinds[k], bytes.ToArray(), findings);
            Assert.IsFalse(findings.Any(f => f.Rule.Code == "NPMRC900"), Harness.Describe(findings));
        }, iter: 3000, threads: 1);
    }

    private static readonly Gen<string> Surrounding = Gen.String[Gen.Char["abcxyzXYZ019 \t\n\r=:;\"'(){}<>,./\\#$%é→-"], 0, 120];
    private static readonly Gen<char> Boundary = Gen.Char[" \t\n\"'=:;,(){}[]<>/\\.-#$%é→"];

    [TestMethod]
    public void AGeneratedTokenIsAlwaysFoundAtItsLineAndColumnInText()
    {
        Gen.Select(Gen.Int, Surrounding, Boundary, Boundary, Surrounding).Sample((seed, prefix, left, right, suffix) =>
        {
            string token = FakeTokens.NpmToken(seed);
            string before = prefix + left;
            string text = before + token + right + suffix;
            int line = before.Count(c => c == '\n') + 1;
            int column = before.Length - (before.LastIndexOf('\n') + 1) + 1;
            var findings = Harness.Run(FileKind.Text, text);
            Assert.IsTrue(findings.Any(f => f.Rule.Code == "NPMRC003" && f.Line == line && f.Column == column && f.EndColumn == column + 40),
                $"expected {line}:{column} in {Harness.Describe(findings)}");
            Assert.IsFalse(findings.Any(f => (f.Key ?? string.Empty).Contains(token) || f.Message.Contains(token) || f.Redacted.Contains(token)));
        }, iter: 2000, threads: 1);
    }

    [TestMethod]
    public void AGeneratedTokenIsAlwaysFoundInConfigFilesAndLockfiles()
    {
        var kinds = new[] { FileKind.Npmrc, FileKind.Yarnrc, FileKind.YarnrcYml, FileKind.Bunfig, FileKind.Lockfile };
        Gen.Select(Gen.Int, Gen.Int[0, kinds.Length - 1], Surrounding, Boundary, Boundary, Surrounding).Sample((seed, k, prefix, left, right, suffix) =>
        {
            string token = FakeTokens.NpmToken(seed);
            string before = prefix + left;
            string text = before + token + right + suffix;
            var (line, column) = ConfigPosition(before);
            var findings = Harness.Run(kinds[k], text);
            Assert.IsTrue(findings.Any(f => f.Rule.Code is "NPMRC003" or "NPMRC004" && f.Line == line && f.Column == column && f.EndColumn == column + 40),
                $"{kinds[k]}: expected {line}:{column} in {Harness.Describe(findings)}");
            Harness.AssertNoSecrets(findings, new[] { token });
        }, iter: 2000, threads: 1);
    }

    private static (int Line, int Column) ConfigPosition(string before)
    {
        int line = 1, col = 1;
        for (int i = 0; i < before.Length; i++)
        {
            char c = before[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= before.Length || before[i + 1] != '\n')))
            {
                if (c == '\r' && i + 1 == before.Length)
                {
                    // A CR at the end of 'before' is followed by the token, so it breaks the line.
                }

                line++;
                col = 1;
            }
            else if (c != '\r')
            {
                col++;
            }
        }

        return (line, col);
    }

    [TestMethod]
    public void NoFindingFieldEverHoldsTheSecret()
    {
        var keys = Gen.OneOf(
            "//registry.npmjs.org/:_authToken=", "_authToken = ", "//r.example.com/:_auth=", "//r/:_password=\"", "# //r/:_authToken=",
            "[s]\n//r/:_authtoken=", "registry=https://bob:", "//bob:");
        var kindsAndTemplates = Gen.OneOf(
            (FileKind.Npmrc, "{0}{1}"), (FileKind.YarnrcYml, "npmAuthToken: {1}"), (FileKind.YarnrcYml, "npmAuthIdent: \"bob:{1}\""),
            (FileKind.Bunfig, "[install]\nregistry = {{ url = \"https://r/\", token = \"{1}\", password = \"{1}\" }}"),
            (FileKind.Text, "NPM_TOKEN={1}"), (FileKind.Text, "npm config set {0} {1}"), (FileKind.Lockfile, "resolved \"https://u:{1}@r/x.tgz\""));
        var secret = Gen.String[Gen.Char["abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789+/="], 12, 60];
        Gen.Select(keys, kindsAndTemplates, secret).Sample((key, kt, value) =>
        {
            string text = string.Format(kt.Item2, key, value) + (key.StartsWith("//bob:") ? "@r/:_authToken=${T}" : string.Empty);
            var findings = Harness.Run(kt.Item1, text);
            foreach (var f in findings)
            {
                foreach (var field in new[] { f.Key ?? string.Empty, f.Message, f.Redacted, f.SubjectDigest })
                {
                    Assert.IsFalse(field.Contains(value), $"{f.Rule.Code}: {field}");
                }
            }
        }, iter: 2000, threads: 1);
    }
}

[TestClass]
public sealed class PathologicalInputTests
{
    private const int Size = 1_000_000;

    [TestMethod]
    [Timeout(60000, CooperativeCancellation = true)]
    public void LongHostileValuesStayLinear()
    {
        string[] bodies = { Harness.Expand("{T}\n"), Harness.Expand("NPM_TOKEN={O}\n"), "${", "${-", "$(", "%a b", "\\${x", "://a:b", "npm_", "_authToken=", "NPM_TOKEN=\"", "#{", "{\"a\":[", "'" };
        foreach (var kind in (FileKind[])System.Enum.GetValues(typeof(FileKind)))
        {
            foreach (var body in bodies)
            {
                var sb = new System.Text.StringBuilder("//r.example.com/:_authToken=");
                while (sb.Length < Size)
                {
                    sb.Append(body);
                }

                var sw = System.Diagnostics.Stopwatch.StartNew();
                var findings = Harness.Run(kind, sb.ToString());
                Assert.IsLessThan(20.0, sw.Elapsed.TotalSeconds, $"{kind} {body}");
                Assert.IsFalse(findings.Exists(f => f.Rule.Code == "NPMRC900"), $"{kind} {body}: {Harness.Describe(findings)}");
            }
        }
    }
}
