namespace NpmrcBuildCheck.Analyzers;

internal static class Placeholder
{
}
