using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace NpmrcBuildCheck.Tasks;

/// <summary>
/// The base of the package's tasks: MSBuild's <see cref="ITask"/>, implemented here instead of inherited
/// from <c>Microsoft.Build.Utilities.Task</c>. ReadyToRun compiles no method of a class whose base class
/// comes from another assembly's version bubble (its field layout is only known at run time), so with
/// MSBuild's base class every method of every task was JIT-compiled in each fresh MSBuild node.
/// </summary>
public abstract class NpmrcTask : ITask
{
    private TaskLoggingHelper? log;

    public IBuildEngine BuildEngine { get; set; } = null!;

    public ITaskHost HostObject { get; set; } = null!;

    /// <summary>Logs as <c>Task.Log</c> does: through <see cref="BuildEngine"/>, under the task's name.</summary>
    protected TaskLoggingHelper Log => log ??= new TaskLoggingHelper(this);

    public abstract bool Execute();
}
