using System;
using System.Globalization;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Rules;

namespace NpmrcBuildCheck.Tasks;

/// <summary>
/// A finding as an MSBuild item, passed from the shared scan to each project's report.
/// It holds what the <see cref="Finding"/> holds, so never a secret (binlogs record items).
/// </summary>
internal static class FindingItem
{
    private const string Code = nameof(Code);
    private const string RelativePath = nameof(RelativePath);
    private const string Line = nameof(Line);
    private const string Column = nameof(Column);
    private const string EndLine = nameof(EndLine);
    private const string EndColumn = nameof(EndColumn);
    private const string Key = nameof(Key);
    private const string Redacted = nameof(Redacted);
    private const string SubjectDigest = nameof(SubjectDigest);
    private const string Message = nameof(Message);
    private const string Owner = nameof(Owner);

    /// <summary>Metadata name of the root-relative project folder that reports the finding ("*" when every project does).</summary>
    public const string OwnerMetadata = Owner;

    public static ITaskItem ToItem(Finding finding, string root, string? owner)
    {
        var item = new TaskItem(Path.Combine(root, finding.Path.Replace('/', Path.DirectorySeparatorChar)));
        item.SetMetadata(Code, finding.Rule.Code);
        item.SetMetadata(RelativePath, Escape(finding.Path));
        item.SetMetadata(Line, finding.Line.ToString(CultureInfo.InvariantCulture));
        item.SetMetadata(Column, finding.Column.ToString(CultureInfo.InvariantCulture));
        item.SetMetadata(EndLine, finding.EndLine.ToString(CultureInfo.InvariantCulture));
        item.SetMetadata(EndColumn, finding.EndColumn.ToString(CultureInfo.InvariantCulture));
        item.SetMetadata(Key, Escape(finding.Key ?? string.Empty));
        item.SetMetadata(Redacted, Escape(finding.Redacted));
        item.SetMetadata(SubjectDigest, finding.SubjectDigest);
        item.SetMetadata(Message, Escape(finding.Text.Serialize()));
        item.SetMetadata(Owner, Escape(owner ?? "*"));
        return item;
    }

    public static Finding FromItem(ITaskItem item)
    {
        string key = item.GetMetadata(Key);
        return new Finding(
            RuleCatalog.Get(item.GetMetadata(Code)),
            item.GetMetadata(RelativePath),
            Number(item, Line),
            Number(item, Column),
            Number(item, EndLine),
            Number(item, EndColumn),
            key.Length == 0 ? null : key,
            item.GetMetadata(Redacted),
            item.GetMetadata(SubjectDigest),
            FindingMessage.Parse(item.GetMetadata(Message)) ?? throw new FormatException("NpmrcBuildCheck: a finding item's message is damaged."));
    }

    private static int Number(ITaskItem item, string name) =>
        int.TryParse(item.GetMetadata(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : 0;

    // Metadata values are unescaped on read; escaping keeps '%', ';', '$' and '@' in messages intact.
    private static string Escape(string value) =>
        value.Replace("%", "%25").Replace("$", "%24").Replace("@", "%40").Replace(";", "%3B").Replace("'", "%27").Replace("*", "%2A").Replace("?", "%3F");
}
