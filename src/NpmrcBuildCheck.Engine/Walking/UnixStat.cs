using System;
using System.Runtime.InteropServices;

namespace NpmrcBuildCheck.Walking;

/// <summary>
/// libc's <c>fstatat</c>, a public and stable C call (POSIX), and where its <c>struct stat</c> keeps
/// the fields the walker reads. Known layouts: 64-bit Linux (glibc 2.33+ and musl export the
/// symbol; <c>st_mode</c> is a 32-bit field at 24 on x64, 16 on arm64; <c>st_size</c> at 48;
/// <c>st_mtim</c> at 88/96) and macOS (64-bit inodes: <c>st_mode</c> is a 16-bit field at 4;
/// the x64 symbol is <c>fstatat$INODE64</c>). Elsewhere <see cref="Available"/> is false and
/// callers use .NET's APIs.
/// </summary>
internal static unsafe class UnixStat
{
    /// <summary>Bytes to reserve for a <c>struct stat</c> (144 on Linux x64/macOS, 128 on Linux arm64).</summary>
    public const int BufferSize = 256;

    public const int SymlinkNoFollow = 0x100;

    public const int TypeMask = 0xF000;
    public const int TypeFifo = 0x1000;
    public const int TypeCharacterDevice = 0x2000;
    public const int TypeDirectory = 0x4000;
    public const int TypeBlockDevice = 0x6000;
    public const int TypeRegular = 0x8000;
    public const int TypeLink = 0xA000;
    public const int TypeSocket = 0xC000;

    private static readonly bool IsLinux = RuntimeInformation.IsOSPlatform(OSPlatform.Linux);
    private static readonly bool IsMac = RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

    /// <summary>Offset of <c>st_mode</c>, or -1 where the layout is not known.</summary>
    private static readonly int ModeOffset = IntPtr.Size != 8 ? -1
        : IsLinux ? RuntimeInformation.ProcessArchitecture switch { Architecture.X64 => 24, Architecture.Arm64 => 16, _ => -1 }
        : IsMac ? 4
        : -1;

    /// <summary>The "current folder" descriptor: a relative path is then resolved as by <c>stat</c>.</summary>
    private static readonly int CurrentDirectory = IsMac ? -2 : -100;

    private static bool available = ModeOffset > 0;

    public static bool Available => available;

    /// <summary>Linux only: size and modification time are read at the Linux offsets.</summary>
    public static bool HasLinuxLayout => available && IsLinux;

    /// <summary>The type bits of <c>st_mode</c> in <paramref name="stat"/> (S_IF*, the same values on Linux and macOS).</summary>
    public static int Type(byte* stat) => (IsMac ? *(ushort*)(stat + ModeOffset) : *(int*)(stat + ModeOffset)) & TypeMask;

    /// <summary><c>st_size</c> (Linux layout).</summary>
    public static long Size(byte* stat) => *(long*)(stat + 48);

    /// <summary><c>st_mtim</c> seconds and nanoseconds (Linux layout).</summary>
    public static long ModifiedSeconds(byte* stat) => *(long*)(stat + 88);

    public static long ModifiedNanoseconds(byte* stat) => *(long*)(stat + 96);

    /// <summary><c>st_ctim</c> seconds (Linux layout): the change time git's index also compares.</summary>
    public static long ChangedSeconds(byte* stat) => *(long*)(stat + 104);

    public static long ChangedNanoseconds(byte* stat) => *(long*)(stat + 112);

    /// <summary><c>st_ino</c> (Linux layout).</summary>
    public static long Inode(byte* stat) => *(long*)(stat + 8);

    /// <summary><c>fstatat(dirFd, name, stat, flags)</c>: 0 on success.</summary>
    public static int At(int directoryFd, byte* nulTerminatedUtf8Name, byte* stat, int flags) =>
        IsMac && RuntimeInformation.ProcessArchitecture == Architecture.X64
            ? FStatAtMacX64(directoryFd, nulTerminatedUtf8Name, stat, flags)
            : FStatAt(directoryFd, nulTerminatedUtf8Name, stat, flags);

    /// <summary>The type of <paramref name="path"/> (links followed), or -1 if it cannot be stat-ed; throws if libc cannot be called.</summary>
    public static int TypeOf(string path)
    {
        int max = System.Text.Encoding.UTF8.GetMaxByteCount(path.Length) + 1;
        byte[] bytes = new byte[max];
        System.Text.Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0);
        byte* stat = stackalloc byte[BufferSize];
        fixed (byte* p = bytes)
        {
            return At(CurrentDirectory, p, stat, 0) == 0 ? Type(stat) : -1;
        }
    }

    /// <summary>After a missing export (old glibc, another libc): every caller uses .NET's APIs from then on.</summary>
    public static void Disable() => available = false;

    // Pointers only: blittable, no marshalling stub to generate (this runs in a fresh process on every build).
    [DllImport("libc", EntryPoint = "fstatat")]
    private static extern int FStatAt(int directoryFd, byte* name, byte* stat, int flags);

    [DllImport("libc", EntryPoint = "fstatat$INODE64")]
    private static extern int FStatAtMacX64(int directoryFd, byte* name, byte* stat, int flags);
}
