using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Engine.Tests.Scanning;
using NpmrcBuildCheck.Git;

namespace NpmrcBuildCheck.Engine.Tests.Git;

/// <summary>Differential tests: our .gitignore evaluation against <c>git check-ignore</c> on the same tree.</summary>
[TestClass]
public sealed class GitIgnoreTests
{
    private static readonly string[] Paths =
    {
        ".env", ".env.local", "app/.env", "app/.npmrc", "app/sub/.npmrc", ".npmrc", "a.log", "logs/x.log", "logs/keep.log",
        "build/out.txt", "src/build/out.txt", "docs/build/readme.md", "foo/bar/baz.txt", "foo/x/y/baz.txt", "x/foo/bar/baz.txt",
        "#hash.txt", "!bang.txt", "space .txt", "trail.txt ", "deep/a/b/c/secret.json", "secret.json", "CaSe.TXT",
        "vendor/lib/keep.js", "vendor/lib/drop.js", "vendor/other/x.js", "tmp/a/b/file", "abc/def/ghi.txt", "onlydir/file",
        "onlydir2", "nested/keep/.npmrc", "nested/drop/.npmrc",
    };

    private const string RootIgnore = """
        # comment
        .env*
        !.env.local
        *.log
        !logs/keep.log
        /build/
        foo/**/baz.txt
        \#hash.txt
        \!bang.txt
        space\ .txt
        **/deep/**/secret.json
        *.TXT
        vendor/lib/*
        !vendor/lib/keep.js
        tmp/**
        abc/*/ghi.txt
        onlydir/
        onlydir2/
        nested/*/.npmrc
        """;

    [TestMethod]
    public void AgreesWithGitCheckIgnore()
    {
        using var tree = new TestTree();
        tree.GitInit();
        tree.Write(".gitignore", RootIgnore.Replace("\r\n", "\n") + "\n");
        tree.Write("app/.gitignore", ".npmrc\n!sub/.npmrc\n");
        tree.Write("nested/keep/.gitignore", "!.npmrc\n");
        foreach (var p in Paths)
        {
            tree.Write(p, "x\n");
        }

        var evaluator = new GitIgnoreEvaluator(tree.Root, Path.Combine(tree.Root, ".git", "info", "exclude"));
        var expected = IgnoredByGit(tree, Paths);
        Assert.IsTrue(expected.Count >= 15 && expected.Count < Paths.Length - 5, $"git ignored {expected.Count} paths");
        foreach (var p in Paths)
        {
            Assert.AreEqual(expected.Contains(p), evaluator.IsIgnored(p, isDirectory: false), $"'{p}': git says {(expected.Contains(p) ? "ignored" : "not ignored")}");
        }
    }

    [TestMethod]
    public void RandomRulesAgreeWithGitCheckIgnore()
    {
        string[] segments = { "a", "b", "ab", "*", "a*", "*b", "?b", "[ab]", "**", "[!a]b", "a**", "*.txt", "c", "[a-b]?", "**b", "*a*", @"\a", "a?.txt", "**.txt" };
        string[] dirs = { "a", "b", "ab", "x" };
        string[] leaves = { "a.txt", "b.txt", "ab.txt", "c" };
        var random = new Random(20261127);
        int ignored = 0;
        int kept = 0;
        for (int round = 0; round < 40; round++)
        {
            using var tree = new TestTree();
            tree.GitInit();
            var paths = new HashSet<string>(StringComparer.Ordinal);
            while (paths.Count < 25)
            {
                int depth = random.Next(0, 4);
                var parts = Enumerable.Range(0, depth).Select(_ => dirs[random.Next(dirs.Length)]).ToList();
                parts.Add(leaves[random.Next(leaves.Length)]);
                paths.Add(string.Join("/", parts));
            }

            foreach (var p in paths)
            {
                tree.Write(p, "x\n");
            }

            string RandomRules(int count)
            {
                var lines = new List<string>();
                for (int i = 0; i < count; i++)
                {
                    int n = random.Next(1, 4);
                    string pattern = string.Join("/", Enumerable.Range(0, n).Select(_ => segments[random.Next(segments.Length)]));
                    if (random.Next(4) == 0)
                    {
                        pattern = "/" + pattern;
                    }

                    if (random.Next(4) == 0)
                    {
                        pattern += "/";
                    }

                    if (random.Next(4) == 0)
                    {
                        pattern = "!" + pattern;
                    }

                    lines.Add(pattern);
                }

                return string.Join("\n", lines) + "\n";
            }

            string rules = RandomRules(5);
            tree.Write(".gitignore", rules);
            string nestedDir = dirs[random.Next(dirs.Length)];
            string nested = RandomRules(3);
            if (Directory.Exists(tree.Full(nestedDir)))
            {
                tree.Write(nestedDir + "/.gitignore", nested);
            }

            var evaluator = new GitIgnoreEvaluator(tree.Root, Path.Combine(tree.Root, ".git", "info", "exclude"));
            var expected = IgnoredByGit(tree, paths);
            ignored += expected.Count;
            kept += paths.Count - expected.Count;
            foreach (var p in paths)
            {
                Assert.AreEqual(expected.Contains(p), evaluator.IsIgnored(p, isDirectory: false),
                    $"round {round}: '{p}' with .gitignore:\n{rules}\n{nestedDir}/.gitignore:\n{nested}");
            }
        }

        Assert.IsTrue(ignored > 100 && kept > 100, $"ignored {ignored}, kept {kept}: the random rules should exercise both outcomes");
    }

    [TestMethod]
    public void ParsesEscapesAndTrailingSpaces()
    {
        var rules = GitIgnoreParser.Parse("a \nb\\ \n\\!c\n!d/\n/e/f\n\n#x\n", string.Empty);
        Assert.AreEqual(5, rules.Count);
        Assert.AreEqual("a", rules[0].Pattern);
        Assert.AreEqual("b\\ ", rules[1].Pattern);
        Assert.IsFalse(rules[2].Negated);
        Assert.IsTrue(rules[3].Negated && rules[3].DirectoryOnly && !rules[3].Anchored);
        Assert.IsTrue(rules[4].Anchored);
        Assert.AreEqual("e/f", rules[4].Pattern);
    }

    private static HashSet<string> IgnoredByGit(TestTree tree, IEnumerable<string> paths)
    {
        // Exit code 1 means "none ignored"; run through sh so that is not an error.
        string list = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".lst");
        File.WriteAllText(list, string.Join("\0", paths) + "\0");
        try
        {
            string output = TestTree.Run(tree.Root, "sh", "-c", $"git check-ignore --no-index -z --stdin < '{list}' || true");
            return new HashSet<string>(output.Split('\0', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        }
        finally
        {
            File.Delete(list);
        }
    }
}
