using System;
using System.Collections.Generic;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Workflows;

/// <summary>
/// The place in a CI file that hands a stored token to a publishing job: an environment or input
/// entry, or the script text that names the variable. <paramref name="Source"/> is the reference
/// as written (<c>${{ secrets.NPM_TOKEN }}</c>, <c>$NPM_TOKEN</c>): a name, never a secret.
/// </summary>
internal readonly record struct TokenHandoff(string Job, int Line, int Column, int EndColumn, string Key, string Source, bool HasOidc)
{
    /// <summary>A map entry (<c>NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}</c>): from its key to its value's end on that line.</summary>
    public static TokenHandoff AtEntry(string job, KeyValuePair<YamlNode, YamlNode> entry, string source, bool hasOidc)
    {
        var (key, value) = (entry.Key, entry.Value);
        int end = value.IsScalar && value.Line == key.Line && value.EndLine == key.Line ? value.EndColumn : key.EndColumn;
        return new TokenHandoff(job, key.Line, key.Column, Math.Max(end, key.Column + 1), key.Value, source, hasOidc);
    }

    /// <summary>
    /// References in the source lines of a script scalar that <paramref name="handsToken"/> accepts
    /// (given the reference and its whole line), at their real line and column.
    /// </summary>
    public static IEnumerable<TokenHandoff> InScript(DecodedText doc, string job, YamlNode script, string key, bool hasOidc, Func<VariableReference, string, bool> handsToken)
    {
        if (!script.IsScalar)
        {
            yield break;
        }

        for (int number = script.Line; number <= script.EndLine && number - 1 < doc.Lines.Count; number++)
        {
            string line = doc.LineText(number - 1);
            if (number == script.EndLine)
            {
                line = line.Substring(0, Math.Min(line.Length, Math.Max(0, script.EndColumn - 1)));
            }

            int from = number == script.Line ? Math.Min(line.Length, Math.Max(0, script.Column - 1)) : 0;
            string part = line.Substring(from);
            foreach (var reference in ShellCommands.References(part))
            {
                if (handsToken(reference, part))
                {
                    yield return new TokenHandoff(job, number, from + reference.Start + 1, from + reference.End + 1, key, part.Substring(reference.Start, reference.End - reference.Start), hasOidc);
                }
            }
        }
    }
}
