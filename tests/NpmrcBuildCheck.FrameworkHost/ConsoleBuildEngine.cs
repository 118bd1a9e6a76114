using System;
using System.Collections;
using System.Collections.Concurrent;
using Microsoft.Build.Framework;

namespace NpmrcBuildCheck.FrameworkHost;

/// <summary>
/// The part of MSBuild's engine a task sees: logging (printed as MSBuild's console logger
/// prints it) and the registered task objects the early scan is handed over through.
/// </summary>
internal sealed class ConsoleBuildEngine : IBuildEngine4
{
    private readonly ConcurrentDictionary<object, object> registered = new();

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "FrameworkHost.proj";

    public bool IsRunningMultipleNodes => false;

    public void LogErrorEvent(BuildErrorEventArgs e)
    {
        Errors++;
        Console.WriteLine($"{e.File}({e.LineNumber},{e.ColumnNumber}): error {e.Code}: {e.Message} [{e.HelpLink}]");
    }

    public void LogWarningEvent(BuildWarningEventArgs e)
    {
        Warnings++;
        Console.WriteLine($"{e.File}({e.LineNumber},{e.ColumnNumber}): warning {e.Code}: {e.Message} [{e.HelpLink}]");
    }

    public void LogMessageEvent(BuildMessageEventArgs e) => Console.WriteLine("message: " + e.Message);

    public void LogCustomEvent(CustomBuildEventArgs e) => Console.WriteLine("custom: " + e.Message);

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("The tasks build no project.");

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs, string toolsVersion) =>
        throw new NotSupportedException("The tasks build no project.");

    public bool BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IDictionary[] targetOutputsPerProject, string[] toolsVersion, bool useResultsCache, bool unloadProjectsOnCompletion) =>
        throw new NotSupportedException("The tasks build no project.");

    public BuildEngineResult BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, System.Collections.Generic.IList<string>[] removeGlobalProperties, string[] toolsVersion, bool returnTargetOutputs) =>
        throw new NotSupportedException("The tasks build no project.");

    public void Yield()
    {
    }

    public void Reacquire()
    {
    }

    public void RegisterTaskObject(object key, object obj, RegisteredTaskObjectLifetime lifetime, bool allowEarlyCollection) => registered[key] = obj;

    public object? GetRegisteredTaskObject(object key, RegisteredTaskObjectLifetime lifetime) => registered.TryGetValue(key, out var value) ? value : null;

    public object? UnregisterTaskObject(object key, RegisteredTaskObjectLifetime lifetime) => registered.TryRemove(key, out var value) ? value : null;
}
