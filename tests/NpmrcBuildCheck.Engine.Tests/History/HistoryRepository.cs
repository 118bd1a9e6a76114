using System;
using System.Collections.Generic;
using NpmrcBuildCheck.Engine.Tests.Scanning;
using NpmrcBuildCheck.TestSupport;

namespace NpmrcBuildCheck.Engine.Tests.History;

/// <summary>
/// A repository whose history leaks one fake token in each way the history scan must see: a
/// line committed and later removed, a side branch, a tag only, a deleted file, two stashes;
/// plus one token still in the current tree. Each leak's commit id is recorded.
/// </summary>
internal sealed class HistoryRepository : IDisposable
{
    public HistoryRepository(params string[] initArguments)
    {
        Tree = new TestTree();
        Tree.GitInit();
        if (initArguments.Length > 0)
        {
            System.IO.Directory.Delete(System.IO.Path.Combine(Tree.Root, ".git"), recursive: true);
            var init = new List<string> { "init", "-q" };
            init.AddRange(initArguments);
            Tree.Git(init.ToArray());
            Tree.Git("config", "user.email", "test@example.invalid");
            Tree.Git("config", "user.name", "test");
        }

        Tree.Git("checkout", "-q", "-b", "main");

        // Removed later: committed on main, deleted two commits on.
        Commit("ClientApp/.npmrc", "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=" + Removed + "\n", "add npmrc", at: 1);
        RemovedCommit = Head();
        Commit("ClientApp/app.js", "console.log(1);\n", "app", at: 2);
        Commit("ClientApp/.npmrc", "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n", "read the token from the environment", at: 3);

        // Deleted file: a script with a literal token, later removed.
        Commit("scripts/publish.sh", "#!/bin/sh\nset -e\nexport NPM_TOKEN=" + DeletedFile + "\nnpm publish\n", "publish script", at: 4);
        DeletedFileCommit = Head();
        Tree.Git("rm", "-q", "scripts/publish.sh");
        CommitStaged("remove publish script", at: 5);

        // Side branch only.
        Tree.Git("checkout", "-q", "-b", "feature");
        Commit("tools/release.js", "const token = \"" + SideBranch + "\";\n", "release tool", at: 6);
        SideBranchCommit = Head();
        Tree.Git("checkout", "-q", "main");

        // Tag only: a commit on a branch that is then deleted.
        Tree.Git("checkout", "-q", "-b", "tmp");
        Commit("ci/.npmrc", "//npm.example.com/:_authToken=" + TagOnly + "\n", "ci npmrc", at: 7);
        TagOnlyCommit = Head();
        Tree.Git("tag", "-a", "v0.1", "-m", "tagged");
        Tree.Git("checkout", "-q", "main");
        Tree.Git("branch", "-q", "-D", "tmp");

        // Still in the tree: the tree scan's finding, never NPMRC011.
        Commit("web/.npmrc", "//registry.npmjs.org/:_authToken=" + Current + "\n", "current npmrc", at: 8);

        // Two stashes (only the newest has a ref; the older one lives in the stash's reflog).
        Tree.Write("web/app.env", "NPM_TOKEN=" + StashOld + "\n");
        Tree.Git("add", "web/app.env");
        Tree.Git("stash", "-q");
        Tree.Write("web/other.env", "NODE_AUTH_TOKEN=" + StashNew + "\n");
        Tree.Git("add", "web/other.env");
        Tree.Git("stash", "-q");
    }

    public TestTree Tree { get; }

    public string Root => Tree.Root;

    public string Removed { get; } = FakeTokens.Opaque(101);

    public string DeletedFile { get; } = FakeTokens.NpmToken(102);

    public string SideBranch { get; } = FakeTokens.NpmToken(103);

    public string TagOnly { get; } = FakeTokens.Opaque(104);

    public string Current { get; } = FakeTokens.Opaque(105);

    public string StashOld { get; } = FakeTokens.NpmToken(106);

    public string StashNew { get; } = FakeTokens.NpmToken(107);

    public string RemovedCommit { get; }

    public string DeletedFileCommit { get; }

    public string SideBranchCommit { get; }

    public string TagOnlyCommit { get; }

    public IEnumerable<string> AllTokens => new[] { Removed, DeletedFile, SideBranch, TagOnly, Current, StashOld, StashNew };

    public string Head() => Tree.Git("rev-parse", "HEAD").Trim();

    public void Commit(string path, string content, string message, int at)
    {
        Tree.Write(path, content);
        Tree.Git("add", "-A");
        CommitStaged(message, at);
    }

    /// <summary>Commits with fixed, increasing dates so that "oldest" is well defined.</summary>
    public void CommitStaged(string message, int at)
    {
        string date = DateTimeOffset.FromUnixTimeSeconds(1700000000 + (at * 86400)).ToString("yyyy-MM-ddTHH:mm:ss+00:00");
        TestTree.RunWithEnvironment(Tree.Root, new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = date, ["GIT_COMMITTER_DATE"] = date }, "git", "commit", "-qm", message);
    }

    public void Dispose() => Tree.Dispose();
}
