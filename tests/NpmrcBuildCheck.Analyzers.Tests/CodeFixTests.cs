using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.CodeFixes;
using NpmrcBuildCheck.TestSupport;
using static NpmrcBuildCheck.Analyzers.Tests.Verify;

namespace NpmrcBuildCheck.Analyzers.Tests;

/// <summary>The "read it from the environment" fix.</summary>
[TestClass]
public sealed class CodeFixTests
{
    private static readonly string T = FakeTokens.NpmToken(21);
    private static readonly string T2 = FakeTokens.NpmToken(22);

    [TestMethod]
    public Task ConstFieldBecomesStaticReadOnlyWithANameFromTheField() => CodeFix(
        $$"""
        using System;

        public class Settings
        {
            public const string GitHubPackagesToken = "[|{{T}}|]";
        }
        """,
        """
        using System;

        public class Settings
        {
            public static readonly string GitHubPackagesToken = Environment.GetEnvironmentVariable("GITHUB_PACKAGES_TOKEN") ?? throw new InvalidOperationException("Set the GITHUB_PACKAGES_TOKEN environment variable.");
        }
        """);

    [TestMethod]
    public Task FixedCodeHasNoNullableWarnings()
    {
        // Compiler warnings are checked too: a fix that left CS8600/CS8601 would break TreatWarningsAsErrors builds.
        var test = CodeFixTest(
            $$"""
            #nullable enable
            using System;

            internal class Settings
            {
                public const string NpmToken = "[|{{T}}|]";
                public string Header() => "Bearer " + NpmToken;
            }
            """,
            """
            #nullable enable
            using System;

            internal class Settings
            {
                public static readonly string NpmToken = Environment.GetEnvironmentVariable("NPM_TOKEN") ?? throw new InvalidOperationException("Set the NPM_TOKEN environment variable.");
                public string Header() => "Bearer " + NpmToken;
            }
            """);
        test.CompilerDiagnostics = CompilerDiagnostics.Warnings;
        return test.RunAsync(System.Threading.CancellationToken.None);
    }

    [TestMethod]
    public Task ConstLocalBecomesAPlainLocalAndSystemIsQualifiedWithoutAUsing() => CodeFix(
        $$"""
        class C
        {
            string M()
            {
                // the token
                const string npmToken = "[|{{T}}|]";
                return npmToken;
            }
        }
        """,
        """
        class C
        {
            string M()
            {
                // the token
                string npmToken = System.Environment.GetEnvironmentVariable("NPM_TOKEN") ?? throw new System.InvalidOperationException("Set the NPM_TOKEN environment variable.");
                return npmToken;
            }
        }
        """);

    [TestMethod]
    public Task ArgumentUsesNpmToken() => CodeFix(
        $$"""
        using System;

        class C
        {
            void M() => Use("[|{{T}}|]");
            void Use(string token) { }
        }
        """,
        """
        using System;

        class C
        {
            void M() => Use(Environment.GetEnvironmentVariable("NPM_TOKEN") ?? throw new InvalidOperationException("Set the NPM_TOKEN environment variable."));
            void Use(string token) { }
        }
        """);

    [TestMethod]
    public Task RawLiteralPropertyAndAssignment() => CodeFix(
        $$""""
        using System;

        class C
        {
            string AuthToken { get; } = """[|{{T}}|]""";
            string Other { get; set; }
            void M() => Other = $"[|{{T2}}|]";
        }
        """",
        """
        using System;

        class C
        {
            string AuthToken { get; } = Environment.GetEnvironmentVariable("AUTH_TOKEN") ?? throw new InvalidOperationException("Set the AUTH_TOKEN environment variable.");
            string Other { get; set; }
            void M() => Other = Environment.GetEnvironmentVariable("NPM_TOKEN") ?? throw new InvalidOperationException("Set the NPM_TOKEN environment variable.");
        }
        """);

