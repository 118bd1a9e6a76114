using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using NpmrcBuildCheck.Caching;
using NpmrcBuildCheck.Detection;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Git;
using NpmrcBuildCheck.Rules;
using NpmrcBuildCheck.Walking;

namespace NpmrcBuildCheck.Scanning;

/// <summary>
/// Walks a tree (pruning as it goes) and, on the same threads while the walk goes on, reads each
/// candidate file once (into a reused buffer), runs <see cref="ContentDetector.Detect"/>, serves unchanged files from the
/// incremental cache, and relabels credential findings by git state. Never throws: every
/// failure becomes an NPMRC900 finding naming its path.
/// <list type="bullet">
/// <item>Walk (<see cref="TreeWalker"/>): always-pruned folders, bin/obj beside a project file,
/// <see cref="ScanOptions.PrunedDirectories"/>, <see cref="ScanOptions.ExcludeGlobs"/> and the
/// cache folder are never listed. Links to folders are not followed (no loops); links to files are.
/// Git-ignored folders are walked: NPMRC009 is about exactly those files.</item>
/// <item>Per file, without opening it: binary by name (<see cref="BinaryFiles"/>) is skipped;
/// over <see cref="ScanOptions.MaxFileSize"/> is NPMRC900 <see cref="ScanProblems.OverSizeLimit"/>;
/// size 0 is never opened (FIFOs, sockets and devices list with size 0 on Linux; a special
/// file is NPMRC900 <see cref="ScanProblems.NotARegularFile"/>); unchanged size and time
/// is a cache hit.</item>
/// <item>Read: whole file, once, up to its listed size (<see cref="FileReader"/>); NUL bytes in
/// the first 8000 bytes mark it binary (not for config files, lockfiles or UTF-16 text); the
/// bytes go to the detector as they are (invalid UTF-8 included). Any exception from I/O or
/// detection is NPMRC900 for that path.</item>
/// <item>Git (<see cref="GitStatus"/>), evaluated on every scan and only for files with a
/// credential finding: ignored and untracked is NPMRC009; tracked gets the history remark;
/// outside a work tree (or with an unreadable index) nothing changes.</item>
/// <item>Findings are sorted by path (ordinal), line, column, then code: the order never
/// depends on threads.</item>
/// </list>
/// </summary>
public static class TreeScanner
{
    private const int MinBufferSize = 64 * 1024;

    public static ScanResult Scan(ScanOptions options)
    {
        var stopwatch = Stopwatch.StartNew();
        ScanTrace.ThreadStart();
        try
        {
            var result = ScanCore(options, stopwatch);
            ScanTrace.ThreadEnd("calling");
            return result;
        }
        catch (Exception ex)
        {
            return new ScanResult(new[] { ScanProblemFindings.Internal(string.Empty, ex) }, 0, 0, stopwatch.Elapsed, Array.Empty<string>());
        }
    }

    /// <summary>One listed file and what became of it.</summary>
    private sealed class FileWork
    {
        public FileWork(WalkedFile file) => File = file;

        /// <summary>The file; for a link resolved to its target, the target's size and time.</summary>
        public WalkedFile File;

        /// <summary>Already checked (<see cref="Classify"/>) and found to be read.</summary>
        public bool Checked;
        public Finding[]? Findings;
        public bool Binary;
        public bool Read;
        public bool Counted;
        public bool Cacheable;
    }

    /// <summary>The cache key of a listed file: what it is looked up by and what it is stored under.</summary>
    private static FileStamp StampOf(WalkedFile file) => new(file.Length, file.LastWriteTicks, file.ChangeTicks, file.Inode);

    /// <summary>What <see cref="Classify"/> decided for a file.</summary>
    private enum Decision
    {
        Done,
        CacheHit,
        Read,
    }

