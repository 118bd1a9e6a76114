using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Text;
using NpmrcBuildCheck.Workflows;

namespace NpmrcBuildCheck.Engine.Tests.Workflows;

[TestClass]
public sealed class YamlReaderTests
{
    private static YamlNode Read(string yaml) => YamlReader.Read(DecodedText.FromString(yaml))!;

    [TestMethod]
    public void BlockMapsAndSequencesKeepLinesAndColumns()
    {
        var root = Read("""
            # comment
            name: Release   # trailing comment
            jobs:
              publish:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: npm publish
                    env:
                      NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}
            """);

        Assert.AreEqual("Release", root.Text("name"));
        var steps = root["jobs"]!["publish"]!["steps"]!;
        Assert.AreEqual(2, steps.Items.Count);
        var env = steps.Items[1]["env"]!.Entries.Single();
        Assert.AreEqual(("NODE_AUTH_TOKEN", 10, 11), (env.Key.Value, env.Key.Line, env.Key.Column));
        Assert.AreEqual(("${{ secrets.NPM_TOKEN }}", 10, 28, 52), (env.Value.Value, env.Value.Line, env.Value.Column, env.Value.EndColumn));
    }

    [TestMethod]
    public void ASequenceMayStartAtItsKeysIndentation()
    {
        var root = Read("steps:\n- run: a\n- run: b\nafter: x\n");
        Assert.AreEqual("a b", string.Join(" ", root["steps"]!.Items.Select(i => i.Text("run"))));
        Assert.AreEqual("x", root.Text("after"));
    }

    [TestMethod]
    public void QuotedScalarsResolveEscapesAndMaySpanLines()
    {
        var root = Read("a: \"x\\\"y: z\" # c\nb: 'it''s'\nc: \"one\n  two\"\nd: plain # not: a key\n'e': 1\n");
        Assert.AreEqual("x\"y: z", root.Text("a"));
        Assert.AreEqual("it's", root.Text("b"));
        Assert.AreEqual("one two", root.Text("c"));
        Assert.AreEqual("plain", root.Text("d"));
        Assert.AreEqual("1", root.Text("e"));
        Assert.AreEqual(6, root["e"]!.Line);
    }

    [TestMethod]
    public void BlockScalarsKeepTheirLinesAndCommentLikeContent()
    {
        var root = Read("run: |\n  # publish\n  npm ci\n\n  npm publish\nnext: >-\n    folded\n    text\n");
        var run = root["run"]!;
        Assert.AreEqual("# publish\nnpm ci\n\nnpm publish", run.Value);
        Assert.AreEqual((1, 5), (run.Line, run.EndLine));
        Assert.AreEqual("folded\ntext", root.Text("next"));
    }

    [TestMethod]
    public void PlainScalarsFoldTheirContinuationLines()
    {
        var root = Read("- run: echo a\n    b\n  name: n\n");
        Assert.AreEqual("echo a b", root.Items[0].Text("run"));
        Assert.AreEqual("n", root.Items[0].Text("name"));
    }

    [TestMethod]
    public void FlowCollectionsMaySpanLines()
    {
        var root = Read("on: { push: { branches: [ main,\n  'release/*' ] } }\ntags: [a, b]\nempty: []\n");
        var branches = root["on"]!["push"]!["branches"]!;
        Assert.AreEqual("main release/*", string.Join(" ", branches.Items.Select(i => i.Value)));
        Assert.AreEqual(2, branches.Items[1].Line);
        Assert.AreEqual("a b", string.Join(" ", root["tags"]!.Items.Select(i => i.Value)));
        Assert.AreEqual(0, root["empty"]!.Items.Count);
    }

    [TestMethod]
    public void AnchorsAliasesAndMergeKeys()
    {
        var root = Read(".base: &base\n  tags: [docker]\n  variables:\n    A: 1\njob:\n  <<: *base\n  script: &s\n    - npm publish\nother:\n  script: *s\n");
        Assert.AreEqual("docker", root["job"]!["tags"]!.Items.Single().Value);
        Assert.AreEqual("npm publish", root["other"]!["script"]!.Items.Single().Value);
    }

    [TestMethod]
    public void TagsAreKept()
    {
        var root = Read("script:\n  - !reference [.setup, script]\n  - echo\n");
        Assert.AreEqual("reference", root["script"]!.Items[0].Tag);
        Assert.AreEqual(".setup", root["script"]!.Items[0].Items[0].Value);
    }

    [TestMethod]
    public void DocumentMarkersAndCrLf()
    {
        var root = Read("%YAML 1.2\r\n---\r\na: 1\r\nb:\r\n  - x\r\n---\r\nc: 2\r\n");
        Assert.AreEqual("1", root.Text("a"));
        Assert.AreEqual("x", root["b"]!.Items.Single().Value);
        Assert.IsNull(root["c"], "a second document is not read");
        Assert.AreEqual(5, root["b"]!.Items[0].Line);
    }

    [TestMethod]
    public void EmptyValuesAndKeysWithUrls()
    {
        var root = Read("a:\nb: https://registry.npmjs.org/\nc: node:20\n");
        Assert.AreEqual(string.Empty, root.Text("a"));
        Assert.AreEqual("https://registry.npmjs.org/", root.Text("b"));
        Assert.AreEqual("node:20", root.Text("c"));
    }

    [TestMethod]
    public void DeepNestingIsRefusedNotOverflowed()
    {
        Assert.IsNull(YamlReader.Read(DecodedText.FromString(new string('[', 100000))));
        Assert.IsNull(YamlReader.Read(DecodedText.FromString(string.Concat(Enumerable.Repeat("- ", 50000)) + "x")));
        Assert.IsNull(YamlReader.Read(DecodedText.FromString(string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i) + "k:\n")))));
    }
}
