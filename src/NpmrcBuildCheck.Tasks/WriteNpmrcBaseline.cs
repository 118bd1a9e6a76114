using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using NpmrcBuildCheck.Reporting;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Tasks;

/// <summary>Writes the project's current findings as its baseline of accepted findings.</summary>
public sealed class WriteNpmrcBaseline : ProjectFindingsTask
{
    [Required]
    public string Baseline { get; set; } = string.Empty;

    public override bool Execute()
    {
        string path = Path.GetFullPath(Path.Combine(ProjectDirectory, Baseline));
        var findings = SelectFindings().Select(selected => selected.Finding).ToList();
        Reporting.Baseline.Write(path, findings);
        Log.LogMessage(MessageImportance.High, "NpmrcBuildCheck: wrote baseline '{0}' accepting {1}.", path, Counted.Of(findings.Count, "finding"));
        return !Log.HasLoggedErrors;
    }
}
