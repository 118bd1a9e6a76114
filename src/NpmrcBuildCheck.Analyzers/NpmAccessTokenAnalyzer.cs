using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NpmrcBuildCheck.Detection;

namespace NpmrcBuildCheck.Analyzers;

/// <summary>
/// NPMRC003 in C# source: checksum-valid <c>npm_</c> tokens and npm-style <c>_authToken=</c> /
/// <c>_auth=</c> / <c>_password=</c> assignments with a literal value, in regular, verbatim, raw
/// and UTF-8 literals and in the text parts of interpolated strings; and checksum-valid tokens in
/// comments, XML documentation, <c>#region</c> / <c>#error</c> text and code excluded by <c>#if</c>,
/// which the MSBuild scan leaves to the analyzer for compiled files.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NpmAccessTokenAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// Diagnostic property set when the secret is the whole string (the literal, or an interpolated
    /// string made of that text alone), so replacing the string by a lookup keeps the meaning.
    /// </summary>
    public const string WholeStringProperty = "WholeString";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NpmAccessToken);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(
            AnalyzeLiteral,
            SyntaxKind.StringLiteralExpression,
            SyntaxKind.Utf8StringLiteralExpression);
        context.RegisterSyntaxNodeAction(AnalyzeInterpolated, SyntaxKind.InterpolatedStringExpression);
        context.RegisterSyntaxTreeAction(AnalyzeTrivia);
    }

    /// <summary>
    /// Free text outside literals. Only checksum-valid tokens count here: prose about
    /// <c>_authToken=</c> in a comment is documentation far more often than a credential.
    /// </summary>
    private static void AnalyzeTrivia(SyntaxTreeAnalysisContext context)
    {
        var root = context.Tree.GetRoot(context.CancellationToken);
        foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: false))
        {
            var place = SourcePlace.OfTrivia(trivia.Kind());
            if (place is null)
            {
                continue;
            }

            foreach (var secret in EmbeddedSecrets.FindTokens(trivia.ToFullString()))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.NpmAccessToken,
                    Location.Create(context.Tree, new TextSpan(trivia.FullSpan.Start + secret.Start, secret.Length)),
                    secret.What,
                    secret.Redacted,
                    place.Where,
                    place.Then));
            }
        }
    }

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
    {
        var token = ((LiteralExpressionSyntax)context.Node).Token;

        // A UTF-8 literal is a ReadOnlySpan<byte>; a string lookup cannot simply replace it.
        bool replaceable = !token.IsKind(SyntaxKind.Utf8StringLiteralToken)
            && !token.IsKind(SyntaxKind.Utf8SingleLineRawStringLiteralToken)
            && !token.IsKind(SyntaxKind.Utf8MultiLineRawStringLiteralToken);
        Analyze(context, token, replaceable);
    }

    private static void AnalyzeInterpolated(SyntaxNodeAnalysisContext context)
    {
        var node = (InterpolatedStringExpressionSyntax)context.Node;
        bool single = node.Contents.Count == 1;
        foreach (var content in node.Contents)
        {
            if (content is InterpolatedStringTextSyntax text)
            {
                Analyze(context, text.TextToken, single);
            }
        }
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, SyntaxToken token, bool replaceable)
    {
        if (!EmbeddedSecrets.MightContain(token.ValueText))
        {
            return;
        }

        var literal = LiteralText.Read(token);
        if (literal is null)
        {
            return;
        }

        foreach (var secret in EmbeddedSecrets.Find(literal.Value))
        {
            var span = literal.SourceSpan(secret.Start, secret.Length);
            var properties = replaceable && secret.Start == 0 && secret.Length == literal.Value.Length
                ? ImmutableDictionary<string, string?>.Empty.Add(WholeStringProperty, "true")
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.NpmAccessToken,
                Location.Create(token.SyntaxTree!, span),
                properties,
                secret.What,
                secret.Redacted,
                SourcePlace.Literal.Where,
                SourcePlace.Literal.Then));
        }
    }
}
