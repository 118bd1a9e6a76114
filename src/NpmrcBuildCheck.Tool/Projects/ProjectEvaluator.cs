using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Construction;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Exceptions;

namespace NpmrcBuildCheck.Tool.Projects;

/// <summary>
/// Evaluates projects (never builds them) and reads their NpmrcBuildCheck settings the way
/// build/NpmrcBuildCheck.targets computes and passes them to its tasks. Only called after
/// <see cref="MSBuildLocation.EnsureRegistered"/>.
/// </summary>
internal static class ProjectEvaluator
{
    /// <summary>The settings of every MSBuild project of a solution, or of one project.</summary>
    public static IReadOnlyList<ProjectSettings> Evaluate(string path)
    {
        var globalProperties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        IEnumerable<string> projects = new[] { path };
        if (ProjectFiles.IsSolution(path))
        {
            projects = SolutionProjects(path);
            // What MSBuild passes to the projects of a solution build.
            string directory = Path.GetDirectoryName(path)!;
            globalProperties["SolutionDir"] = directory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            globalProperties["SolutionExt"] = Path.GetExtension(path);
            globalProperties["SolutionFileName"] = Path.GetFileName(path);
            globalProperties["SolutionName"] = Path.GetFileNameWithoutExtension(path);
            globalProperties["SolutionPath"] = path;
        }

        using var collection = new ProjectCollection(globalProperties);
        return projects.Select(project => Read(collection, project)).ToList();
    }

    private static IEnumerable<string> SolutionProjects(string solution)
    {
        try
        {
            return SolutionFile.Parse(solution).ProjectsInOrder
                .Where(p => p.ProjectType == SolutionProjectType.KnownToBeMSBuildFormat)
                .Select(p => p.AbsolutePath)
                .ToList();
        }
        catch (Exception e) when (e is InvalidProjectFileException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new UsageException($"The solution '{solution}' could not be read: {e.Message}");
        }
    }

    private static ProjectSettings Read(ProjectCollection collection, string path)
    {
        string saved = Environment.CurrentDirectory;
        try
        {
            // The build evaluates and runs a project with its folder as the current folder:
            // relative paths in property functions (GetFullPath) resolve the same way here.
            Environment.CurrentDirectory = Path.GetDirectoryName(path)!;
            var project = collection.LoadProject(path);
            string frameworks = project.GetPropertyValue("TargetFrameworks");
            if (project.GetPropertyValue("TargetFramework").Length == 0 && frameworks.Length > 0)
            {
                // The check runs in each inner build; the first framework's evaluation stands for them.
                string first = frameworks.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
                project = collection.LoadProject(path, new Dictionary<string, string>(collection.GlobalProperties) { ["TargetFramework"] = first }, null);
            }

            return Settings(project);
        }
        catch (InvalidProjectFileException e)
        {
            throw new UsageException($"The project '{path}' could not be evaluated: {e.Message}");
        }
        finally
        {
            Environment.CurrentDirectory = saved;
        }
    }

    private static ProjectSettings Settings(Project project)
    {
        string Property(string name) => project.GetPropertyValue(name);
        string projectDirectory = Property("MSBuildProjectDirectory");

        // With the package imported (a restored project), the targets' own values; else the same computation.
        string root = Property("_NpmrcBuildCheckRoot");
        string pruned = Property("_NpmrcBuildCheckPruned");
        if (root.Length == 0)
        {
            string configured = Property("NpmrcBuildCheckRoot");
            root = Path.GetFullPath(configured.Length == 0 ? projectDirectory : configured);
            bool inPlace = SamePath(root, projectDirectory);
            pruned = inPlace
                ? string.Join(";", Path.GetFullPath(Path.Combine(projectDirectory, Property("BaseOutputPath"))), Path.GetFullPath(Path.Combine(projectDirectory, Property("BaseIntermediateOutputPath"))))
                : string.Equals(Property("UseArtifactsOutput"), "true", StringComparison.OrdinalIgnoreCase) ? Property("ArtifactsPath") : string.Empty;
        }

        string treatWarningsAsErrors = Property("TreatWarningsAsErrors");
        if (treatWarningsAsErrors.Length == 0)
        {
            treatWarningsAsErrors = Property("MSBuildTreatWarningsAsErrors");
        }

        return new ProjectSettings(
            project.FullPath,
            projectDirectory,
            !string.Equals(Property("NpmrcBuildCheckEnabled"), "false", StringComparison.OrdinalIgnoreCase),
            Trim(Path.GetFullPath(root)),
            Split(Property("NpmrcBuildCheckExclude")),
            Split(pruned).Select(Path.GetFullPath).ToList(),
            Property("NoWarn") + ";" + Property("MSBuildWarningsAsMessages"),
            Property("WarningsAsErrors") + ";" + Property("MSBuildWarningsAsErrors"),
            Property("WarningsNotAsErrors") + ";" + Property("MSBuildWarningsNotAsErrors"),
            string.Equals(treatWarningsAsErrors.Trim(), "true", StringComparison.OrdinalIgnoreCase),
            project.GetItems("NpmrcBuildCheckRule").Select(item => (item.EvaluatedInclude.Trim(), item.GetMetadataValue("Severity"))).ToList(),
            Property("NpmrcBuildCheckBaseline"),
            project.GetItems("Compile").Select(item => item.GetMetadataValue("FullPath")).ToList());
    }

    private static bool SamePath(string a, string b) => string.Equals(Trim(Path.GetFullPath(a)), Trim(Path.GetFullPath(b)), StringComparison.Ordinal);

    private static string Trim(string path)
    {
        string trimmed = path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return trimmed.Length == 0 ? path : trimmed;
    }

    private static List<string> Split(string list) =>
        list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
