using System;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;
#if NET8_0_OR_GREATER
using Microsoft.Win32.SafeHandles;
#endif

namespace NpmrcBuildCheck.Scanning;

/// <summary>
/// Reads a whole file into a reused buffer with as few system calls as possible.
/// <para>
/// On Linux it calls libc directly: <c>open(O_RDONLY|O_NONBLOCK|O_NOCTTY|O_CLOEXEC)</c>,
/// <c>read</c> until the listed size, <c>close</c>. .NET's own file opening adds an
/// advisory <c>flock</c>/unlock pair and an <c>fstat</c> per file (about half of the system
/// calls of a cold scan), and <c>O_NONBLOCK</c> also means a file swapped for a FIFO after
/// the listing cannot block the open. Elsewhere (and if libc cannot be called) it uses
/// <c>File.OpenHandle</c>/<c>RandomAccess</c> (net8.0) or <c>FileStream</c> (netstandard2.0).
/// </para>
/// A file is read up to its listed size, not to its end: one read call for most files. A
/// file that grew since the listing is read as it was listed; the next scan sees the change.
/// </summary>
internal static class FileReader
{
    private const int LinuxReadOnly = 0;
    private const int LinuxNoCtty = 0x100;
    private const int LinuxNonBlock = 0x800;
    private const int LinuxCloseOnExec = 0x80000;

    private static bool useLibc = RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

    /// <summary>
    /// Reads <paramref name="expectedLength"/> bytes (or, when it is -1, up to the end) into
    /// <paramref name="buffer"/> and returns the count read; minus the count when the file is over
    /// <paramref name="maxFileSize"/>. <paramref name="managed"/> uses .NET's file APIs even on Linux (tests compare the two).
    /// </summary>
    public static int Read(string path, long expectedLength, long maxFileSize, ReadBuffer buffer, bool managed = false)
    {
        bool toEnd = expectedLength < 0;
        long want = toEnd ? Math.Min(maxFileSize + 1, 64 * 1024) : Math.Min(expectedLength, maxFileSize + 1);
        buffer.EnsureCapacity(want, 0);
        if (useLibc && !managed)
        {
            try
            {
                return ReadLinux(path, toEnd, (int)want, maxFileSize, buffer);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                useLibc = false;
            }
        }

        return ReadManaged(path, toEnd, (int)want, maxFileSize, buffer);
    }

    private static unsafe int ReadLinux(string path, bool toEnd, int want, long maxFileSize, ReadBuffer buffer)
    {
        int max = System.Text.Encoding.UTF8.GetMaxByteCount(path.Length) + 1;
        byte* name = stackalloc byte[max <= 4096 ? max : 1];
        byte[]? large = max <= 4096 ? null : new byte[max];
        int fd;
        fixed (char* chars = path)
        fixed (byte* largeName = large)
        {
            byte* target = large is null ? name : largeName;
            int written = System.Text.Encoding.UTF8.GetBytes(chars, path.Length, target, max);
            target[written] = 0;
            const int Flags = LinuxReadOnly | LinuxNonBlock | LinuxNoCtty | LinuxCloseOnExec;
            fd = Open(target, Flags);
            if (fd < 0)
            {
                // Failed: again through the errno-saving stub (made only now), for the reason.
                fd = OpenSavingErrno(target, Flags);
                if (fd < 0)
                {
                    throw ErrorFor(Marshal.GetLastWin32Error(), path);
                }
            }
        }

        try
        {
            int total = 0;
            while (true)
            {
                if (total == want && IsDone(toEnd, maxFileSize, total, ref want, buffer, out int result))
                {
                    return result;
                }

                long n = (long)Read(fd, buffer.Pointer + total, (IntPtr)(want - total));
                if (n < 0)
                {
                    // Again through the errno-saving stub: a failed read changes nothing, so asking twice is safe.
                    n = (long)ReadSavingErrno(fd, buffer.Pointer + total, (IntPtr)(want - total));
                }

                if (n < 0)
                {
                    int errno = Marshal.GetLastWin32Error();
                    if (errno == 4)
                    {
                        continue; // EINTR
                    }

                    if (errno == 11)
                    {
                        return total; // EAGAIN: a FIFO or device with nothing to read; never wait.
                    }

                    throw ErrorFor(errno, path);
                }

                if (n == 0)
                {
                    return total;
                }

                total += (int)n;
            }
        }
        finally
        {
            NativeClose(fd);
        }
    }

    private static int ReadManaged(string path, bool toEnd, int want, long maxFileSize, ReadBuffer buffer)
    {
#if NET8_0_OR_GREATER
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
#else
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
        byte[] chunk = Chunk ??= new byte[64 * 1024];
#endif
        int total = 0;
        while (true)
        {
            if (total == want && IsDone(toEnd, maxFileSize, total, ref want, buffer, out int result))
            {
                return result;
            }

#if NET8_0_OR_GREATER
            int n = RandomAccess.Read(handle, buffer.Slice(total, want - total), total);
#else
            int n = stream.Read(chunk, 0, Math.Min(chunk.Length, want - total));
            chunk.AsSpan(0, Math.Max(n, 0)).CopyTo(buffer.Slice(total, want - total));
#endif
            if (n <= 0)
            {
                return total;
            }

            total += n;
        }
    }

#if !NET8_0_OR_GREATER
    /// <summary>netstandard2.0 has no span reads from a stream: bytes pass through this per-thread array.</summary>
    [ThreadStatic]
    private static byte[]? Chunk;
#endif

    /// <summary>
    /// Called when the buffer is full: done when reading only the listed size, or (minus the
    /// count) when the file passed the size limit; otherwise the buffer grows for more.
    /// </summary>
    private static bool IsDone(bool toEnd, long maxFileSize, int total, ref int want, ReadBuffer buffer, out int result)
    {
        result = toEnd ? -total : total;
        if (!toEnd || total > maxFileSize)
        {
            return true;
        }

        want = (int)Math.Min((long)want * 2, maxFileSize + 1);
        buffer.EnsureCapacity(want, total);
        return false;
    }

    private static Exception ErrorFor(int errno, string path) => errno switch
    {
        2 => new FileNotFoundException("not found", path),
        13 or 1 => new UnauthorizedAccessException("access denied"),
        36 => new PathTooLongException("path too long"),
        _ => new IOException(new Win32Exception(errno).Message + " (errno " + errno + ")"),
    };

    // Every call is blittable and saves no errno, so the runtime calls libc inline with no marshalling stub
    // to compile in each fresh MSBuild node; only after a failure is the errno-saving variant called (and compiled).
    [DllImport("libc", EntryPoint = "open")]
    private static extern unsafe int Open(byte* nulTerminatedUtf8Path, int flags);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern unsafe int OpenSavingErrno(byte* nulTerminatedUtf8Path, int flags);

    [DllImport("libc", EntryPoint = "read")]
    private static extern unsafe IntPtr Read(int fd, byte* buffer, IntPtr count);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    private static extern unsafe IntPtr ReadSavingErrno(int fd, byte* buffer, IntPtr count);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int NativeClose(int fd);
}
