using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Detection;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Text;
using NpmrcBuildCheck.Workflows;

namespace NpmrcBuildCheck.Engine.Tests.Workflows;

/// <summary>Bad YAML gives no finding and never a crash, whatever the bytes.</summary>
[TestClass]
public sealed class WorkflowPropertyTests
{
    private static readonly string[] Paths = { ".github/workflows/release.yml", ".gitlab-ci.yml", ".circleci/config.yml" };

    private static readonly string[] Seeds =
    {
        "on: push\npermissions:\n  id-token: write\njobs:\n  publish:\n    runs-on: [ubuntu-latest]\n    steps:\n      - uses: actions/setup-node@v4\n        with: { registry-url: 'https://registry.npmjs.org' }\n      - run: |\n          npm publish\n        env:\n          NODE_AUTH_TOKEN: \"${{ secrets.NPM_TOKEN }}\" # c\n",
        ".base: &base\n  tags: []\n  script:\n    - echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc\npublish:\n  <<: *base\n  extends: [.base]\n  script:\n    - !reference [.base, script]\n    - npm publish\n",
        "version: 2.1\nexecutors:\n  n: {docker: [{image: 'cimg/node:22'}]}\njobs:\n  publish:\n    executor: n\n    steps:\n      - run:\n          command: >-\n            echo \"//registry.npmjs.org/:_authToken=$NPM_TOKEN\" > ~/.npmrc\n            && npm publish\n",
    };

    private static void AssertNoCrash(string path, byte[] bytes)
    {
        var findings = new List<Finding>();
        ContentDetector.Detect(path, FileKind.Text, bytes, findings);
        Assert.IsFalse(findings.Any(f => f.Rule.Code == "NPMRC900"), string.Join("\n", findings.Select(f => f.Message)));
        foreach (var f in findings)
        {
            Assert.IsTrue(f.Line >= 1 && f.Column >= 1 && f.EndColumn > f.Column, $"{f.Rule.Code} {f.Line}:{f.Column}-{f.EndColumn}");
        }
    }

    [TestMethod]
    public void TheSeedsAreFound()
    {
        for (int s = 0; s < Seeds.Length; s++)
        {
            Assert.AreEqual(1, TrustedPublishingTests.Run(Paths[s], Seeds[s]).Count(f => f.Rule.Code == "NPMRC012"), Paths[s]);
        }
    }

    [TestMethod]
    public void MutatedWorkflowsNeverThrow()
    {
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Int[0, 1000], Gen.Byte.Array[0, 12], Gen.Int[0, 8]).Sample((s, at, insert, delete) =>
        {
            var bytes = Encoding.UTF8.GetBytes(Seeds[s]).ToList();
            int pos = at % (bytes.Count + 1);
            bytes.RemoveRange(pos, Math.Min(delete, bytes.Count - pos));
            bytes.InsertRange(pos, insert);
            AssertNoCrash(Paths[s], bytes.ToArray());
        }, iter: 5000, threads: 1);
    }

    [TestMethod]
    public void RandomYamlCharactersNeverThrow()
    {
        var chars = Gen.Char["-:#&*!|>[]{},'\"\\% \t\r\n\uFEFFabnpmpublish$_{}"];
        Gen.Select(Gen.Int[0, Paths.Length - 1], Gen.String[chars, 0, 400]).Sample((p, text) =>
        {
            AssertNoCrash(Paths[p], Encoding.UTF8.GetBytes(text));
            YamlReader.Read(DecodedText.FromString(text));
        }, iter: 5000, threads: 1);
    }

    [TestMethod]
    public void RandomBytesNeverThrow() =>
        Gen.Select(Gen.Int[0, Paths.Length - 1], Gen.Byte.Array[0, 600]).Sample((p, bytes) => AssertNoCrash(Paths[p], bytes), iter: 3000, threads: 1);

    [TestMethod]
    public void HostileShapesStayLinear()
    {
        // Alias fan-out (merge keys of merge keys), many jobs, long flow lists, an unclosed quote.
        var yaml = new StringBuilder("a0: &a0 {k: v}\n");
        for (int i = 1; i < 2000; i++)
        {
            yaml.Append($"a{i}: &a{i}\n  <<: [*a{i - 1}, *a{i - 1}]\n  k{i}: v\n");
        }

        yaml.Append("jobs:\n");
        for (int i = 0; i < 5000; i++)
        {
            yaml.Append($"  j{i}:\n    runs-on: ubuntu-latest\n    steps: [{{run: npm publish, env: {{NPM_TOKEN: '${{{{ secrets.T }}}}'}}}}]\n");
        }

        yaml.Append("x: \"").Append('y', 100000);
        var stopwatch = Stopwatch.StartNew();
        var findings = TrustedPublishingTests.Run(".github/workflows/big.yml", yaml.ToString());
        stopwatch.Stop();
        Assert.AreEqual(5000, findings.Count(f => f.Rule.Code == "NPMRC012"));
        Assert.IsTrue(stopwatch.ElapsedMilliseconds < 5000, $"{stopwatch.ElapsedMilliseconds} ms");
    }
}
