using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Package.Tests;

/// <summary>A repository whose root is scanned once for all its projects, as set in Directory.Build.props.</summary>
[TestClass]
public sealed class MonorepoTests
{
    [TestMethod]
    public void SharedRootIsScannedOncePerBuildAndEachProjectReportsItsOwnFindings()
    {
        var consumer = Consumer.Create("monorepo");
        consumer.ShareRoot();
        consumer.AddProject("src/Web/Web.csproj");
        consumer.AddProject("src/Api/Api.csproj");
        consumer.AddProject("src/Lib/Lib.csproj", targetFrameworks: "net10.0;netstandard2.0");
        consumer.UseMachinePackagesAsFeed();
        consumer.Write("src/Web/ClientApp/.npmrc", $"//registry.npmjs.org/:_authToken={FakeTokens.NpmToken(3001)}\n");
        consumer.Write("src/Api/.npmrc", "registry=http://npm.acme.example/\n");
        consumer.Write("tools/.npmrc", "strict-ssl=false\n");
        Assert.AreEqual(0, DotNet.Run(consumer.Directory, "new", "sln", "-n", "All").ExitCode);
        foreach (var project in new[] { "src/Web/Web.csproj", "src/Api/Api.csproj", "src/Lib/Lib.csproj" })
        {
            Assert.AreEqual(0, DotNet.Run(consumer.Directory, "sln", "add", project).ExitCode);
        }

        var build = consumer.Build("-m:2");

        Assert.AreEqual(1, build.ExitCode, build.ToString());
        Assert.AreEqual(1, Regex.Matches(build.Output, "NpmrcBuildCheck: scanned").Count, "one scan serves every project and target framework:\n" + build);
        string Owners(string code) => string.Join(";", build.Ours.Where(d => d.Code == code).Select(d => Path.GetFileNameWithoutExtension(d.Project.Split("::")[0])).Distinct().OrderBy(p => p));
        Assert.AreEqual("Web", Owners("NPMRC001"), build.ToString());
        Assert.AreEqual("Api", Owners("NPMRC005"), build.ToString());
        // A file outside every project folder is every project's concern.
        Assert.AreEqual("Api;Lib;Web", Owners("NPMRC006"), build.ToString());
    }

    [TestMethod]
    public void MultiTargetingProjectIsScannedOnce()
    {
        var consumer = Consumer.Create("multitarget");
        consumer.AddProject("Lib.csproj", targetFrameworks: "net10.0;netstandard2.0");
        consumer.UseMachinePackagesAsFeed();
        consumer.Write("ClientApp/.npmrc", "registry=http://npm.acme.example/\n");

        var build = consumer.Build();

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.AreEqual(1, build.Ours.Count, string.Join("\n", build.Ours) + "\n" + build);
        Assert.AreEqual(1, Regex.Matches(build.Output, "NpmrcBuildCheck: scanned").Count, build.ToString());
    }
}
