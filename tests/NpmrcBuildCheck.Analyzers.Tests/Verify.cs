using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using NpmrcBuildCheck.Analyzers;
using NpmrcBuildCheck.CodeFixes;

[assembly: Microsoft.VisualStudio.TestTools.UnitTesting.Parallelize(Scope = Microsoft.VisualStudio.TestTools.UnitTesting.ExecutionScope.MethodLevel)]

namespace NpmrcBuildCheck.Analyzers.Tests;

/// <summary>Runs the analyzer and the code fix with the Roslyn testing framework, offline (.NET 8 reference assemblies pre-seeded at restore).</summary>
internal static class Verify
{
    public static CSharpAnalyzerTest<NpmAccessTokenAnalyzer, DefaultVerifier> AnalyzerTest(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<NpmAccessTokenAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    public static Task Analyzer(string source, params DiagnosticResult[] expected) =>
        AnalyzerTest(source, expected).RunAsync(CancellationToken.None);

    public static CSharpCodeFixTest<NpmAccessTokenAnalyzer, ReadFromEnvironmentCodeFix, DefaultVerifier> CodeFixTest(string source, string fixedSource)
    {
        return new CSharpCodeFixTest<NpmAccessTokenAnalyzer, ReadFromEnvironmentCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
    }

    public static Task CodeFix(string source, string fixedSource) =>
        CodeFixTest(source, fixedSource).RunAsync(CancellationToken.None);

    /// <summary>An NPMRC003 result in a string literal for markup location <paramref name="location"/> with its message arguments.</summary>
    public static DiagnosticResult Npmrc003(int location, string what, string redacted) =>
        new DiagnosticResult(Descriptors.NpmAccessToken).WithLocation(location).WithArguments(
            what,
            redacted,
            "a C# string literal",
            "read it at run time from the environment, e.g. Environment.GetEnvironmentVariable(\"NPM_TOKEN\"), or from a secret store");

    /// <summary>An NPMRC003 result for an npm token outside literals (<paramref name="where"/>: "a C# comment", …).</summary>
    public static DiagnosticResult Npmrc003Outside(int location, string redacted, string where) =>
        new DiagnosticResult(Descriptors.NpmAccessToken).WithLocation(location).WithArguments(
            "npm access token", redacted, where, "delete it from the source");
}
