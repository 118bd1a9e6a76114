using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.Build.Framework;

namespace NpmrcBuildCheck.FrameworkHost;

/// <summary>
/// Usage: host TASKS_FOLDER SCAN_ROOT. Starts, collects and reports a scan of SCAN_ROOT with the
/// tasks in TASKS_FOLDER, printing each diagnostic in MSBuild's canonical form. Exit code 0 when
/// every task returned success, 1 otherwise, 2 on bad usage.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: NpmrcBuildCheck.FrameworkHost TASKS_FOLDER SCAN_ROOT");
            return 2;
        }

        string tasksFolder = Path.GetFullPath(args[0]);
        string root = Path.GetFullPath(args[1]);
        // As MSBuild does for AssemblyFile: the task's own dependencies load from its folder.
        var tasks = Assembly.LoadFrom(Path.Combine(tasksFolder, "NpmrcBuildCheck.Tasks.dll"));
        var engine = new ConsoleBuildEngine();
        Console.WriteLine("runtime: " + (Type.GetType("Mono.Runtime") is null ? ".NET Framework" : "Mono") + " " + Environment.Version + ", tasks: " + tasks.Location);

        string cache = Path.Combine(root, "obj", "NpmrcBuildCheck");
        // The early scan runs on a thread pool thread and is handed to the scan task through the engine, as in a build.
        bool ok = Run(tasks, "StartNpmrcScan", engine, ("Root", root), ("CacheDirectory", cache));
        var scan = Create(tasks, "ScanNpmrcTree", engine, ("Root", root), ("CacheDirectory", cache));
        ok &= scan.Execute();
        var findings = (ITaskItem[])scan.GetType().GetProperty("Findings")!.GetValue(scan)!;
        ok &= Run(tasks, "ReportNpmrcFindings", engine, ("Findings", findings), ("ScanRoot", root), ("ProjectDirectory", root));
        Console.WriteLine($"tasks succeeded: {ok}, findings: {findings.Length}, errors: {engine.Errors}, warnings: {engine.Warnings}");
        return ok ? 0 : 1;
    }

    private static bool Run(Assembly tasks, string name, IBuildEngine engine, params (string Name, object Value)[] parameters) =>
        Create(tasks, name, engine, parameters).Execute();

    private static ITask Create(Assembly tasks, string name, IBuildEngine engine, params (string Name, object Value)[] parameters)
    {
        var task = (ITask)Activator.CreateInstance(tasks.GetType("NpmrcBuildCheck.Tasks." + name, throwOnError: true)!)!;
        task.BuildEngine = engine;
        foreach (var (parameter, value) in parameters)
        {
            task.GetType().GetProperty(parameter)!.SetValue(task, value);
        }

        return task;
    }
}
