using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using NpmrcBuildCheck.Analyzers;

namespace NpmrcBuildCheck.CodeFixes;

/// <summary>
/// NPMRC003 fix: replaces a string that is exactly an npm token with
/// <c>Environment.GetEnvironmentVariable("NPM_TOKEN") ?? throw …</c> (or a name derived from the member it
/// initialises), turning a <c>const</c> field into <c>static readonly</c> and a <c>const</c> local into
/// a plain local, since a method call is not a constant.
/// </summary>
/// <remarks>
/// Offered only when the whole string is the secret. A token inside a longer string (a whole
/// .npmrc text, a <c>"Bearer npm_…"</c> header) or in a place that needs a constant (attribute
/// argument, default parameter value, case label, pattern) is not rewritten: any automatic edit
/// there would change what the code means, and the secret must be revoked anyway.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReadFromEnvironmentCodeFix))]
[Shared]
public sealed class ReadFromEnvironmentCodeFix : CodeFixProvider
{
    /// <summary>One key for every variable name, so Fix All applies to all of them.</summary>
    public const string EquivalenceKey = "NpmrcBuildCheck.ReadFromEnvironment";

    public const string DefaultVariable = "NPM_TOKEN";

    private static readonly string[] SecretWords = { "NPM", "TOKEN", "AUTH", "PASSWORD", "SECRET", "KEY", "PAT", "CREDENTIAL", "CREDENTIALS" };

