using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using NpmrcBuildCheck.Detection;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Git.Objects;
using NpmrcBuildCheck.Rules;
using NpmrcBuildCheck.Scanning;

namespace NpmrcBuildCheck.History;

/// <summary>
/// Scans every blob reachable from any ref once, with the tree scan's readers, and reports
/// credentials that are in the history but not in the current tree (NPMRC011).
/// <list type="number">
/// <item>Refs (<see cref="GitRefs"/>): branches, tags (peeled), remote-tracking refs, notes,
/// HEADs, every stash in the stash's reflog.</item>
/// <item>Commits: walked from the refs through their parents, stopping at commits the state
/// already knows and at the shallow boundary.</item>
/// <item>Trees of new commits, oldest commit first, each tree once: the first commit to show a
/// blob is the one that introduced it. Submodules (gitlinks) and symbolic links are not
/// followed; binary files by name are never read.</item>
/// <item>New blobs, in pack order (sequential reads, delta bases cached), on all cores:
/// inflated, skipped when over the size limit or binary by content, else detected as the file
/// at their first path would be (a historical <c>.npmrc</c> as config, a script as text).</item>
/// <item>Credentials, matched by subject digest: those in HEAD's tree (or given by the host
/// as current) stay the tree's findings; each other one is one NPMRC011 at its oldest
/// occurrence, naming the refs that still reach it.</item>
/// </list>
/// Never throws and never fetches: unreadable objects are NPMRC900, missing ones (partial
/// clones) are counted and named in a note.
/// </summary>
public static class HistoryScanner
{
    private const int Chunk = 64;

