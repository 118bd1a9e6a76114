#if NET8_0_OR_GREATER
using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;

namespace NpmrcBuildCheck.Walking;

/// <summary>
/// Lists a folder on 64-bit Linux with libc's <c>opendir</c>/<c>readdir</c> and one
/// <c>fstatat(dirfd, name, AT_SYMLINK_NOFOLLOW)</c> per file. .NET's enumerator builds each
/// entry's full path and runs a path-based <c>lstat</c> plus a <c>geteuid</c> per entry; this
/// one stats relative to the open folder (no path walk in the kernel) and allocates only the
/// name. Folders are known from <c>d_type</c> without a stat. Used for x64 and arm64 glibc/musl,
/// whose <c>struct dirent</c> (d_type at 18, name at 19) and <c>struct stat</c> (<see cref="UnixStat"/>)
/// share these offsets. Anything else, or a missing export (glibc before 2.33 has no
/// <c>fstatat</c> symbol), falls back to .NET's enumerator.
/// </summary>
internal static class LinuxDirectoryReader
{
    private const byte TypeUnknown = 0;
    private const byte TypeDirectory = 4;
    private const byte TypeLink = 10;

    private static bool enabled = UnixStat.HasLinuxLayout
        && Environment.GetEnvironmentVariable("NPMRCBUILDCHECK_MANAGED_WALK") != "1";

    public static bool Enabled => enabled;

    public static void Disable() => enabled = false;

    /// <summary>Adds the folder's entries (not "." or "..") to <paramref name="into"/>.</summary>
    /// <remarks>
    /// Runs on every build, mostly in a fresh process: precompiled in the package's ReadyToRun images, and
    /// every P/Invoke is blittable (pointers only), so libc is called inline without marshalling stubs.
    /// </remarks>
    public static unsafe void List(string directory, List<TreeWalker.Entry> into, List<TreeWalker.Entry>? spare)
    {
        int max = System.Text.Encoding.UTF8.GetMaxByteCount(directory.Length) + 1;
        byte[]? rented = null;
        Span<byte> path = max <= 1024 ? stackalloc byte[1024] : (rented = new byte[max]);
        int written = System.Text.Encoding.UTF8.GetBytes(directory.AsSpan(), path);
        path[written] = 0;
        IntPtr dir;
        int errno = 0;
        fixed (byte* p = path)
        {
            dir = OpenDirFast(p);
            if (dir == IntPtr.Zero)
            {
                // Failed: again through the errno-saving stub (made only now), for the reason.
                dir = OpenDir(p);
                errno = Marshal.GetLastPInvokeError();
            }
        }

        if (dir == IntPtr.Zero)
        {
            throw errno switch
            {
                13 or 1 => new UnauthorizedAccessException("access denied"),
                2 => new DirectoryNotFoundException("not found"),
                36 => new PathTooLongException("path too long"),
                _ => new IOException(new Win32Exception(errno).Message + " (errno " + errno + ")"),
            };
        }

        try
        {
            int fd = DirFd(dir);
            byte* stat = stackalloc byte[UnixStat.BufferSize];
            while (true)
            {
                byte* entry = (byte*)ReadDir(dir);
                if (entry == null)
                {
                    break;
                }

                byte* namePointer = entry + 19;
                if (namePointer[0] == (byte)'.' && (namePointer[1] == 0 || (namePointer[1] == (byte)'.' && namePointer[2] == 0)))
                {
                    continue;
                }

                int nameLength = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(namePointer).Length;
                string name = System.Text.Encoding.UTF8.GetString(namePointer, nameLength);
                byte type = entry[18];
                if (type == TypeDirectory)
                {
                    into.Add(Take(spare).Set(name, true, false, 0, 0));
                    continue;
                }

                long length = 0;
                long ticks = 0;
                long changeTicks = 0;
                long inode = 0;
                bool isLink = type == TypeLink;
                bool isDirectory = false;
                if (UnixStat.At(fd, namePointer, stat, UnixStat.SymlinkNoFollow) == 0)
                {
                    int mode = UnixStat.Type(stat);
                    isLink = mode == UnixStat.TypeLink;
                    isDirectory = mode == UnixStat.TypeDirectory;
                    length = UnixStat.Size(stat);
                    ticks = ToTicks(UnixStat.ModifiedSeconds(stat), UnixStat.ModifiedNanoseconds(stat));
                    changeTicks = ToTicks(UnixStat.ChangedSeconds(stat), UnixStat.ChangedNanoseconds(stat));
                    inode = UnixStat.Inode(stat);
                    if (isLink && UnixStat.At(fd, namePointer, stat, 0) == 0)
                    {
                        // A link to a folder is reported as a folder link (not followed); to a file, as a file link.
                        isDirectory = UnixStat.Type(stat) == UnixStat.TypeDirectory;
                    }
                }
                else if (type == TypeUnknown)
                {
                    isDirectory = Directory.Exists(Path.Combine(directory, name));
                }

                into.Add(Take(spare).Set(name, isDirectory, isLink, length, ticks, changeTicks, inode));
            }
        }
        finally
        {
            _ = CloseDir(dir);
        }
    }

    private static TreeWalker.Entry Take(List<TreeWalker.Entry>? spare)
    {
        if (spare is null || spare.Count == 0)
        {
            return new TreeWalker.Entry(string.Empty, false, false, 0, 0);
        }

        var entry = spare[spare.Count - 1];
        spare.RemoveAt(spare.Count - 1);
        return entry;
    }

    private const long UnixEpochTicks = 621355968000000000;
    private const long MinUnixSeconds = -62135596800;
    private const long MaxUnixSeconds = 253402300799;

    /// <summary>What <c>DateTimeOffset.FromUnixTimeSeconds(seconds).UtcTicks + nanoseconds / 100</c> gives (and throws), without its call.</summary>
    private static long ToTicks(long seconds, long nanoseconds)
    {
        if (seconds < MinUnixSeconds || seconds > MaxUnixSeconds)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcTicks + (nanoseconds / 100);
        }

        return (seconds * TimeSpan.TicksPerSecond) + UnixEpochTicks + (nanoseconds / 100);
    }

    [DllImport("libc", EntryPoint = "opendir")]
    private static extern unsafe IntPtr OpenDirFast(byte* nulTerminatedUtf8Path);

    [DllImport("libc", EntryPoint = "opendir", SetLastError = true)]
    private static extern unsafe IntPtr OpenDir(byte* nulTerminatedUtf8Path);

    [DllImport("libc", EntryPoint = "readdir")]
    private static extern IntPtr ReadDir(IntPtr dir);

    [DllImport("libc", EntryPoint = "closedir")]
    private static extern int CloseDir(IntPtr dir);

    [DllImport("libc", EntryPoint = "dirfd")]
    private static extern int DirFd(IntPtr dir);
}
#endif