    private static ScanResult ScanCore(ScanOptions options, Stopwatch stopwatch)
    {
        string root = NormalizeDirectory(options.Root);
        if (!Directory.Exists(root))
        {
            var missing = ScanProblems.Unreadable(string.Empty, true, new DirectoryNotFoundException());
            return new ScanResult(new[] { missing }, 0, 0, stopwatch.Elapsed, Array.Empty<string>());
        }

        var pruned = new List<string>();
        foreach (var p in options.PrunedDirectories)
        {
            if (!string.IsNullOrWhiteSpace(p))
            {
                pruned.Add(NormalizeDirectory(Path.IsPathRooted(p) ? p : Path.Combine(root, p)));
            }
        }

        ScanTrace.Phase("start");
        string? cachePath = null;
        string? key = null;
        if (!string.IsNullOrWhiteSpace(options.CacheDirectory))
        {
            string cacheDirectory = NormalizeDirectory(Path.IsPathRooted(options.CacheDirectory!) ? options.CacheDirectory! : Path.Combine(root, options.CacheDirectory!));
            pruned.Add(cacheDirectory);
            string detector = options.Detector is null ? string.Empty : "\ndetector=" + options.Detector.Method.DeclaringType?.FullName + "." + options.Detector.Method.Name;
            key = ScanCache.KeyFor(options.SettingsKey + detector);
            cachePath = ScanCache.PathFor(cacheDirectory, key);
            ScanTrace.Phase("key");
        }

        // Without a cache file every file is read: a first scan (WorkerCount says why that gets more threads).
        bool cached = cachePath is not null && File.Exists(cachePath);
        int workers = cached ? WorkerCount.OnePerCore(options.MaxParallelism) : WorkerCount.ReadingEveryFile(options.MaxParallelism);
        CacheLoader? loader = null;
        if (cachePath is not null)
        {
            // With more than one worker a cache file is read and parsed on its own thread while the walk starts.
            loader = new CacheLoader(cachePath, key!, cached, background: workers > 1, options.UseGit && workers > 1 ? root : null);
        }

        var pass = new Pass(options, new TreeWalker.SharedWalk(root, new ExcludeFilter(options.ExcludeGlobs, PruneRules.IgnoreCase), pruned), loader, workers);
        pass.Run();
        ScanTrace.Phase("read");

        var cache = loader?.Cache;
        var findings = new List<Finding>();
        var projectDirectories = new List<string>();
        int directoriesListed = 0;
        foreach (var walked in pass.Walked)
        {
            findings.AddRange(walked.Problems);
            projectDirectories.AddRange(walked.ProjectDirectories);
            directoriesListed += walked.DirectoriesListed;
        }

        int scanned = Merge(pass.Done, findings, out int binary);
        ScanTrace.Phase("merged");
        cache?.Save();
        cache?.Dispose();
        ScanTrace.Phase("saved");

        GitStatus? preloaded = loader?.Git;
        if (options.UseGit)
        {
            ApplyGitState(root, findings, preloaded);
        }

        ScanTrace.Phase("git");
        findings.Sort(CompareFindings);
        projectDirectories.Sort(StringComparer.Ordinal);
        return new ScanResult(findings, scanned, pass.BytesRead, stopwatch.Elapsed, projectDirectories)
        {
            CacheHits = pass.CacheHits,
            BinaryFilesSkipped = binary,
            DirectoriesListed = directoriesListed,
            CacheProblem = cache?.Problem,
        };
    }

