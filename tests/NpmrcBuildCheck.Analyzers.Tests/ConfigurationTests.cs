using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Rules;
using NpmrcBuildCheck.TestSupport;
using static NpmrcBuildCheck.Analyzers.Tests.Verify;

namespace NpmrcBuildCheck.Analyzers.Tests;

/// <summary>The descriptor, native severity configuration, and that no message carries a secret.</summary>
[TestClass]
public sealed class ConfigurationTests
{
    private static readonly string T = FakeTokens.NpmToken(11);

    [TestMethod]
    public void DescriptorComesFromTheRuleCatalog()
    {
        var descriptor = Descriptors.NpmAccessToken;
        Assert.AreEqual(RuleCatalog.NpmAccessToken.Code, descriptor.Id);
        Assert.AreEqual(Descriptors.NpmAccessTokenId, RuleCatalog.NpmAccessToken.Code, "The constant id must be the catalog's code.");
        Assert.AreEqual(RuleCatalog.NpmAccessToken.Title, descriptor.Title.ToString());
        Assert.AreEqual(RuleCatalog.NpmAccessToken.HelpLink, descriptor.HelpLinkUri);
        Assert.AreEqual(RuleCatalog.NpmAccessToken.Description, descriptor.Description.ToString());
        Assert.AreEqual("Security", descriptor.Category);
        Assert.AreEqual(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        Assert.AreEqual(Severity.Error, RuleCatalog.NpmAccessToken.DefaultSeverity);
        Assert.IsTrue(descriptor.IsEnabledByDefault);
    }

    [TestMethod]
    public void ReleaseTrackingListsTheRule()
    {
        string unshipped = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "NpmrcBuildCheck.Analyzers", "AnalyzerReleases.Unshipped.md"));
        StringAssert.Contains(unshipped, $"{Descriptors.NpmAccessTokenId} | Security | Error |");
        StringAssert.Contains(unshipped, RuleCatalog.NpmAccessToken.HelpLink);
    }

    [TestMethod]
    public async Task PragmaWarningDisableSuppresses()
    {
        var test = AnalyzerTest(
            $$"""
            class C
            {
            #pragma warning disable NPMRC003 // test fixture
                string a = "{{T}}";
            #pragma warning restore NPMRC003
                string b = "{|#0:{{T}}|}";
            }
            """,
            Npmrc003(0, "npm access token", Redaction.Redact(T)));

        // The framework's own check wraps the file in another '#pragma warning disable'; the restore above defeats it by design.
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        await test.RunAsync();
    }

    [TestMethod]
    public Task SuppressMessageAttributeSuppresses() => Analyzer(
        $$"""
        class C
        {
            [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "NPMRC003:npm access token in a file", Justification = "test")]
            string a = "{{T}}";
        }
        """);

    [TestMethod]
    public async Task EditorConfigSeverityNoneSuppresses()
    {
        var test = AnalyzerTest($$"""class C { string a = "{{T}}"; }""");
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.NPMRC003.severity = none
            """));
        await test.RunAsync();
    }

    [TestMethod]
    public async Task GlobalConfigSeverityNoneSuppresses()
    {
        var test = AnalyzerTest($$"""class C { string a = "{{T}}"; }""");
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            dotnet_diagnostic.NPMRC003.severity = none
            """));
        await test.RunAsync();
    }

    [TestMethod]
    public async Task EditorConfigCanLowerTheSeverityToWarning()
    {
        var test = AnalyzerTest(
            $$"""class C { string a = "{|#0:{{T}}|}"; }""",
            Npmrc003(0, "npm access token", Redaction.Redact(T)).WithSeverity(DiagnosticSeverity.Warning));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.NPMRC003.severity = warning
            """));
        await test.RunAsync();
    }

    [TestMethod]
    public async Task NoWarnAndSpecificSeverityApplyThroughCompilationOptions()
    {
        string source = $$"""class C { string a = "{{T}}"; }""";
        Assert.AreEqual(1, (await RunAnalyzerAsync(source)).Length);

        // <NoWarn>NPMRC003</NoWarn> is passed to the compiler as a suppressed specific option.
        var suppressed = await RunAnalyzerAsync(source, options => options.WithSpecificDiagnosticOptions(
            ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("NPMRC003", ReportDiagnostic.Suppress)));
        Assert.AreEqual(0, suppressed.Length);

        // A specific severity (as a ruleset or /warn:NPMRC003 gives) is honoured too.
        var warning = await RunAnalyzerAsync(source, options => options.WithSpecificDiagnosticOptions(
            ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("NPMRC003", ReportDiagnostic.Warn)));
        Assert.AreEqual(DiagnosticSeverity.Warning, warning.Single().Severity);
    }

    [TestMethod]
    public async Task NoMessageContainsTheSecret()
    {
        string token = FakeTokens.NpmToken(12);
        string opaque = FakeTokens.Opaque(13);
        string uuid = FakeTokens.Uuid(14);
        string source = $$""""
            class C
            {
                const string A = "{{token}}";
                string B = $"Bearer {{token}}";
                System.ReadOnlySpan<byte> U => "{{token}}"u8;
                string N = """
                    //registry.npmjs.org/:_authToken={{opaque}}
                    //npm.example.com/:_authToken={{uuid}}
                    """;
            }
            """";

        var diagnostics = await RunAnalyzerAsync(source);
        Assert.AreEqual(5, diagnostics.Length, string.Join(Environment.NewLine, diagnostics.Select(d => d.GetMessage())));
        var secrets = new[] { token, token.Substring(4), opaque, uuid, token.Substring(4, 20), opaque.Substring(0, 20) };
        foreach (var diagnostic in diagnostics)
        {
            string text = diagnostic.GetMessage() + diagnostic.ToString() + string.Join(",", diagnostic.Properties.Values);
            foreach (string secret in secrets)
            {
                Assert.IsFalse(text.Contains(secret, StringComparison.Ordinal), "A message contains a secret.");
            }

            StringAssert.Contains(diagnostic.GetMessage(), "****");
            StringAssert.Contains(diagnostic.GetMessage(), "revoke");
            StringAssert.Contains(diagnostic.GetMessage(), "environment");
        }
    }

    /// <summary>Runs the analyzer through the compiler's own driver, the way a build does.</summary>
    internal static async Task<ImmutableArray<Diagnostic>> RunAnalyzerAsync(string source, Func<CSharpCompilationOptions, CSharpCompilationOptions>? configure = null)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, default);
        var compilation = CSharpCompilation.Create(
            "Probe",
            new[] { CSharpSyntaxTree.ParseText(source, path: "Probe.cs") },
            references,
            (configure ?? (o => o))(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.AreEqual(0, errors.Count, string.Join(Environment.NewLine, errors));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NpmAccessTokenAnalyzer()));
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NpmrcBuildCheck.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
