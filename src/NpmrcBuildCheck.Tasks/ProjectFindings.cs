using System.Collections.Generic;
using System.Linq;
using Microsoft.Build.Framework;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Reporting;

namespace NpmrcBuildCheck.Tasks;

/// <summary>The findings of a shared scan that one project reports (<see cref="ProjectShare"/>), from MSBuild items.</summary>
internal static class ProjectFindings
{
    public static IReadOnlyList<(Finding Finding, string FullPath)> Select(
        IEnumerable<ITaskItem> findingItems, string scanRoot, string projectDirectory, IEnumerable<ITaskItem> compileItems) =>
        ProjectShare.Select(
            findingItems.Select(item => new ProjectShare.Candidate<ITaskItem>(item, item.ItemSpec, item.GetMetadata(FindingItem.OwnerMetadata))),
            scanRoot,
            projectDirectory,
            compileItems.Select(item => item.GetMetadata("FullPath")))
        .Select(selected => (FindingItem.FromItem(selected.Finding), selected.FullPath))
        .ToList();
}