    /// <summary>
    /// Decides for one listed file: skipped, served from the cache, or to be read. Runs for every
    /// file on every build, mostly in a fresh process, on every worker at once.
    /// </summary>
    private static Decision Classify(FileWork work, ScanCache? cache, ScanOptions options, long racyThreshold)
    {
        var file = work.File;
        if (file.IsSymbolicLink)
        {
            // A link's listed size and time are the link's own, not its target's: ask the target's type
            // (never open a FIFO or device), then read it with its real size, always (never from the cache).
            switch (FileTypes.Get(file.FullPath))
            {
                case FileTypes.Kind.Special:
                    work.Findings = new[] { ScanProblems.Special(file.RelativePath) };
                    return Decision.Done;
                case FileTypes.Kind.Missing:
                case FileTypes.Kind.Directory:
                    return Decision.Done; // Dangling link or a link loop: nothing to scan.
                case FileTypes.Kind.Unknown when !UnknownTypesAreSafeToOpen:
                    return Decision.Done;
            }

#if NET8_0_OR_GREATER
            if (TryResolveLink(file) is { } resolved)
            {
                // Size and time of the final target: the link is then cached like any file.
                file = work.File = resolved;
            }
            else
#endif
            {
                if (ContentScan.IsBinaryByName(file.Name))
                {
                    work.Binary = true;
                    return Decision.Done;
                }

                return Decision.Read;
            }
        }

        // Binary by name first: a large image or package is skipped quietly, not reported as over the size limit.
        if (ContentScan.IsBinaryByName(file.Name))
        {
            work.Binary = true;
            return Decision.Done;
        }

        if (file.Length > options.MaxFileSize)
        {
            work.Findings = new[] { ScanProblems.OverSize(file.RelativePath, file.Length, options.MaxFileSize) };
            return Decision.Done;
        }

        if (file.Length == 0)
        {
            // Never opened: on Linux FIFOs, sockets and devices list with size 0, and an empty file holds nothing.
            switch (FileTypes.Get(file.FullPath))
            {
                case FileTypes.Kind.Special:
                    work.Findings = new[] { ScanProblems.Special(file.RelativePath) };
                    break;
                case FileTypes.Kind.Missing when HasUndecodableName(file):
                    work.Findings = new[] { ScanProblems.Unreadable(file.RelativePath, isDirectory: false, UndecodableName()) };
                    break;
                case FileTypes.Kind.Missing:
                    break; // A dangling link, or deleted since the listing: nothing to scan.
                default:
                    work.Counted = true;
                    break;
            }

            return Decision.Done;
        }

        if (cache is not null && cache.TryGet(file.RelativePrefix, file.RelativeLeaf, StampOf(file), out bool cachedBinary, out var cachedFindings))
        {
            work.Binary = cachedBinary;
            work.Counted = !cachedBinary;
            work.Findings = cachedFindings;
            return Decision.CacheHit;
        }

        if (TypeCheckBeforeOpen && FileTypes.Get(file.FullPath) == FileTypes.Kind.Special)
        {
            // Not Linux: a FIFO may list with a size above 0 (macOS counts buffered bytes) and opening it could block.
            work.Findings = new[] { ScanProblems.Special(file.RelativePath) };
            return Decision.Done;
        }

        // A time with no sub-second part, very recent, may come from a coarse file system: a change within the same tick would go unseen.
        work.Cacheable = !(file.LastWriteTicks % TimeSpan.TicksPerSecond == 0 && file.LastWriteTicks >= racyThreshold);
        return Decision.Read;
    }

    /// <summary>Counts and gathers the outcomes (the workers put what they read into the cache).</summary>
    private static int Merge(List<FileWork>[] done, List<Finding> findings, out int binary)
    {
        int scanned = 0;
        binary = 0;
        foreach (var list in done)
        {
            foreach (var work in list)
            {
                if (work.Counted)
                {
                    scanned++;
                }

                if (work.Binary)
                {
                    binary++;
                }

                if (work.Findings is not null)
                {
                    findings.AddRange(work.Findings);
                }
            }
        }

        return scanned;
    }

    /// <summary>Reads the git index on its own thread; <see cref="Wait"/> gives the status, or null if reading failed.</summary>
    private sealed class GitLoader
    {
        private readonly Thread thread;
        private GitStatus? git;

        public GitLoader(string root)
        {
            thread = new Thread(() =>
            {
                try
                {
                    var status = new GitStatus(root);
                    status.LoadIndex();
                    git = status;
                }
                catch (Exception)
                {
                    // Read again on the scanning thread, as without preloading.
                }
            }, 256 * 1024) { IsBackground = true, Name = "NpmrcBuildCheck git" };
            thread.Start();
        }

        public GitStatus? Wait()
        {
            thread.Join();
            return git;
        }
    }

    /// <summary>
    /// Loads the cache, on its own thread when <c>background</c> (without a cache file, the empty cache is there
    /// at once: no worker waits for a thread to start); <see cref="Cache"/> waits for it (from any
    /// worker) and rethrows what loading threw. When the loaded cache holds a credential finding and a
    /// root is given, the git index is read meanwhile on one more thread (<see cref="Git"/>): the answers
    /// are the same, only the time is earlier.
    /// </summary>
    private sealed class CacheLoader
    {
        private readonly Thread? thread;
        private readonly string? gitRoot;
        private readonly object gate = new();
        private ScanCache? cache;
        private System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure;
        private GitLoader? git;
        private volatile bool ready;

