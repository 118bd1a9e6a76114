using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Rules;

namespace NpmrcBuildCheck.Engine.Tests.Rules;

/// <summary>The rule catalog, the help pages and the README tell the same story.</summary>
[TestClass]
public sealed class RuleDocumentationTests
{
    private static readonly string Root = FindRepositoryRoot();

    public static System.Collections.Generic.IEnumerable<object[]> AllRules => RuleCatalog.All.Select(rule => new object[] { rule.Code });

    [TestMethod]
    [DynamicData(nameof(AllRules))]
    public void EveryRuleHasAHelpPageWithItsTitleAndSeverity(string code)
    {
        var rule = RuleCatalog.Get(code);
        string path = Path.Combine(Root, "docs", "rules", code + ".md");
        Assert.IsTrue(File.Exists(path), $"{path} is missing");
        string page = File.ReadAllText(path);
        Assert.AreEqual($"# {code}: {rule.Title}", page.Split('\n')[0].TrimEnd('\r'));
        StringAssert.Contains(page, $"Default severity: **{rule.DefaultSeverity.ToString().ToLowerInvariant()}**");
        foreach (var section in new[] { "## What it finds", "## Why it matters", "## Non-compliant examples", "## Compliant examples", "## How to fix", "## How to suppress" })
        {
            StringAssert.Contains(page, section, $"{code}.md lacks '{section}'");
        }

        Assert.IsTrue(rule.HelpLink.EndsWith($"docs/rules/{code}.md", StringComparison.Ordinal), rule.HelpLink);
    }

    [TestMethod]
    [DynamicData(nameof(AllRules))]
    public void EveryRuleHasAReadmeRowWithItsDefaultSeverity(string code)
    {
        var rule = RuleCatalog.Get(code);
        string readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        string row = $"| [{code}](docs/rules/{code}.md) | {rule.DefaultSeverity.ToString().ToLowerInvariant()} |";
        StringAssert.Contains(readme, row);
    }

    [TestMethod]
    public void TheRuleIndexListsEveryRuleAndNoOther()
    {
        string index = File.ReadAllText(Path.Combine(Root, "docs", "rules", "README.md"));
        var listed = Regex.Matches(index, @"\[(NPMRC\d{3})\]\(NPMRC\d{3}\.md\)").Select(m => m.Groups[1].Value).Distinct().OrderBy(c => c);
        CollectionAssert.AreEqual(RuleCatalog.All.Select(r => r.Code).OrderBy(c => c).ToList(), listed.ToList());
        var pages = Directory.GetFiles(Path.Combine(Root, "docs", "rules"), "NPMRC*.md").Select(Path.GetFileNameWithoutExtension).OrderBy(c => c);
        CollectionAssert.AreEqual(RuleCatalog.All.Select(r => r.Code).OrderBy(c => c).ToList(), pages.ToList());
    }

    [TestMethod]
    public void TheContractTableAgreesWithTheCatalog()
    {
        // The shared contract sits beside the repository; where it is absent (a lone clone) there is nothing to compare.
        string contract = Path.Combine(Root, "..", "shared", "docs", "rules.md");
        if (!File.Exists(contract))
        {
            Assert.Inconclusive("rules.md is not beside the repository");
        }

        // A rule marked "(planned)" may be missing from the catalog; once in it, its severity must agree.
        var rows = Regex.Matches(File.ReadAllText(contract), @"^\| (NPMRC\d{3}) \| (error|warning|message)( \(planned\))? \|", RegexOptions.Multiline)
            .Where(m => !m.Groups[3].Success || RuleCatalog.Find(m.Groups[1].Value) is not null)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        CollectionAssert.AreEquivalent(
            RuleCatalog.All.Select(r => (r.Code, r.DefaultSeverity.ToString().ToLowerInvariant())).ToList(),
            rows);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NpmrcBuildCheck.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("NpmrcBuildCheck.sln not found");
    }
}
