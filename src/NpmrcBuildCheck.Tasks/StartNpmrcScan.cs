using System.Threading.Tasks;
using Microsoft.Build.Framework;
using NpmrcBuildCheck.Scanning;

namespace NpmrcBuildCheck.Tasks;

/// <summary>
/// Starts the scan on a background thread early in the build, so that it overlaps with the
/// work MSBuild does before compilation (reference resolution and the like, on the other core);
/// <see cref="ScanNpmrcTree"/> collects it before compilation. It logs nothing and never fails
/// the build: without it, <see cref="ScanNpmrcTree"/> simply scans itself.
/// </summary>
public sealed class StartNpmrcScan : ScanSettingsTask
{
    public override bool Execute()
    {
        if (BuildEngine is IBuildEngine4 engine)
        {
            var options = CreateOptions();
            var pending = Task.Run(() => TreeScanner.Scan(options));
            engine.RegisterTaskObject(PendingScanKey(options), pending, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        }

        return true;
    }
}