        public CacheLoader(string path, string key, bool fileExists, bool background, string? gitRoot)
        {
            this.gitRoot = gitRoot;
            if (!fileExists || !background)
            {
                cache = fileExists ? ScanCache.Load(path, key) : ScanCache.Empty(path, key);
                return;
            }

            thread = new Thread(() =>
            {
                try
                {
                    ScanTrace.ThreadStart();
                    cache = ScanCache.Load(path, key);
                    ScanTrace.ThreadEnd("cache");
                }
                catch (Exception ex)
                {
                    failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
                }
            }, 256 * 1024) { IsBackground = true, Name = "NpmrcBuildCheck cache" };
            thread.Start();
        }

        /// <summary>Whether <see cref="Cache"/> returns at once (a worker with a folder to list should not wait for it).</summary>
        public bool Loaded => ready || thread is null || !thread.IsAlive;

        public ScanCache Cache
        {
            get
            {
                if (!ready)
                {
                    lock (gate)
                    {
                        if (!ready)
                        {
                            thread?.Join();
                            failure?.Throw();
                            ScanTrace.Phase("cache loaded");
                            if (gitRoot is not null && cache!.HasCredentialFindings)
                            {
                                git = new GitLoader(gitRoot);
                            }

                            ready = true;
                        }
                    }
                }

                return cache!;
            }
        }

        /// <summary>The git status read beside the scan, or null (not needed, or reading failed).</summary>
        public GitStatus? Git => git?.Wait();
    }

    /// <summary>
    /// One scan's workers: <see cref="WorkerCount"/> threads (the calling one included) that list
    /// folders (<see cref="TreeWalker.SharedWalk"/>) and, when no folder waits, check and read the listed
    /// files, each into its own native buffer. Reads start while the walk goes on: no thread waits for the
    /// walk to end, nor for a single-threaded pass over every file. Dedicated threads, not the thread pool:
    /// in a fresh MSBuild node the pool starts small and injects threads slowly, and the build's own work runs on it.
    /// </summary>
    private sealed class Pass
    {
        private readonly ScanOptions options;
        private readonly TreeWalker.SharedWalk walk;
        private readonly CacheLoader? loader;
        private readonly ConcurrentQueue<FileWork> listed = new();
        private readonly long racyThreshold = DateTime.UtcNow.Ticks - (2 * TimeSpan.TicksPerSecond);
        private long bytesRead;
        private int cacheHits;
        private Exception? failure;

        public Pass(ScanOptions options, TreeWalker.SharedWalk walk, CacheLoader? loader, int workers)
        {
            this.options = options;
            this.walk = walk;
            this.loader = loader;
            Walked = new WalkResult[workers];
            Done = new List<FileWork>[workers];
        }

        /// <summary>What each worker listed.</summary>
        public WalkResult[] Walked { get; }

        /// <summary>The files each worker checked.</summary>
        public List<FileWork>[] Done { get; }

        public long BytesRead => bytesRead;

        public int CacheHits => cacheHits;

        public void Run()
        {
            var threads = new Thread[Walked.Length - 1];
            for (int t = 0; t < threads.Length; t++)
            {
                int index = t + 1;

                // The default stack size, as the thread pool's: detection parses nested JSON and YAML.
                threads[t] = new Thread(() =>
                {
                    ScanTrace.ThreadStart();
                    Work(index);
                    ScanTrace.ThreadEnd("worker " + index);
                }) { IsBackground = true, Name = "NpmrcBuildCheck scan" };
                threads[t].Start();
            }

            Work(0);
            foreach (var t in threads)
            {
                t.Join();
            }

            if (failure is not null)
            {
                throw new InvalidOperationException("The scan failed.", failure);
            }
        }

