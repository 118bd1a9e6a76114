using Microsoft.CodeAnalysis.CSharp;

namespace NpmrcBuildCheck.Analyzers;

/// <summary>Where in C# source a secret was found, and what to do with it there: the message's {2} and {3}.</summary>
internal sealed class SourcePlace
{
    private const string Delete = "delete it from the source";

    private SourcePlace(string where, string then)
    {
        Where = where;
        Then = then;
    }

    public static SourcePlace Literal { get; } = new(
        "a C# string literal",
        "read it at run time from the environment, e.g. Environment.GetEnvironmentVariable(\"NPM_TOKEN\"), or from a secret store");

    public string Where { get; }

    public string Then { get; }

    /// <summary>The place for a trivia kind that holds free text (comments, documentation, directive text, disabled code); null for others.</summary>
    public static SourcePlace? OfTrivia(SyntaxKind kind) => kind switch
    {
        SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia => Comment,
        SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia => Documentation,
        SyntaxKind.RegionDirectiveTrivia or SyntaxKind.EndRegionDirectiveTrivia => Region,
        SyntaxKind.ErrorDirectiveTrivia or SyntaxKind.WarningDirectiveTrivia => DirectiveMessage,
        SyntaxKind.DisabledTextTrivia => DisabledText,
        _ => null,
    };

    private static SourcePlace Comment { get; } = new("a C# comment", Delete);

    private static SourcePlace Documentation { get; } = new("a C# XML documentation comment", Delete);

    private static SourcePlace Region { get; } = new("the text of a C# #region or #endregion directive", Delete);

    private static SourcePlace DirectiveMessage { get; } = new("the message of a C# #error or #warning directive", Delete);

    private static SourcePlace DisabledText { get; } = new("C# code excluded by #if", Delete);
}
