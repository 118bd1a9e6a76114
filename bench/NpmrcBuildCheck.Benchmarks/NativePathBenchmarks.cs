using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NpmrcBuildCheck.Scanning;
using NpmrcBuildCheck.Walking;

namespace NpmrcBuildCheck.Benchmarks;

/// <summary>
/// The figures behind the two native paths that stay (bench/README.md): listing every folder of
/// the tree with libc (opendir/readdir/fstatat) against .NET's enumerator, and reading every
/// candidate file with libc (open/read/close) against File.OpenHandle + RandomAccess.Read, on
/// the tree named by NPMRC_BENCH_TREE (default /work/bench-tree).
/// Run: dotnet run -c Release --project bench/NpmrcBuildCheck.Benchmarks -- --filter '*NativePathBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class NativePathBenchmarks
{
    private string[] folders = Array.Empty<string>();
    private (string Path, long Length)[] files = Array.Empty<(string, long)>();
    private ReadBuffer buffer = null!;

    [GlobalSetup]
    public void Setup()
    {
        string root = Environment.GetEnvironmentVariable("NPMRC_BENCH_TREE") ?? "/work/bench-tree";
        var walk = TreeWalker.Walk(root, new ExcludeFilter(Array.Empty<string>(), false), Array.Empty<string>());
        folders = walk.Files.Select(f => Path.GetDirectoryName(f.FullPath)!).Distinct(StringComparer.Ordinal).ToArray();
        files = walk.Files.Where(f => f.Length > 0 && !f.IsSymbolicLink && !BinaryFiles.HasBinaryExtension(f.Name)).Select(f => (f.FullPath, f.Length)).ToArray();
        buffer = new ReadBuffer(64 * 1024);
    }

    [GlobalCleanup]
    public void Cleanup() => buffer.Dispose();

    [Benchmark]
    public int ListLibc() => List(managed: false);

    [Benchmark]
    public int ListManaged() => List(managed: true);

    [Benchmark]
    public long ReadLibc() => Read(managed: false);

    [Benchmark]
    public long ReadManaged() => Read(managed: true);

    private int List(bool managed)
    {
        int entries = 0;
        foreach (string folder in folders)
        {
            entries += TreeWalker.ListForTest(folder, managed).Count;
        }

        return entries;
    }

    private long Read(bool managed)
    {
        long bytes = 0;
        foreach (var (path, length) in files)
        {
            bytes += FileReader.Read(path, length, ScanOptions.DefaultMaxFileSize, buffer, managed);
        }

        return bytes;
    }
}
