namespace NpmrcBuildCheck.CodeFixes;

internal static class Placeholder
{
}
