using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.TestSupport;
using static NpmrcBuildCheck.Analyzers.Tests.Verify;

namespace NpmrcBuildCheck.Analyzers.Tests;

/// <summary>NPMRC003 on every kind of C# string literal, located exactly on the secret.</summary>
[TestClass]
public sealed class AnalyzerTests
{
    private const string Token = "npm access token";
    private static readonly string T = FakeTokens.NpmToken(1);
    private static readonly string T2 = FakeTokens.NpmToken(2);
    private static readonly string R = Redaction.Redact(T);
    private static readonly string R2 = Redaction.Redact(T2);

    [TestMethod]
    public Task RegularLiteral() => Analyzer(
        $$"""class C { string s = "{|#0:{{T}}|}"; }""",
        Npmrc003(0, Token, R));

    [TestMethod]
    public Task RegularLiteralWithEscapesBeforeAndAfterTheToken() => Analyzer(
        $$"""class C { string s = "a\t\"b\"\\\u0041\x41\U0001F600 {|#0:{{T}}|}\n"; }""",
        Npmrc003(0, Token, R));

    [TestMethod]
    public Task EscapedCharactersInsideTheTokenAreMappedToTheirSource()
    {
        // "\u006e" is 'n': the token's first character is written as an escape sequence.
        string body = T.Substring(1);
        return Analyzer(
            $$"""class C { string s = "x {|#0:\u006e{{body}}|} y"; }""",
            Npmrc003(0, Token, R));
    }

    [TestMethod]
    public Task VerbatimLiteralWithDoubledQuotes() => Analyzer(
        $$"""
        class C
        {
            string s = @"say ""hi""
        then {|#0:{{T}}|}";
        }
        """,
        Npmrc003(0, Token, R));

    [TestMethod]
    public Task RawSingleLineLiteral() => Analyzer(
        $$""""class C { string s = """ "{|#0:{{T}}|}" """; }"""",
        Npmrc003(0, Token, R));

