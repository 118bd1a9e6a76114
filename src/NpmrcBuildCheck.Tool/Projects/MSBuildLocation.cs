using System;
using System.Linq;
using Microsoft.Build.Locator;

namespace NpmrcBuildCheck.Tool.Projects;

/// <summary>
/// Finds the .NET SDK that <c>dotnet build</c> would use in a folder (its global.json
/// honoured) and loads that SDK's MSBuild into the process. It must run before any MSBuild type
/// is touched, which is why the evaluation lives in its own class.
/// </summary>
internal static class MSBuildLocation
{
    public static void EnsureRegistered(string workingDirectory)
    {
        if (MSBuildLocator.IsRegistered)
        {
            return;
        }

        VisualStudioInstance? sdk;
        try
        {
            sdk = MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions
                {
                    DiscoveryTypes = DiscoveryType.DotNetSdk,
                    WorkingDirectory = workingDirectory,
                })
                .OrderByDescending(instance => instance.Version)
                .FirstOrDefault();
        }
        catch (Exception e)
        {
            throw new UsageException($"No .NET SDK could be located to evaluate the projects ({e.Message}). Install the SDK that global.json asks for, or scan the folder instead.");
        }

        if (sdk is null)
        {
            throw new UsageException($"No .NET SDK was found for '{workingDirectory}' (a project or solution is evaluated with the SDK's MSBuild). Install the SDK that global.json asks for, or scan the folder instead.");
        }

        MSBuildLocator.RegisterInstance(sdk);
    }
}
