using System;
using System.Collections;
using System.Collections.Generic;
using Microsoft.Build.Framework;

namespace NpmrcBuildCheck.Tasks.Tests;

/// <summary>
/// A build engine that records what a task logs. It never promotes warnings, so the tests
/// see the package's own severity decisions.
/// </summary>
internal sealed class RecordingBuildEngine : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = new();

    public List<BuildWarningEventArgs> Warnings { get; } = new();

    public List<BuildMessageEventArgs> Messages { get; } = new();

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "fake.proj";

    public IEnumerable<string> AllText()
    {
        foreach (var e in Errors) { yield return $"{e.Code} {e.File} {e.Message} {e.HelpLink}"; }
        foreach (var w in Warnings) { yield return $"{w.Code} {w.File} {w.Message} {w.HelpLink}"; }
        foreach (var m in Messages) { yield return $"{m.Code} {m.File} {m.Message}"; }
    }

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException();
}
