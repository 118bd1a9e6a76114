using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Reporting;
using NpmrcBuildCheck.Scanning;
using NpmrcBuildCheck.Sources;

namespace NpmrcBuildCheck.Tool.Projects;

/// <summary>
/// Scans a project or solution as the build does: each distinct tree (root, excludes, pruned
/// folders) once, then for each project its share of the findings (<see cref="ProjectShare"/>)
/// under its own rule severities, NoWarn, warnings-as-errors and baseline. A finding two
/// projects report alike (a file outside every project folder) is shown once.
/// </summary>
internal static class ProjectScan
{
    public sealed record Result(Report Report, int FilesScanned);

    public static Result Run(string path)
    {
        MSBuildLocation.EnsureRegistered(Path.GetDirectoryName(path)!);
        return Scan(path, Evaluate(path));
    }

    // Not inlined: MSBuild's types load only when this runs, after the locator registered the SDK's MSBuild.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IReadOnlyList<ProjectSettings> Evaluate(string path) => ProjectEvaluator.Evaluate(path);

    private static Result Scan(string path, IReadOnlyList<ProjectSettings> projects)
    {
        var enabled = projects.Where(p => p.Enabled).ToList();
        var scans = new Dictionary<string, (ScanResult Result, ProjectSettings First)>(StringComparer.Ordinal);
        foreach (var project in enabled)
        {
            if (!scans.ContainsKey(project.ScanKey))
            {
                var source = new WorkTreeSource(new ScanOptions(project.Root) { ExcludeGlobs = project.ExcludeGlobs, PrunedDirectories = project.PrunedDirectories });
                scans[project.ScanKey] = (source.Scan(), project);
            }
        }

        string reportRoot = CommonFolder(enabled.Select(p => p.Root).DefaultIfEmpty(Path.GetDirectoryName(path)!));
        var shown = new List<SarifLog.Entry>();
        var seen = new HashSet<(string, int, int, string, Outcome, string)>();
        foreach (var project in enabled)
        {
            var scan = scans[project.ScanKey].Result;
            var candidates = scan.Findings.Select(f => new ProjectShare.Candidate<Finding>(
                f,
                Path.Combine(project.Root, f.Path.Replace('/', Path.DirectorySeparatorChar)),
                ProjectOwnership.OwnerOf(f.Path, scan.ProjectDirectories)));
            var policy = PolicyOf(project);
            foreach (var (finding, fullPath) in ProjectShare.Select(candidates, project.Root, project.ProjectDirectory, project.CompileFullPaths))
            {
                var outcome = policy.Decide(finding);
                if (outcome != Outcome.Suppressed && seen.Add((fullPath, finding.Line, finding.Column, finding.Rule.Code, outcome, finding.Message)))
                {
                    string relative = Path.GetRelativePath(reportRoot, fullPath).Replace(Path.DirectorySeparatorChar, '/');
                    shown.Add(new SarifLog.Entry(finding with { Path = relative }, outcome));
                }
            }
        }

        shown.Sort((a, b) => TreeScanner.CompareFindings(a.Finding, b.Finding));
        return new Result(new Report(reportRoot, shown, ToolInfo.Version), scans.Values.Sum(s => s.Result.FilesScanned));
    }

    /// <summary>A project's policy, as the build's report task builds it; a rule item or baseline the build would warn about is a settings error here.</summary>
    private static FindingPolicy PolicyOf(ProjectSettings project)
    {
        var overrides = RuleOverrides.Parse(project.Rules, out var problems);
        if (problems.Count > 0)
        {
            throw new UsageException($"{project.ProjectPath}: {string.Join(" ", problems)}");
        }

        var baseline = Baseline.Empty;
        if (project.Baseline.Trim().Length > 0)
        {
            string file = Path.GetFullPath(Path.Combine(project.ProjectDirectory, project.Baseline));
            baseline = File.Exists(file) ? BaselineFile.Load(file) : Baseline.Empty;
        }

        var severityPolicy = new SeverityPolicy(project.NoWarn, project.WarningsAsErrors, project.WarningsNotAsErrors, project.TreatWarningsAsErrors, overrides);
        return new FindingPolicy(severityPolicy, baseline);
    }

    /// <summary>The deepest folder holding all the given folders.</summary>
    private static string CommonFolder(IEnumerable<string> folders)
    {
        string? common = null;
        foreach (var folder in folders)
        {
            string full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            while (common is not null && !full.StartsWith(common, StringComparison.Ordinal))
            {
                common = Path.GetDirectoryName(common.TrimEnd(Path.DirectorySeparatorChar)) is { } parent
                    ? parent.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar
                    : Path.GetPathRoot(full)!;
            }

            common ??= full;
        }

        return common ?? Path.GetPathRoot(Environment.CurrentDirectory)!;
    }
}
