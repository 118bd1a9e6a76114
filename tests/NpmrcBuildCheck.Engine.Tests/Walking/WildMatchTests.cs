using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Walking;

namespace NpmrcBuildCheck.Engine.Tests.Walking;

[TestClass]
public sealed class WildMatchTests
{
    [TestMethod]
    [DataRow("*.js", "a.js", true)]
    [DataRow("*.js", "dir/a.js", false)]
    [DataRow("**/*.js", "a.js", true)]
    [DataRow("**/*.js", "x/y/a.js", true)]
    [DataRow("a/**/b", "a/b", true)]
    [DataRow("a/**/b", "a/x/y/b", true)]
    [DataRow("a/**", "a/x/y", true)]
    [DataRow("a/**", "a", false)]
    [DataRow("a?c", "abc", true)]
    [DataRow("a?c", "a/c", false)]
    [DataRow("[abc].txt", "b.txt", true)]
    [DataRow("[!abc].txt", "b.txt", false)]
    [DataRow("[a-c].txt", "d.txt", false)]
    [DataRow(@"\*.txt", "*.txt", true)]
    [DataRow(@"\*.txt", "a.txt", false)]
    [DataRow(@"\#x", "#x", true)]
    [DataRow("a**b", "axxb", true)]
    [DataRow("a**b", "ax/xb", false)]
    [DataRow("**", "any/thing", true)]
    [DataRow("*", "", true)]
    [DataRow("[", "[", true)]
    public void Matches(string pattern, string text, bool expected) =>
        Assert.AreEqual(expected, WildMatch.IsMatch(pattern, text), $"{pattern} vs {text}");

    [TestMethod]
    public void PathologicalPatternGivesUpQuickly()
    {
        string text = new string('a', 60);
        Assert.IsFalse(WildMatch.IsMatch("*a*a*a*a*a*a*a*a*a*a*a*a*b", text));
    }
}