    [TestMethod]
    public Task FixAllRewritesEveryTokenAndEachConstDeclarationOnce() => CodeFix(
        $$"""
        using System;

        class C
        {
            private const string PublishToken = "[|{{T}}|]", ReadToken = "[|{{T2}}|]";
            private const string Registry = "https://registry.npmjs.org/";

            void M()
            {
                const string a = "[|{{T}}|]", b = "[|{{T2}}|]";
                Console.WriteLine(a + b + "[|{{T}}|]");
            }
        }
        """,
        """
        using System;

        class C
        {
            private static readonly string PublishToken = Environment.GetEnvironmentVariable("PUBLISH_TOKEN") ?? throw new InvalidOperationException("Set the PUBLISH_TOKEN environment variable."), ReadToken = Environment.GetEnvironmentVariable("READ_TOKEN") ?? throw new InvalidOperationException("Set the READ_TOKEN environment variable.");
            private const string Registry = "https://registry.npmjs.org/";

            void M()
            {
                string a = Environment.GetEnvironmentVariable("NPM_TOKEN") ?? throw new InvalidOperationException("Set the NPM_TOKEN environment variable."), b = Environment.GetEnvironmentVariable("NPM_TOKEN") ?? throw new InvalidOperationException("Set the NPM_TOKEN environment variable.");
                Console.WriteLine(a + b + (Environment.GetEnvironmentVariable("NPM_TOKEN") ?? throw new InvalidOperationException("Set the NPM_TOKEN environment variable.")));
            }
        }
        """);

    [TestMethod]
    public async Task NoFixWhenTheTokenIsPartOfALongerStringOrNeedsAConstant()
    {
        string source = $$""""
            using System;
            using System.Net.Http;

            [Obsolete("[|{{T}}|]")]
            class C
            {
                const string Npmrc = """
                    //registry.npmjs.org/:_authToken=[|{{T2}}|]
                    """;

                void M(HttpClient client, string s, string p = "[|{{T}}|]")
                {
                    client.DefaultRequestHeaders.Add("Authorization", "Bearer [|{{T}}|]");
                    ReadOnlySpan<byte> bytes = "[|{{T2}}|]"u8;
                    switch (s)
                    {
                        case "[|{{T}}|]":
                            break;
                    }

                    if (s is "[|{{T2}}|]") { }
                }
            }
            """";
        var test = CodeFixTest(source, source);
        await test.RunAsync();
    }

    [TestMethod]
    public async Task NoFixWhenTheConstIsUsedAsAConstant()
    {
        string source = $$"""
            using System;

            class C
            {
                const string Token = "[|{{T}}|]";
                const string Header = "Bearer " + Token;

                [Obsolete(Token)]
                void M(string s, string p = Token)
                {
                    const string local = "[|{{T2}}|]";
                    switch (s)
                    {
                        case local:
                            break;
                    }
                }
            }
            """;
        var test = CodeFixTest(source, source);
        await test.RunAsync();
    }

    [TestMethod]
    public void EnvironmentVariableNames()
    {
        Assert.AreEqual("GITHUB_PACKAGES_TOKEN", ReadFromEnvironmentCodeFix.ToEnvironmentVariable("GitHubPackagesToken"));
        Assert.AreEqual("NPM_TOKEN", ReadFromEnvironmentCodeFix.ToEnvironmentVariable("NpmToken"));
        Assert.AreEqual("NPM_TOKEN", ReadFromEnvironmentCodeFix.ToEnvironmentVariable("_npmToken"));
        Assert.AreEqual("NPM_TOKEN", ReadFromEnvironmentCodeFix.ToEnvironmentVariable("s_npmToken"));
        Assert.AreEqual("NPM_TOKEN", ReadFromEnvironmentCodeFix.ToEnvironmentVariable("NPM_TOKEN"));
        Assert.AreEqual("NPM_TOKEN", ReadFromEnvironmentCodeFix.ToEnvironmentVariable("Token"));
        Assert.AreEqual("NPM_TOKEN", ReadFromEnvironmentCodeFix.ToEnvironmentVariable("x"));
        Assert.AreEqual("NPM_TOKEN", ReadFromEnvironmentCodeFix.ToEnvironmentVariable("Value"));
        Assert.AreEqual("NODE_AUTH_TOKEN", ReadFromEnvironmentCodeFix.ToEnvironmentVariable("NodeAuthToken"));
        Assert.AreEqual("AZURE_DEVOPS_PAT", ReadFromEnvironmentCodeFix.ToEnvironmentVariable("AzureDevOpsPat"));
        Assert.AreEqual("NPM_API_KEY2", ReadFromEnvironmentCodeFix.ToEnvironmentVariable("NPMApiKey2"));
        Assert.AreEqual("NUGET_API_KEY", ReadFromEnvironmentCodeFix.ToEnvironmentVariable("NuGetApiKey"));
    }
}