        private void Work(int index)
        {
            try
            {
                var walked = Walked[index] = new WalkResult();
                var done = Done[index] = new List<FileWork>();
                var entries = new List<TreeWalker.Entry>(256);
                long bytes = 0;
                int hits = 0;

                // Checks a file; true when it is to be read.
                bool Check(FileWork work)
                {
                    var decision = Classify(work, loader?.Cache, options, racyThreshold);
                    if (decision == Decision.CacheHit)
                    {
                        hits++;
                    }

                    if (decision != Decision.Read)
                    {
                        done.Add(work);
                        return false;
                    }

                    work.Checked = true;
                    return true;
                }

                // Once the cache is there, the worker that lists a folder checks its files; only the files to read
                // go to the queue every worker takes from (a warm scan then queues nothing).
                Action<List<WalkedFile>, int> listedFiles = (files, from) =>
                {
                    bool check = loader is null || loader.Loaded;
                    for (int i = from; i < files.Count; i++)
                    {
                        var work = new FileWork(files[i]);
                        if (!check || Check(work))
                        {
                            listed.Enqueue(work);
                        }
                    }
                };
                var spin = default(SpinWait);
                using (var buffer = new ReadBuffer(MinBufferSize))
                {
                    while (true)
                    {
                        // Folders first: listing one makes more work for every worker.
                        if (walk.TryListOne(walked, entries, listedFiles))
                        {
                            spin.Reset();
                        }
                        else if ((loader is null || loader.Loaded || walk.Done) && listed.TryDequeue(out var work))
                        {
                            spin.Reset();
                            if (work.Checked || Check(work))
                            {
                                bytes += ScanOne(work, options, buffer);
                                if (work.Read && work.Cacheable && loader is not null)
                                {
                                    loader.Cache.Put(work.File.RelativePath, new CachedFile(StampOf(work.File), work.Binary, work.Findings ?? Array.Empty<Finding>()));
                                }

                                done.Add(work);
                            }
                        }
                        else if (walk.Done && listed.IsEmpty)
                        {
                            break;
                        }
                        else
                        {
                            spin.SpinOnce();
                        }
                    }
                }

                Interlocked.Add(ref bytesRead, bytes);
                Interlocked.Add(ref cacheHits, hits);
            }
            catch (Exception ex)
            {
                failure = ex;
                walk.Abort();
            }
        }
    }

    /// <summary>On Unix other than Linux, every file's type is checked before it is opened (one stat each).</summary>
    private static readonly bool TypeCheckBeforeOpen =
        !System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows) &&
        !System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Linux);

    /// <summary>Where the file type cannot be asked (no runtime export), only Windows is known to have no FIFOs or devices in the tree.</summary>
    private static readonly bool UnknownTypesAreSafeToOpen = System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows);

#if NET8_0_OR_GREATER
    private static WalkedFile? TryResolveLink(WalkedFile link)
    {
        try
        {
            if (File.ResolveLinkTarget(link.FullPath, returnFinalTarget: true) is FileInfo { Exists: true } target)
            {
                return new WalkedFile(link.RelativePath, link.FullPath, link.Name, target.Length, target.LastWriteTimeUtc.Ticks, isSymbolicLink: true) { TargetResolved = true };
            }
        }
        catch (Exception)
        {
            // Read it uncached.
        }

        return null;
    }