    public static HistoryResult Scan(HistoryOptions options)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            return new Run(options, stopwatch).Execute();
        }
        catch (Exception ex)
        {
            return new HistoryResult(new[] { ScanProblemFindings.Internal(string.Empty, ex) }, Array.Empty<string>()) { Elapsed = stopwatch.Elapsed };
        }
    }

    /// <summary>Identifies the repository holding <paramref name="path"/> (its common git directory), or null outside one: hosts scan it once per build.</summary>
    public static string? RepositoryOf(string path)
    {
        string full = Path.GetFullPath(path);
        if (GitObjectStore.IsGitDirectory(full))
        {
            return Git.GitRepository.CommonDirectoryOf(full);
        }

        return Git.GitRepository.Discover(full)?.CommonDirectory;
    }

    private sealed class Run
    {
        private readonly HistoryOptions options;
        private readonly Stopwatch stopwatch;
        private readonly List<Finding> problems = new();
        private readonly List<string> notes = new();
        private readonly List<ObjectId> parentIds = new();
        private readonly TreeNames names = new();
        private byte[] treeBuffer = new byte[64 * 1024];
        private GitObjectStore store = null!;
        private GitObjectReader reader = null!;
        private HistoryState state = null!;
        private HashSet<ObjectId> shallow = new();
        private readonly List<(string Name, int Commit)> tips = new();

        /// <summary>Root trees of the commits read by this run, by commit index.</summary>
        private readonly Dictionary<int, ObjectId> treeOf = new();
        private int missingBlobs;

        public Run(HistoryOptions options, Stopwatch stopwatch)
        {
            this.options = options;
            this.stopwatch = stopwatch;
        }

        public HistoryResult Execute()
        {
            GitObjectStore? opened;
            try
            {
                opened = GitObjectStore.OpenAt(options.RepositoryPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                opened = null;
                notes.Add("The git repository could not be opened (" + ex.GetType().Name + "): no history was scanned.");
            }

            if (opened is null)
            {
                if (notes.Count == 0)
                {
                    notes.Add("Not in a git repository: there is no history to scan.");
                }

                return new HistoryResult(Array.Empty<Finding>(), notes) { Elapsed = stopwatch.Elapsed };
            }

            using (store = opened)
            {
                return ExecuteIn();
            }
        }

        private HistoryResult ExecuteIn()
        {
            foreach (var problem in store.Problems)
            {
                problems.Add(ScanProblems.GitProblem(string.Empty, "Git " + problem));
            }

            ScanTrace.Phase("history start");
            reader = store.CreateReader();
            string key = StateKey();
            string? statePath = string.IsNullOrWhiteSpace(options.StateDirectory) ? null : HistoryState.PathIn(options.StateDirectory!);
            state = statePath is null ? new HistoryState() : HistoryState.Load(statePath, key);
            shallow = ReadShallow();

            ScanTrace.Phase("state loaded");
            int knownCommits = state.Commits.Count, knownTrees = state.Trees.Count, knownBlobs = state.Blobs.Count;
            var refs = GitRefs.Read(store.GitDirectory, store.CommonDirectory);
            WalkCommits(refs);
            ScanTrace.Phase("commits walked");
            if (state.Commits.Count > 0 && !AllCommitsReachable())
            {
                // A ref was deleted or rewritten: walk again from scratch (blobs stay known by id: none is read again).
                state.ForgetWalk();
                tips.Clear();
                treeOf.Clear();
                knownCommits = -1;
                WalkCommits(refs);
            }

            WalkNewTrees();
            ScanTrace.Phase("trees walked");
            var pending = CollectPending();
            ScanTrace.Phase("blobs located");
            long bytesRead = ScanBlobs(pending);
            ScanTrace.Phase("blobs scanned");
            var current = CurrentDigests(refs);
            var findings = HistoryFindings.Create(state, tips, current);
            findings.AddRange(problems);
            findings.Sort(TreeScanner.CompareFindings);
            AddNotes();
            // Unchanged (the usual build): nothing to write.
            int read = pending.Count - missingBlobs;
            bool changed = read > 0 || state.Commits.Count != knownCommits || state.Trees.Count != knownTrees || state.Blobs.Count != knownBlobs;
            if (statePath is not null && changed)
            {
                state.Save(statePath, key, store.HashSize);
            }

            ScanTrace.Phase("state saved");

            return new HistoryResult(findings, notes)
            {
                BlobsScanned = read,
                BytesRead = bytesRead,
                Commits = state.Commits.Count,
                Blobs = state.Blobs.Count,
                IsShallow = shallow.Count > 0,
                MissingBlobs = missingBlobs,
                Elapsed = stopwatch.Elapsed,
                RepositoryRoot = store.WorkTree ?? store.GitDirectory,
            };
        }

        /// <summary>Engine and detection build (the deterministic module id changes with the code), size limit, repository, hash.</summary>
        private string StateKey() => string.Join(
            "\n",
            typeof(HistoryScanner).Assembly.ManifestModule.ModuleVersionId.ToString(),
            typeof(ContentDetector).Assembly.ManifestModule.ModuleVersionId.ToString(),
            options.MaxFileSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            store.CommonDirectory,
            store.HashSize == 32 ? "sha256" : "sha1");

        private HashSet<ObjectId> ReadShallow()
        {
            var set = new HashSet<ObjectId>();
            string path = Path.Combine(store.CommonDirectory, "shallow");
            try
            {
                if (File.Exists(path))
                {
                    foreach (var line in File.ReadAllLines(path))
                    {
                        if (ObjectId.TryParse(line.Trim(), out var id))
                        {
                            set.Add(id);
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                notes.Add("The shallow file could not be read: the history may be partial.");
            }

            return set;
        }

        private void WalkCommits(List<GitRef> refs)
        {
            var pendingParents = new List<(int Commit, ObjectId[] Parents)>();
            var stack = new Stack<ObjectId>();
            foreach (var gitRef in refs)
            {
                var commit = Peel(gitRef);
                if (commit.IsEmpty)
                {
                    continue;
                }

                stack.Push(commit);
                while (stack.Count > 0)
                {
                    var id = stack.Pop();
                    if (state.CommitIndex.TryGetValue(id, out int known) && (!state.Commits[known].Incomplete || state.Commits[known].IsNew))
                    {
                        continue;
                    }

                    if (!TryReadCommit(id, out var tree, out long time))
                    {
                        continue;
                    }

                    if (!state.CommitIndex.TryGetValue(id, out int index))
                    {
                        index = state.Commits.Count;
                        state.CommitIndex[id] = index;
                        state.Commits.Add(new CommitNode(id));
                    }

                    var node = state.Commits[index];
                    node.Time = time;
                    node.IsNew = true;
                    node.Incomplete = shallow.Contains(id);
                    var parents = node.Incomplete ? Array.Empty<ObjectId>() : parentIds.ToArray();
                    pendingParents.Add((index, parents));
                    treeOf[index] = tree;
                    foreach (var parent in parents)
                    {
                        stack.Push(parent);
                    }
                }

                if (state.CommitIndex.TryGetValue(commit, out int tip))
                {
                    tips.Add((gitRef.Name, tip));
                }
            }

            foreach (var (commit, parents) in pendingParents)
            {
                var resolved = new List<int>(parents.Length);
                foreach (var parent in parents)
                {
                    if (state.CommitIndex.TryGetValue(parent, out int p))
                    {
                        resolved.Add(p);
                    }
                    else
                    {
                        state.Commits[commit].Incomplete = true; // Missing parent object.
                    }
                }

                state.Commits[commit].Parents = resolved.ToArray();
            }
        }

        /// <summary>Follows annotated tags to a commit; trees and blobs named by tags are not history and are skipped.</summary>
        private ObjectId Peel(GitRef gitRef)
        {
            var id = gitRef.Target;
            for (int depth = 0; depth < 16; depth++)
            {
                if (state.CommitIndex.ContainsKey(id))
                {
                    return id;
                }

                GitObject obj;
                try
                {
                    obj = reader.Read(id);
                }
                catch (GitObjectException ex)
                {
                    ObjectProblem(ex, "ref " + gitRef.Name);
                    return default;
                }

                switch (obj.Type)
                {
                    case GitObjectType.Commit:
                        return id;
                    case GitObjectType.Tag when GitObjectParsing.TryParseTag(obj.Data, out var target):
                        id = target;
                        continue;
                    default:
                        return default;
                }
            }

            return default;
        }

        private bool TryReadCommit(ObjectId id, out ObjectId tree, out long time)
        {
            tree = default;
            time = 0;
            GitObject obj;
            try
            {
                obj = reader.Read(id);
            }
            catch (GitObjectException ex)
            {
                ObjectProblem(ex, "commit");
                return false;
            }

            if (obj.Type != GitObjectType.Commit || !GitObjectParsing.TryParseCommit(obj.Data, parentIds, out tree, out time))
            {
                problems.Add(ScanProblems.GitProblem(string.Empty, $"Git object {id} is not a readable commit"));
                return false;
            }

            return true;
        }

        /// <summary>Whether every commit the state knows is still reachable from the refs (else the walk is redone).</summary>
        private bool AllCommitsReachable()
        {
            var seen = new bool[state.Commits.Count];
            var stack = new Stack<int>();
            foreach (var (_, commit) in tips)
            {
                stack.Push(commit);
            }

            int count = 0;
            while (stack.Count > 0)
            {
                int c = stack.Pop();
                if (seen[c])
                {
                    continue;
                }

                seen[c] = true;
                count++;
                foreach (int p in state.Commits[c].Parents)
                {
                    stack.Push(p);
                }
            }

            return count == state.Commits.Count;
        }

        /// <summary>Walks the trees of this run's new commits, oldest first; each tree once.</summary>
        private void WalkNewTrees()
        {
            var order = new List<int>();
            for (int i = 0; i < state.Commits.Count; i++)
            {
                if (state.Commits[i].IsNew)
                {
                    order.Add(i);
                }
            }

            order.Sort((a, b) =>
            {
                int c = state.Commits[a].Time.CompareTo(state.Commits[b].Time);
                return c != 0 ? c : b.CompareTo(a); // Same second: parents were read after their children.
            });

            var stack = new Stack<(ObjectId Tree, string Prefix)>();
            foreach (int commit in order)
            {
                if (!treeOf.TryGetValue(commit, out var root) || !state.Trees.Add(root))
                {
                    continue;
                }

                stack.Push((root, string.Empty));
                while (stack.Count > 0)
                {
                    var (tree, prefix) = stack.Pop();
                    WalkTree(tree, prefix, commit, stack);
                }
            }
        }

        private void WalkTree(ObjectId tree, string prefix, int commit, Stack<(ObjectId Tree, string Prefix)> stack)
        {
            int length;
            try
            {
                length = reader.ReadInto(tree, ref treeBuffer, out _);
            }
            catch (GitObjectException ex)
            {
                state.Trees.Remove(tree); // Read again next run.
                ObjectProblem(ex, prefix.Length == 0 ? "root tree of commit " + state.Commits[commit].Id.ToString(7) : "tree '" + prefix + "'");
                return;
            }

            try
            {
                var entries = new TreeEntryReader(new ReadOnlySpan<byte>(treeBuffer, 0, length), store.HashSize);
                while (entries.MoveNext())
                {
                    switch (entries.Kind)
                    {
                        case TreeEntryKind.Tree:
                            if (state.Trees.Add(entries.Id))
                            {
                                stack.Push((entries.Id, prefix + names.Get(entries.Name).Name + "/"));
                            }

                            break;
                        case TreeEntryKind.File:
                            var (name, reading) = names.Get(entries.Name);
                            var key = new BlobKey(entries.Id, reading);
                            if (!state.Blobs.TryGetValue(key, out var record))
                            {
                                record = new BlobRecord();
                                state.Blobs[key] = record;
                            }

                            if (record.FirstCommit < 0)
                            {
                                record.FirstCommit = commit;
                                record.Path = prefix + name;
                            }

                            break;
                    }
                }
            }
            catch (FormatException)
            {
                state.Trees.Remove(tree);
                problems.Add(ScanProblems.GitProblem(prefix, $"Git tree {tree} ('{(prefix.Length == 0 ? "." : prefix)}') is damaged"));
            }
        }

        /// <summary>Blobs to read: new ones (never scanned), and missing or corrupt ones that may be readable now.</summary>
        private List<PendingBlob> CollectPending()
        {
            var pending = new List<PendingBlob>();
            foreach (var pair in state.Blobs)
            {
                var record = pair.Value;
                if (record.Status is not (BlobStatus.Pending or BlobStatus.Missing or BlobStatus.Corrupt) || record.Path is null)
                {
                    continue;
                }

                if (BlobReading.IsBinaryByName(pair.Key.Reading))
                {
                    record.Status = BlobStatus.Binary;
                    continue;
                }

                if (store.TryLocate(pair.Key.Id, out var pack, out int ordinal, out long offset))
                {
                    pending.Add(new PendingBlob(pair.Key, record, pack, ordinal, offset));
                }
                else
                {
                    pending.Add(new PendingBlob(pair.Key, record, null, int.MaxValue, 0));
                }
            }

            // Pack order: reads go forward through each pack and delta bases are met before their deltas.
            pending.Sort((a, b) => a.Ordinal != b.Ordinal ? a.Ordinal.CompareTo(b.Ordinal) : a.Offset.CompareTo(b.Offset));

            // A blob that a later blob's delta applies to is kept in the delta base cache when read, not built twice.
            var bases = new HashSet<long>();
            foreach (var blob in pending)
            {
                if (blob.Pack is not null && blob.Pack.TryReadHeader(blob.Offset, out var entry) && entry.Type == PackFile.OfsDelta)
                {
                    bases.Add(DeltaBaseCache.Key(blob.Ordinal, entry.BaseOffset));
                }
            }

            for (int i = 0; i < pending.Count; i++)
            {
                var blob = pending[i];
                if (blob.Pack is not null && bases.Contains(DeltaBaseCache.Key(blob.Ordinal, blob.Offset)))
                {
                    pending[i] = blob.AsDeltaBase();
                }
            }

            return pending;
        }

        private long ScanBlobs(List<PendingBlob> pending)
        {
            if (pending.Count == 0)
            {
                return 0;
            }

            int workers = Scanning.WorkerCount.OnePerCore(options.MaxParallelism);
            workers = Math.Min(workers, Math.Max(1, pending.Count / Chunk));
            long total = 0;
            int next = 0;
            long done = 0;
            long lastReport = 0;
            void Work(GitObjectReader blobReader)
            {
                byte[] buffer = new byte[1024 * 1024];
                long bytes = 0;
                while (true)
                {
                    int start = Interlocked.Add(ref next, Chunk) - Chunk;
                    if (start >= pending.Count)
                    {
                        break;
                    }

                    int end = Math.Min(pending.Count, start + Chunk);
                    for (int i = start; i < end; i++)
                    {
                        bytes += ScanOne(blobReader, pending[i], ref buffer);
                    }

                    long finished = Interlocked.Add(ref done, end - start);
                    if (options.Progress is { } progress && stopwatch.ElapsedMilliseconds - Interlocked.Read(ref lastReport) >= 100)
                    {
                        Interlocked.Exchange(ref lastReport, stopwatch.ElapsedMilliseconds);
                        progress(finished, pending.Count);
                    }
                }

                Interlocked.Add(ref total, bytes);
            }

            var threads = new List<Thread>();
            for (int w = 1; w < workers; w++)
            {
                var thread = new Thread(() => Work(store.CreateReader()), 1024 * 1024) { IsBackground = true, Name = "NpmrcBuildCheck history " + w };
                threads.Add(thread);
                thread.Start();
            }

            Work(reader);
            foreach (var thread in threads)
            {
                thread.Join();
            }

            foreach (var blob in pending)
            {
                if (blob.Record.Status == BlobStatus.Missing)
                {
                    missingBlobs++;
                }
                else if (blob.Record.Status == BlobStatus.Corrupt)
                {
                    problems.Add(ScanProblems.GitProblem(blob.Record.Path!,
                        $"Git blob {blob.Key.Id} ('{blob.Record.Path}' in commit {state.Commits[blob.Record.FirstCommit].Id.ToString(7)}) is damaged and could not be scanned"));
                }
            }

            options.Progress?.Invoke(pending.Count, pending.Count);
            return total;
        }

        /// <summary>Reads and detects one blob; returns the bytes inflated. Never throws.</summary>
        private long ScanOne(GitObjectReader blobReader, PendingBlob blob, ref byte[] buffer)
        {
            var record = blob.Record;
            GitObjectType type;
            int length;
            byte[] data;
            try
            {
                if (blob.Pack is null)
                {
                    if (store.TryReadLoose(blob.Key.Id) is not { } loose)
                    {
                        record.Status = BlobStatus.Missing;
                        return 0;
                    }

                    type = loose.Type;
                    data = loose.Data;
                    length = loose.Data.Length;
                }
                else
                {
                    if (blob.Pack.TryReadHeader(blob.Offset, out var entry) && !entry.IsDelta && entry.Size > options.MaxFileSize)
                    {
                        record.Status = BlobStatus.OverSize;
                        return 0;
                    }

                    length = blobReader.ReadPackedInto(blob.Key.Id, blob.Pack, blob.Ordinal, blob.Offset, blob.IsDeltaBase, ref buffer, out data, out type);
                }
            }
            catch (GitObjectException ex)
            {
                record.Status = ex.Problem == GitObjectProblem.Missing ? BlobStatus.Missing : BlobStatus.Corrupt;
                return 0;
            }
            catch (Exception)
            {
                // Damage the checks above did not name (or out of memory): this blob is NPMRC900; a worker thread must never throw.
                record.Status = BlobStatus.Corrupt;
                return 0;
            }

            var content = new ReadOnlySpan<byte>(data, 0, length);
            if (type != GitObjectType.Blob)
            {
                record.Status = BlobStatus.Corrupt;
                return 0;
            }

            if (length > options.MaxFileSize)
            {
                record.Status = BlobStatus.OverSize;
                return length;
            }

            if (ContentScan.Detect(record.Path!, BlobReading.Kind(blob.Key.Reading), content, null, out var found) == ContentScan.Result.Binary)
            {
                record.Status = BlobStatus.Binary;
                return length;
            }

            Finding[]? credentials = null;
            int n = 0;
            foreach (var f in found)
            {
                if (RuleCatalog.IsCredentialRule(f.Rule))
                {
                    credentials ??= new Finding[found.Length];
                    credentials[n++] = f;
                }
            }

            if (credentials is not null && n < credentials.Length)
            {
                Array.Resize(ref credentials, n);
            }

            record.Findings = credentials;
            record.Status = BlobStatus.Scanned;
            return length;
        }

        /// <summary>Credentials in HEAD's tree (what is checked out) and those the host found in the work tree.</summary>
        private HashSet<string> CurrentDigests(List<GitRef> refs)
        {
            var digests = new HashSet<string>(options.CurrentDigests, StringComparer.Ordinal);
            var head = GitRefs.ResolveHead(store.GitDirectory, refs);
            if (head.IsEmpty || !state.CommitIndex.TryGetValue(head, out int commit) || !TreeOfHead(commit, out var root))
            {
                return digests;
            }

            var visited = new HashSet<ObjectId>();
            var stack = new Stack<ObjectId>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var tree = stack.Pop();
                if (!visited.Add(tree))
                {
                    continue;
                }

                GitObject obj;
                try
                {
                    obj = reader.Read(tree);
                }
                catch (GitObjectException)
                {
                    continue; // Reported by the walk.
                }

                try
                {
                    var entries = new TreeEntryReader(obj.Data, store.HashSize);
                    while (entries.MoveNext())
                    {
                        if (entries.Kind == TreeEntryKind.Tree)
                        {
                            stack.Push(entries.Id);
                        }
                        else if (entries.Kind == TreeEntryKind.File &&
                                 state.Blobs.TryGetValue(new BlobKey(entries.Id, names.Get(entries.Name).Reading), out var record) &&
                                 record.Findings is { } findings)
                        {
                            foreach (var f in findings)
                            {
                                digests.Add(f.SubjectDigest);
                            }
                        }
                    }
                }
                catch (FormatException)
                {
                    // Reported by the walk.
                }
            }

            return digests;
        }

        private bool TreeOfHead(int commit, out ObjectId root)
        {
            if (treeOf.TryGetValue(commit, out root))
            {
                return true;
            }

            try
            {
                var obj = reader.Read(state.Commits[commit].Id);
                return GitObjectParsing.TryParseCommit(obj.Data, parentIds, out root, out _);
            }
            catch (GitObjectException)
            {
                return false;
            }
        }

        private void ObjectProblem(GitObjectException ex, string what)
        {
            if (ex.Problem == GitObjectProblem.Missing && (store.IsPartialClone || shallow.Count > 0))
            {
                return; // Expected: said in the notes.
            }

            problems.Add(ScanProblems.GitProblem(string.Empty, $"Git {what}: {ex.Message}"));
        }

        private void AddNotes()
        {
            if (shallow.Count > 0)
            {
                notes.Add($"The history is partial: this is a shallow clone ({shallow.Count} boundary commit(s)); only the history it holds was scanned. Fetch the rest (git fetch --unshallow) to scan all of it.");
            }

            if (missingBlobs > 0)
            {
                notes.Add($"{missingBlobs} blob(s) of the history are not in this {(store.IsPartialClone ? "partial clone" : "repository")} and were not scanned (they are never fetched).");
            }

            int overSize = 0;
            foreach (var record in state.Blobs.Values)
            {
                if (record.Status == BlobStatus.OverSize && record.FirstCommit >= 0)
                {
                    overSize++;
                }
            }

            if (overSize > 0)
            {
                notes.Add($"{overSize} blob(s) of the history are over the {options.MaxFileSize}-byte size limit and were not scanned.");
            }
        }
    }

    private readonly struct PendingBlob
    {
        public PendingBlob(BlobKey key, BlobRecord record, PackFile? pack, int ordinal, long offset, bool isDeltaBase = false)
        {
            Key = key;
            Record = record;
            Pack = pack;
            Ordinal = ordinal;
            Offset = offset;
            IsDeltaBase = isDeltaBase;
        }

        /// <summary>A later pending blob's delta applies to this one.</summary>
        public bool IsDeltaBase { get; }

        public PendingBlob AsDeltaBase() => new(Key, Record, Pack, Ordinal, Offset, isDeltaBase: true);

        public BlobKey Key { get; }

        public BlobRecord Record { get; }

        public PackFile? Pack { get; }

        public int Ordinal { get; }

        public long Offset { get; }
    }
}