    [TestMethod]
    public Task RawMultiLineLiteralWithIndentation() => Analyzer(
        $$""""
        class C
        {
            string s = """
                first line
                  indented {|#0:{{T}}|} here
                last
                """;
        }
        """",
        Npmrc003(0, Token, R));

    [TestMethod]
    public Task CrLfSourceWithMultiLineRawVerbatimAndInterpolatedLiterals() => Analyzer(
        $$""""
        class C
        {
            string r = """
                  a
                {|#0:{{T}}|}
                """;
            string v = @"
        {|#1:{{T2}}|}";
            string i(int n) => $"""
                {n}
                  {|#2:{{T}}|}
                """;
            string n = """
                //registry.npmjs.org/:_authToken={|#3:{{T2}}|}
                """;
        }
        """".ReplaceLineEndings("\r\n"),
        Npmrc003(0, Token, R), Npmrc003(1, Token, R2), Npmrc003(2, Token, R),
        Npmrc003(3, "'//registry.npmjs.org/:_authToken' value", R2));

    [TestMethod]
    public Task Utf8Literals() => Analyzer(
        $$""""
        class C
        {
            System.ReadOnlySpan<byte> A => "{|#0:{{T}}|}"u8;
            System.ReadOnlySpan<byte> B => """
                x {|#1:{{T2}}|}
                """u8;
            System.ReadOnlySpan<byte> D => @"{|#2:{{T}}|}"U8;
        }
        """",
        Npmrc003(0, Token, R), Npmrc003(1, Token, R2), Npmrc003(2, Token, R));

    [TestMethod]
    public Task InterpolatedRegularAndVerbatim() => Analyzer(
        $$$""""
        class C
        {
            string M(int n) => $"{{n}} \t{n} {|#0:{{{T}}}|}";
            string V(int n) => $@"""{n}"" {|#1:{{{T2}}}|}";
            string W(int n) => @$"{n}{|#2:{{{T}}}|}";
        }
        """",
        Npmrc003(0, Token, R), Npmrc003(1, Token, R2), Npmrc003(2, Token, R));

    [TestMethod]
    public Task InterpolatedRaw() => Analyzer(
        $$$$""""
        class C
        {
            string S(int n) => $"""{n} {|#0:{{{{T}}}}|}""";
            string M(int n) => $"""
                {n} x
                  {|#1:{{{{T2}}}}|}
                """;
        }
        """",
        Npmrc003(0, Token, R), Npmrc003(1, Token, R2));

    [TestMethod]
    public Task ConstFieldLocalAttributeArgumentAndArgument() => Analyzer(
        $$"""
        [System.Obsolete("{|#0:{{T}}|}")]
        class C
        {
            const string F = "{|#1:{{T}}|}";
            void M()
            {
                const string L = "{|#2:{{T2}}|}";
                var local = "{|#3:{{T}}|}";
                System.Console.WriteLine("{|#4:{{T2}}|}");
            }
        }
        """,
        Npmrc003(0, Token, R), Npmrc003(1, Token, R), Npmrc003(2, Token, R2), Npmrc003(3, Token, R), Npmrc003(4, Token, R2));

    [TestMethod]
    public Task BearerHeaderReportsOnlyTheToken() => Analyzer(
        $$"""
        using System.Net.Http;
        class C
        {
            void M(HttpClient client)
            {
                client.DefaultRequestHeaders.Add("Authorization", "Bearer {|#0:{{T}}|}");
            }
        }
        """,
        Npmrc003(0, Token, R));

    [TestMethod]
    public Task TwoTokensInOneLiteralAndConcatenation() => Analyzer(
        $$"""
        class C
        {
            string s = "{|#0:{{T}}|},{|#1:{{T2}}|}";
            string c = "//registry.npmjs.org/:_authToken=" + "{|#2:{{T}}|}";
        }
        """,
        Npmrc003(0, Token, R), Npmrc003(1, Token, R2), Npmrc003(2, Token, R));

    [TestMethod]
    public Task AuthTokenAssignmentIsReportedOnceWithItsKey() => Analyzer(
        $$"""
        class C
        {
            string s = "//registry.npmjs.org/:_authToken={|#0:{{T}}|}";
        }
        """,
        Npmrc003(0, "'//registry.npmjs.org/:_authToken' value", R));

    [TestMethod]
    public Task AuthTokenAssignmentWithAnOpaqueValue()
    {
        string opaque = FakeTokens.Opaque(5);
        return Analyzer(
            $$"""
            class C
            {
                string s = "//npm.example.com/:_authToken={|#0:{{opaque}}|}";
            }
            """,
            Npmrc003(0, "'//npm.example.com/:_authToken' value", Redaction.Redact(opaque)));
    }

    [TestMethod]
    public Task MultiLineNpmrcTextInARawLiteral()
    {
        string uuid = FakeTokens.Uuid(3);
        return Analyzer(
            $$""""
            class C
            {
                string npmrc = """
                    registry=https://registry.npmjs.org/
                    @acme:registry=https://npm.acme.example/
                    //npm.acme.example/:_authToken={|#0:{{uuid}}|}
                    """;
            }
            """",
            Npmrc003(0, "'//npm.acme.example/:_authToken' value", Redaction.Redact(uuid)));
    }

    [TestMethod]
    public Task MultiLineNpmrcTextWithEscapedLineBreaks()
    {
        string opaque = FakeTokens.Opaque(6);
        return Analyzer(
            $$"""
            class C
            {
                string npmrc = "registry=https://registry.npmjs.org/\r\n//registry.npmjs.org/:_authToken={|#0:{{opaque}}|}\n";
            }
            """,
            Npmrc003(0, "'//registry.npmjs.org/:_authToken' value", Redaction.Redact(opaque)));
    }

    [TestMethod]
    public Task InterpolatedNpmrcTextWithALiteralTokenAfterTheHole()
    {
        string opaque = FakeTokens.Opaque(7);
        return Analyzer(
            $$"""
            class C
            {
                string M(string host) => $"//{host}/:_authToken={|#0:{{opaque}}|}";
                string N(string token) => $"//registry.npmjs.org/:_authToken={token}";
            }
            """,
            Npmrc003(0, "'/:_authToken' value", Redaction.Redact(opaque)));
    }

    [TestMethod]
    public Task BasicAuthAndPasswordAssignments()
    {
        string auth = System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("user:" + FakeTokens.Opaque(8)));
        string password = System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(FakeTokens.Opaque(9, 52)));
        return Analyzer(
            $$""""
            class C
            {
                string a = "//npm.example.com/:_auth={|#0:{{auth}}|}";
                string p = """
                    //pkgs.dev.azure.com/org/_packaging/feed/npm/registry/:username=org
                    //pkgs.dev.azure.com/org/_packaging/feed/npm/registry/:_password={|#1:{{password}}|}
                    """;
                string r = "//npm.example.com/:_password=${NPM_PASSWORD}";
            }
            """",
            Npmrc003(0, "'//npm.example.com/:_auth' value", Redaction.RedactPassword(auth)),
            Npmrc003(1, "'//pkgs.dev.azure.com/org/_packaging/feed/npm/registry/:_password' value", Redaction.RedactPassword(password)));
    }

    [TestMethod]
    public Task EnvironmentReferenceIsNotASecret() => Analyzer(
        """
        class C
        {
            string a = "//registry.npmjs.org/:_authToken=${NPM_TOKEN}";
            string b = $"//registry.npmjs.org/:_authToken=${{NPM_TOKEN}}";
            string c = "npm_package_version";
            string d = "npm_config__authToken";
        }
        """);

    [TestMethod]
    public Task WrongChecksumAndWrongLengthAreNotReported()
    {
        string bad = FakeTokens.WithBadChecksum(T);
        string shortToken = T.Substring(0, T.Length - 1);
        return Analyzer(
            $$"""
            class C
            {
                string a = "{{bad}}";
                string b = "{{shortToken}}";
                string c = "{{T}}A";
                string d = "x{{T}}";
                string e = "{{T.ToUpperInvariant().Replace("NPM_", "npm_")}}";
            }
            """);
    }

    [TestMethod]
    public async Task GeneratedCodeIsSkipped()
    {
        var test = AnalyzerTest($$"""
            // <auto-generated/>
            class C { string s = "{{T}}"; }
            """);
        test.TestState.Sources.Add(("Other.g.cs", $$"""class D { string s = "{{T}}"; }"""));
        test.TestState.Sources.Add(("Attributed.cs", $$"""
            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            class E { string s = "{{T}}"; }
            """));
        await test.RunAsync();
    }
}