    /// <summary>Product names written in camel case that are one word in an environment variable.</summary>
    private static readonly string[] CompoundWords = { "GitHub", "GitLab", "NuGet", "JFrog", "DevOps", "OAuth", "PyPI" };

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.NpmAccessTokenId);

    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
            (Document?)await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var target = FindReplaceableString(root, diagnostic);
            if (target is null || !await ConstCanBeDroppedAsync(context.Document, target, context.CancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            string variable = VariableNameFor(target);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Read the token from the environment variable {variable}",
                    cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
        var constFields = new HashSet<FieldDeclarationSyntax>();
        var constLocals = new HashSet<LocalDeclarationStatementSyntax>();
        var done = new HashSet<ExpressionSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            var target = FindReplaceableString(root, diagnostic);
            if (target is null || !done.Add(target) || !await ConstCanBeDroppedAsync(document, target, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            editor.ReplaceNode(target, EnvironmentLookup(VariableNameFor(target)).WithTriviaFrom(target));
            switch (ConstDeclarationOf(target))
            {
                case FieldDeclarationSyntax field:
                    constFields.Add(field);
                    break;
                case LocalDeclarationStatementSyntax local:
                    constLocals.Add(local);
                    break;
            }
        }

        foreach (var field in constFields)
        {
            editor.ReplaceNode(field, (current, _) => ToStaticReadOnly((FieldDeclarationSyntax)current));
        }

        foreach (var local in constLocals)
        {
            editor.ReplaceNode(local, (current, _) => ToVariable((LocalDeclarationStatementSyntax)current));
        }

        return document.WithSyntaxRoot(editor.GetChangedRoot());
    }

    /// <summary>The string expression to replace, or null when the fix does not apply to this diagnostic.</summary>
    private static ExpressionSyntax? FindReplaceableString(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(NpmAccessTokenAnalyzer.WholeStringProperty, out var whole) || whole != "true")
        {
            return null;
        }

        var span = diagnostic.Location.SourceSpan;
        var token = root.FindToken(span.Start);
        ExpressionSyntax? target = token.Parent switch
        {
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal,
            InterpolatedStringTextSyntax { Parent: InterpolatedStringExpressionSyntax interpolated } when interpolated.Contents.Count == 1 => interpolated,
            _ => null,
        };

        return target is not null && target.Span.Contains(span) && !NeedsConstant(target) ? target : null;
    }

    /// <summary>True when the string stands where C# requires a constant other than a const declaration's initializer.</summary>
    private static bool NeedsConstant(ExpressionSyntax target)
    {
        foreach (var ancestor in target.Ancestors())
        {
            switch (ancestor)
            {
                case AttributeArgumentSyntax:
                case PatternSyntax:
                case CaseSwitchLabelSyntax:
                case EqualsValueClauseSyntax { Parent: ParameterSyntax }:
                    return true;
                case StatementSyntax:
                case MemberDeclarationSyntax:
                case AnonymousFunctionExpressionSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// False when the string initialises a const whose value is used where C# needs a constant
    /// (another const, an attribute argument, a case label, a default parameter value): turning
    /// it into a static readonly field or a plain local would not compile.
    /// </summary>
    private static async Task<bool> ConstCanBeDroppedAsync(Document document, ExpressionSyntax target, CancellationToken cancellationToken)
    {
        var declaration = ConstDeclarationOf(target);
        if (declaration is null)
        {
            return true;
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return false;
        }

        var declarators = declaration is FieldDeclarationSyntax field
            ? field.Declaration.Variables
            : ((LocalDeclarationStatementSyntax)declaration).Declaration.Variables;
        foreach (var declarator in declarators)
        {
            var symbol = model.GetDeclaredSymbol(declarator, cancellationToken);
            if (symbol is null)
            {
                return false;
            }

            var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
            foreach (var location in references.SelectMany(r => r.Locations))
            {
                var referenceRoot = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var node = referenceRoot?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node is not ExpressionSyntax expression || NeedsConstant(expression) || ConstDeclarationOf(expression) is not null)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The const field or local whose initializer holds <paramref name="target"/>, if any.</summary>
    private static SyntaxNode? ConstDeclarationOf(ExpressionSyntax target)
    {
        var declarator = target.Ancestors().TakeWhile(a => a is not AnonymousFunctionExpressionSyntax).OfType<VariableDeclaratorSyntax>().FirstOrDefault();
        var declaration = declarator?.Parent?.Parent;
        return declaration switch
        {
            FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword) => field,
            LocalDeclarationStatementSyntax local when local.IsConst => local,
            _ => null,
        };
    }

    private static FieldDeclarationSyntax ToStaticReadOnly(FieldDeclarationSyntax field)
    {
        var modifiers = field.Modifiers;
        int index = modifiers.IndexOf(SyntaxKind.ConstKeyword);
        if (index < 0)
        {
            return field;
        }

        var constKeyword = modifiers[index];
        var replacement = new[]
        {
            SyntaxFactory.Token(constKeyword.LeadingTrivia, SyntaxKind.StaticKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
            SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.ReadOnlyKeyword, constKeyword.TrailingTrivia),
        };
        return field.WithModifiers(modifiers.ReplaceRange(constKeyword, replacement));
    }

    private static LocalDeclarationStatementSyntax ToVariable(LocalDeclarationStatementSyntax local)
    {
        int index = local.Modifiers.IndexOf(SyntaxKind.ConstKeyword);
        if (index < 0)
        {
            return local;
        }

        var leading = local.GetLeadingTrivia();
        var result = local.WithModifiers(local.Modifiers.RemoveAt(index));
        return result.WithLeadingTrivia(leading);
    }

    /// <summary>
    /// <c>System.Environment.GetEnvironmentVariable("NAME") ?? throw new System.InvalidOperationException(…)</c>,
    /// shortened where <c>System</c> is imported. The throw keeps the result a non-null string, so the
    /// fixed code compiles without nullable warnings and a missing variable fails loudly, not as an empty token.
    /// </summary>
    private static ExpressionSyntax EnvironmentLookup(string variable)
    {
        var lookup = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SystemMember("Environment"), SyntaxFactory.IdentifierName("GetEnvironmentVariable")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(variable))))));
        var missing = SyntaxFactory.ThrowExpression(
            SyntaxFactory.ObjectCreationExpression(SystemType("InvalidOperationException"))
                .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal($"Set the {variable} environment variable.")))))));
        // Parenthesised for operands such as `a + "npm_…"`; the simplifier drops the parentheses elsewhere.
        return SyntaxFactory.ParenthesizedExpression(SyntaxFactory.BinaryExpression(SyntaxKind.CoalesceExpression, lookup, missing))
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
    }

    /// <summary><c>global::System.Name</c> in an expression, annotated so the simplifier shortens it where it can.</summary>
    private static ExpressionSyntax SystemMember(string name) =>
        SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.AliasQualifiedName(SyntaxFactory.IdentifierName(SyntaxFactory.Token(SyntaxKind.GlobalKeyword)), SyntaxFactory.IdentifierName("System")),
                SyntaxFactory.IdentifierName(name))
            .WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary><c>global::System.Name</c> as a type, annotated so the simplifier shortens it where it can.</summary>
    private static NameSyntax SystemType(string name) =>
        SyntaxFactory.QualifiedName(
                SyntaxFactory.AliasQualifiedName(SyntaxFactory.IdentifierName(SyntaxFactory.Token(SyntaxKind.GlobalKeyword)), SyntaxFactory.IdentifierName("System")),
                SyntaxFactory.IdentifierName(name))
            .WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary>The environment variable for the member the string initialises or is assigned to; <see cref="DefaultVariable"/> otherwise.</summary>
    internal static string VariableNameFor(ExpressionSyntax target)
    {
        SyntaxNode node = target;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        string? member = node.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator.Identifier.ValueText,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
            ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
            AssignmentExpressionSyntax assignment when assignment.Right == node => NameOf(assignment.Left),
            AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } nameEquals } => nameEquals.Name.Identifier.ValueText,
            _ => null,
        };

        return member is null ? DefaultVariable : ToEnvironmentVariable(member);
    }

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary><c>GitHubPackagesToken</c> → <c>GITHUB_PACKAGES_TOKEN</c>; a name that does not say it holds a secret → <see cref="DefaultVariable"/>.</summary>
    internal static string ToEnvironmentVariable(string member)
    {
        string name = member.TrimStart('_', '@');
        if (name.Length > 2 && name[1] == '_' && (name[0] == 'm' || name[0] == 's' || name[0] == 't'))
        {
            name = name.Substring(2);
        }

        foreach (string compound in CompoundWords)
        {
            name = name.Replace(compound, compound.Substring(0, 1) + compound.Substring(1).ToLowerInvariant());
        }

        var words = new List<string>();
        var word = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (!char.IsLetterOrDigit(c) || c > 0x7F)
            {
                Flush(words, word);
                continue;
            }

            bool boundary = word.Length > 0 && char.IsUpper(c)
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (boundary)
            {
                Flush(words, word);
            }

            word.Append(char.ToUpperInvariant(c));
        }

        Flush(words, word);
        if (words.Count == 0 || !words.Any(w => SecretWords.Contains(w)))
        {
            return DefaultVariable;
        }

        if (words.Count == 1 && words[0] != "NPM")
        {
            // "Token" alone says too little for a machine-wide variable.
            words.Insert(0, "NPM");
        }

        string result = string.Join("_", words);
        return char.IsDigit(result[0]) ? DefaultVariable : result;
    }

    private static void Flush(List<string> words, StringBuilder word)
    {
        if (word.Length > 0)
        {
            words.Add(word.ToString());
            word.Clear();
        }
    }
}
