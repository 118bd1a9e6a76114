using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>Tokens in C# source: reported once, by the analyzer, and configured like any analyzer.</summary>
[TestClass]
public sealed class AnalyzerIntegrationTests
{
    private static readonly string Token = FakeTokens.NpmToken(5005);

    private static string Source(string token, string before = "") => $$"""
        namespace App;

        public static class Publishing
        {
        {{before}}    public const string Token = "{{token}}";
        }
        """;

    [TestMethod]
    public void ATokenInCSharpIsOneErrorAtItsLine()
    {
        var consumer = Consumer.WithProject("analyzer");
        consumer.Write("Publishing.cs", Source(Token));

        var build = consumer.Build();

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        var error = build.Ours.Single();
        Assert.AreEqual(("NPMRC003", "error", consumer.PathOf("Publishing.cs"), 5), (error.Code, error.Severity, error.File, error.Line), build.ToString());
        Assert.IsFalse(build.Output.Contains(Token), "the secret is printed");
    }

    [TestMethod]
    public void ATokenInACSharpCommentIsOneErrorAtItsLine()
    {
        // The tree scan leaves compiled files to the analyzer, which reads comments too.
        var consumer = Consumer.WithProject("analyzer-comment");
        consumer.Write("Publishing.cs", $$"""
            namespace App;

            public static class Publishing
            {
                // Old publish token, kept for reference: {{Token}}
                public const string Registry = "https://registry.npmjs.org/";
            }
            """);

        var build = consumer.Build();

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        var error = build.Ours.Single();
        Assert.AreEqual(("NPMRC003", "error", consumer.PathOf("Publishing.cs"), 5), (error.Code, error.Severity, error.File, error.Line), build.ToString());
        StringAssert.Contains(error.Message, "in a C# comment", build.ToString());
        Assert.IsFalse(build.Output.Contains(Token), "the secret is printed");
    }

    [TestMethod]
    public void PragmaSilencesIt()
    {
        var consumer = Consumer.WithProject("analyzer-pragma");
        consumer.Write("Publishing.cs", Source(Token, "#pragma warning disable NPMRC003\n"));

        var build = consumer.Build();

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.AreEqual(0, build.Ours.Count, build.ToString());
    }

    [TestMethod]
    public void EditorConfigSilencesIt()
    {
        var consumer = Consumer.WithProject("analyzer-editorconfig");
        consumer.Write("Publishing.cs", Source(Token));
        consumer.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.NPMRC003.severity = none\n");

        var build = consumer.Build();

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.AreEqual(0, build.Ours.Count, build.ToString());
    }

    [TestMethod]
    public void DesignTimeBuildsDoNotScan()
    {
        var consumer = Consumer.WithProject("design-time");
        consumer.Write("ClientApp/.npmrc", $"//registry.npmjs.org/:_authToken={Token}\n");

        var build = consumer.Build("-p:DesignTimeBuild=true");

        Assert.IsFalse(build.Output.Contains("NpmrcBuildCheck: scanned"), build.ToString());
        Assert.AreEqual(0, build.Ours.Count, build.ToString());
    }
}
