using System;
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
/// Walks a tree (pruning as it goes), reads each candidate file once (in parallel, into a
/// reused buffer), runs <see cref="ContentDetector.Detect"/>, serves unchanged files from the
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
        try
        {
            return ScanCore(options, stopwatch);
        }
        catch (Exception ex)
        {
            return new ScanResult(new[] { ScanProblemFindings.Internal(string.Empty, ex) }, 0, 0, stopwatch.Elapsed, Array.Empty<string>());
        }
    }

    /// <summary>What became of one listed file. A struct in one array: no object per file.</summary>
    private struct Outcome
    {
        public Finding[]? Findings;
        public bool Binary;
        public bool Read;
        public bool Counted;
        public bool Cacheable;
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
        int workers = options.Workers;
        ScanCache? cache = null;
        CacheLoader? loader = null;
        if (!string.IsNullOrWhiteSpace(options.CacheDirectory))
        {
            string cacheDirectory = NormalizeDirectory(Path.IsPathRooted(options.CacheDirectory!) ? options.CacheDirectory! : Path.Combine(root, options.CacheDirectory!));
            pruned.Add(cacheDirectory);
            string detector = options.Detector is null ? string.Empty : "\ndetector=" + options.Detector.Method.DeclaringType?.FullName + "." + options.Detector.Method.Name;
            string key = ScanCache.KeyFor(options.SettingsKey + detector);
            ScanTrace.Phase("key");
            if (workers > 1)
            {
                // The cache is not needed before the walk ends: read and parse it meanwhile.
                loader = new CacheLoader(cacheDirectory, key);
            }
            else
            {
                cache = ScanCache.Load(cacheDirectory, key);
            }
        }

        var walk = TreeWalker.Walk(root, new ExcludeFilter(options.ExcludeGlobs, PruneRules.IgnoreCase), pruned, workers);
        ScanTrace.Phase("walked");
        if (loader is not null)
        {
            cache = loader.Wait();
            ScanTrace.Phase("cache loaded");
        }

        // A cached credential finding will ask for git state at the end: read the index now, on the core the
        // single-threaded per-file checks leave free. The answers are the same; only the time is earlier.
        GitLoader? gitLoader = options.UseGit && workers > 1 && cache is { HasCredentialFindings: true } ? new GitLoader(root) : null;
        ScanTrace.Phase("walked");
        var files = walk.Files;
        var outcomes = new Outcome[files.Count];
        var toRead = new List<int>();
        var findings = new List<Finding>(walk.Problems);
        int cacheHits = Classify(files, outcomes, toRead, cache, options);
        ScanTrace.Phase("classified");
        long bytesRead = ReadAll(files, outcomes, toRead, options);

        ScanTrace.Phase("read");
        int scanned = Merge(files, outcomes, findings, cache, out int binary);
        ScanTrace.Phase("merged");
        cache?.Save();
        cache?.Dispose();
        ScanTrace.Phase("saved");

        GitStatus? preloaded = gitLoader?.Wait();
        if (options.UseGit)
        {
            ApplyGitState(root, findings, preloaded);
        }

        ScanTrace.Phase("git");
        findings.Sort(CompareFindings);
        walk.ProjectDirectories.Sort(StringComparer.Ordinal);
        return new ScanResult(findings, scanned, bytesRead, stopwatch.Elapsed, walk.ProjectDirectories)
        {
            CacheHits = cacheHits,
            BinaryFilesSkipped = binary,
            DirectoriesListed = walk.DirectoriesListed,
            CacheProblem = cache?.Problem,
        };
    }

    /// <summary>
    /// Decides for each listed file: skipped, served from the cache, or to be read. Runs over every
    /// file on every build, mostly in a fresh process.
    /// </summary>
    private static int Classify(List<WalkedFile> files, Outcome[] outcomes, List<int> toRead, ScanCache? cache, ScanOptions options)
    {
        int cacheHits = 0;
        long racyThreshold = DateTime.UtcNow.Ticks - (2 * TimeSpan.TicksPerSecond);
        for (int i = 0; i < files.Count; i++)
        {
            var file = files[i];
            ref Outcome outcome = ref outcomes[i];
            if (file.IsSymbolicLink)
            {
                // A link's listed size and time are the link's own, not its target's: ask the target's type
                // (never open a FIFO or device), then read it with its real size, always (never from the cache).
                switch (FileTypes.Get(file.FullPath))
                {
                    case FileTypes.Kind.Special:
                        outcome.Findings = new[] { ScanProblems.Special(file.RelativePath) };
                        continue;
                    case FileTypes.Kind.Missing:
                    case FileTypes.Kind.Directory:
                        continue; // Dangling link or a link loop: nothing to scan.
                    case FileTypes.Kind.Unknown when !UnknownTypesAreSafeToOpen:
                        continue;
                }

#if NET8_0_OR_GREATER
                if (TryResolveLink(file) is { } resolved)
                {
                    // Size and time of the final target: the link is then cached like any file.
                    file = files[i] = resolved;
                }
                else
#endif
                {
                    if (ContentScan.IsBinaryByName(file.Name))
                    {
                        outcome.Binary = true;
                        continue;
                    }

                    toRead.Add(i);
                    continue;
                }
            }

            // Binary by name first: a large image or package is skipped quietly, not reported as over the size limit.
            if (ContentScan.IsBinaryByName(file.Name))
            {
                outcome.Binary = true;
                continue;
            }

            if (file.Length > options.MaxFileSize)
            {
                outcome.Findings = new[] { ScanProblems.OverSize(file.RelativePath, file.Length, options.MaxFileSize) };
                continue;
            }

            if (file.Length == 0)
            {
                // Never opened: on Linux FIFOs, sockets and devices list with size 0, and an empty file holds nothing.
                switch (FileTypes.Get(file.FullPath))
                {
                    case FileTypes.Kind.Special:
                        outcome.Findings = new[] { ScanProblems.Special(file.RelativePath) };
                        break;
                    case FileTypes.Kind.Missing when HasUndecodableName(file):
                        outcome.Findings = new[] { ScanProblems.Unreadable(file.RelativePath, isDirectory: false, UndecodableName()) };
                        break;
                    case FileTypes.Kind.Missing:
                        break; // A dangling link, or deleted since the listing: nothing to scan.
                    default:
                        outcome.Counted = true;
                        break;
                }

                continue;
            }

            if (cache is not null && cache.TryGet(file.RelativePrefix, file.RelativeLeaf, new FileStamp(file.Length, file.LastWriteTicks, file.ChangeTicks, file.Inode), out bool cachedBinary, out var cachedFindings))
            {
                cacheHits++;
                outcome.Binary = cachedBinary;
                outcome.Counted = !cachedBinary;
                outcome.Findings = cachedFindings;
                continue;
            }

            if (TypeCheckBeforeOpen && FileTypes.Get(file.FullPath) == FileTypes.Kind.Special)
            {
                // Not Linux: a FIFO may list with a size above 0 (macOS counts buffered bytes) and opening it could block.
                outcome.Findings = new[] { ScanProblems.Special(file.RelativePath) };
                continue;
            }

            // A time with no sub-second part, very recent, may come from a coarse file system: a change within the same tick would go unseen.
            outcome.Cacheable = !(file.LastWriteTicks % TimeSpan.TicksPerSecond == 0 && file.LastWriteTicks >= racyThreshold);
            toRead.Add(i);
        }


        return cacheHits;
    }

    /// <summary>Counts and gathers the outcomes, and puts what was read into the cache.</summary>
    private static int Merge(List<WalkedFile> files, Outcome[] outcomes, List<Finding> findings, ScanCache? cache, out int binary)
    {
        int scanned = 0;
        binary = 0;
        for (int i = 0; i < files.Count; i++)
        {
            ref Outcome outcome = ref outcomes[i];
            if (outcome.Counted)
            {
                scanned++;
            }

            if (outcome.Binary)
            {
                binary++;
            }

            if (outcome.Findings is not null)
            {
                findings.AddRange(outcome.Findings);
            }

            if (cache is not null && outcome.Read && outcome.Cacheable)
            {
                cache.Put(files[i].RelativePath, new CachedFile(new FileStamp(files[i].Length, files[i].LastWriteTicks, files[i].ChangeTicks, files[i].Inode), outcome.Binary, outcome.Findings ?? Array.Empty<Finding>()));
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

    /// <summary>Loads the cache on its own thread; <see cref="Wait"/> returns it or rethrows what loading threw.</summary>
    private sealed class CacheLoader
    {
        private readonly Thread thread;
        private ScanCache? cache;
        private System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure;

        public CacheLoader(string directory, string key)
        {
            thread = new Thread(() =>
            {
                try
                {
                    cache = ScanCache.Load(directory, key);
                }
                catch (Exception ex)
                {
                    failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
                }
            }, 256 * 1024) { IsBackground = true, Name = "NpmrcBuildCheck cache" };
            thread.Start();
        }

        public ScanCache Wait()
        {
            thread.Join();
            failure?.Throw();
            return cache!;
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

    /// <summary>
    /// Reads and checks the files to read on <see cref="ScanOptions.Workers"/> threads (the calling
    /// thread is one), each taking the next file in turn and reading into its own native buffer.
    /// Dedicated threads, not the thread pool: in a fresh MSBuild node the pool starts small and
    /// injects threads slowly, and the build's own work runs on it.
    /// </summary>
    private static long ReadAll(List<WalkedFile> files, Outcome[] outcomes, List<int> toRead, ScanOptions options)
    {
        if (toRead.Count == 0)
        {
            return 0;
        }

        long total = 0;
        int next = -1;
        Exception? failure = null;
        void Work()
        {
            try
            {
                long bytes = 0;
                using (var buffer = new ReadBuffer(MinBufferSize))
                {
                    for (int k = Interlocked.Increment(ref next); k < toRead.Count; k = Interlocked.Increment(ref next))
                    {
                        int i = toRead[k];
                        bytes += ScanOne(files[i], ref outcomes[i], options, buffer);
                    }
                }

                Interlocked.Add(ref total, bytes);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }

        var threads = new Thread[Math.Min(options.Workers, (toRead.Count + 7) / 8) - 1];
        for (int t = 0; t < threads.Length; t++)
        {
            // The default stack size, as the thread pool's: detection parses nested JSON and YAML.
            threads[t] = new Thread(Work) { IsBackground = true, Name = "NpmrcBuildCheck read" };
            threads[t].Start();
        }

        Work();
        foreach (var t in threads)
        {
            t.Join();
        }

        if (failure is not null)
        {
            throw new InvalidOperationException("Reading failed.", failure);
        }

        return total;
    }

    /// <summary>Reads one file and runs detection; returns the bytes read. Never throws.</summary>
    private static long ScanOne(WalkedFile file, ref Outcome outcome, ScanOptions options, ReadBuffer buffer)
    {
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
                outcome.Findings = new[] { ScanProblems.Unreadable(file.RelativePath, isDirectory: false, UndecodableName()) };
            }

            return 0; // Else deleted since the listing, or a dangling link: nothing to scan.
        }
        catch (Exception ex)
        {
            outcome.Findings = new[] { ScanProblems.Unreadable(file.RelativePath, isDirectory: false, ex) };
            return 0;
        }

        if (length < 0)
        {
            // Grew past the limit after the listing.
            outcome.Findings = new[] { ScanProblems.OverSize(file.RelativePath, -(long)length, maxFileSize) };
            return -(long)length;
        }

        outcome.Read = true;
        switch (ContentScan.Detect(file.RelativePath, file.Name, buffer.Slice(0, length), options.Detector, out var found))
        {
            case ContentScan.Result.Binary:
                outcome.Binary = true;
                break;
            case ContentScan.Result.Failed:
                outcome.Counted = true;
                outcome.Findings = found;
                outcome.Cacheable = false;
                break;
            default:
                outcome.Counted = true;
                outcome.Findings = found;
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
