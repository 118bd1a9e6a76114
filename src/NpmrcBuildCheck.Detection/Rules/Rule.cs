namespace NpmrcBuildCheck.Rules;

/// <summary>One rule of the contract: its code, title, default severity and help page.</summary>
public sealed record Rule(string Code, string Title, Severity DefaultSeverity, string Description)
{
    public string HelpLink => RuleCatalog.HelpBaseUri + Code + ".md";

    public override string ToString() => Code;
}