#endif

    /// <summary>A Linux file name that is not valid UTF-8 decodes with U+FFFD and cannot be opened by that decoded name.</summary>
    private static bool HasUndecodableName(WalkedFile file) => file.RelativePath.IndexOf('\uFFFD') >= 0;

    private static IOException UndecodableName() => new("its name is not valid UTF-8, so it cannot be opened by name");

    /// <summary>Reads one file and runs detection; returns the bytes read. Never throws.</summary>
    private static long ScanOne(FileWork work, ScanOptions options, ReadBuffer buffer)
    {
        var file = work.File;
        long maxFileSize = options.MaxFileSize;
        int length;
        try
        {
            // A link not resolved to its target's size (netstandard2.0) is read to its end, up to the limit.
            length = FileReader.Read(file.FullPath, file.LengthIsExact ? file.Length : -1, maxFileSize, buffer);
        }
        catch (Exception ex) when (ex is FileNotFoundException || (ex is DirectoryNotFoundException && file.IsSymbolicLink))
        {
            if (HasUndecodableName(file))
            {
                work.Findings = new[] { ScanProblems.Unreadable(file.RelativePath, isDirectory: false, UndecodableName()) };
            }

            return 0; // Else deleted since the listing, or a dangling link: nothing to scan.
        }
        catch (Exception ex)
        {
            work.Findings = new[] { ScanProblems.Unreadable(file.RelativePath, isDirectory: false, ex) };
            return 0;
        }

        if (length < 0)
        {
            // Grew past the limit after the listing.
            work.Findings = new[] { ScanProblems.OverSize(file.RelativePath, -(long)length, maxFileSize) };
            return -(long)length;
        }

        work.Read = true;
        switch (ContentScan.Detect(file.RelativePath, file.Name, buffer.Slice(0, length), options.Detector, out var found))
        {
            case ContentScan.Result.Binary:
                work.Binary = true;
                break;
            case ContentScan.Result.Failed:
                work.Counted = true;
                work.Findings = found;
                work.Cacheable = false;
                break;
            default:
                work.Counted = true;
                work.Findings = found;
                break;
        }

        return length;
    }

    /// <summary>
    /// NPMRC009 for credentials in files git ignores and does not track; a history remark for
    /// credentials in tracked files. Git state is computed now, for the few files that need it.
    /// </summary>
    private static void ApplyGitState(string root, List<Finding> findings, GitStatus? preloaded)
    {
        GitStatus? git = null;
        try
        {
            ApplyGitState(root, findings, preloaded, ref git);
        }
        finally
        {
            git?.Dispose();
            if (!ReferenceEquals(preloaded, git))
            {
                preloaded?.Dispose();
            }
        }
    }

    private static void ApplyGitState(string root, List<Finding> findings, GitStatus? preloaded, ref GitStatus? git)
    {
        // Values boxed in a class: Dictionary<string, GitFileState> (a value type) was JIT-compiled in every fresh process.
        var states = new Dictionary<string, StateBox>(StringComparer.Ordinal);
        for (int i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            if (!RuleCatalog.IsCredentialRule(f.Rule))
            {
                continue;
            }

            git ??= preloaded ?? new GitStatus(root);
            if (!git.InWorkTree)
            {
                return;
            }

            GitFileState state;
            if (states.TryGetValue(f.Path, out var box))
            {
                state = box.State;
            }
            else
            {
                try
                {
                    state = git.Get(f.Path);
                }
                catch (Exception)
                {
                    state = GitFileState.Unknown;
                }

                states[f.Path] = new StateBox(state);
            }

            if (state == GitFileState.IgnoredUntracked)
            {
                findings[i] = f with
                {
                    Rule = RuleCatalog.CredentialInIgnoredFile,
                    Text = new FindingMessage(MessageKind.InIgnoredFile, f.Text, f.Rule.Code),
                };
            }
            else if (state == GitFileState.Tracked)
            {
                findings[i] = f with
                {
                    Text = new FindingMessage(MessageKind.InTrackedFile, f.Text),
                };
            }
        }
    }

    private sealed class StateBox
    {
        public StateBox(GitFileState state) => State = state;

        public GitFileState State { get; }
    }

    internal static int CompareFindings(Finding a, Finding b)
    {
        int c = string.CompareOrdinal(a.Path, b.Path);
        if (c != 0)
        {
            return c;
        }

        c = a.Line.CompareTo(b.Line);
        if (c != 0)
        {
            return c;
        }

        c = a.Column.CompareTo(b.Column);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.Rule.Code, b.Rule.Code);
        if (c != 0)
        {
            return c;
        }

        c = a.EndLine.CompareTo(b.EndLine);
        if (c != 0)
        {
            return c;
        }

        c = a.EndColumn.CompareTo(b.EndColumn);
        return c != 0 ? c : string.CompareOrdinal(a.Text.Serialize(), b.Text.Serialize());
    }

    private static string NormalizeDirectory(string path)
    {
        string full = Path.GetFullPath(path);
        string trimmed = full.TrimEnd('/', '\\');
        if (trimmed.Length == 0 || trimmed.EndsWith(":", StringComparison.Ordinal))
        {
            return full;
        }

        return trimmed;
    }
}
