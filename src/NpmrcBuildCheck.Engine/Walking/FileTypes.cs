using System;
using System.Runtime.InteropServices;

namespace NpmrcBuildCheck.Walking;

/// <summary>
/// Tells special files (FIFOs, sockets, devices) from regular ones without opening them
/// (opening a FIFO for reading blocks until a writer comes).
/// <para>
/// The scanner only ever opens files whose listed size is above 0, and on Linux a FIFO,
/// socket or device always lists with size 0, so none is ever opened. For the 0-byte
/// entries (normally empty files: nothing to read) this class asks for the file type so a
/// special file can be reported (NPMRC900). .NET has no public API for the file type, so
/// on .NET (Core) on Unix it calls the runtime's own <c>SystemNative_Stat</c> export, whose
/// <c>FileStatus</c> starts with two 32-bit fields, Flags and Mode, and whose Mode uses
/// the runtime's fixed S_IF* values (not the OS's), the same on every Unix. If that export
/// is missing (Mono, .NET Framework), the type is "unknown" and the 0-byte entry is simply
/// not opened.
/// </para>
/// </summary>
internal static class FileTypes
{
    public enum Kind
    {
        Unknown,
        Regular,
        Directory,
        Special,
        Missing,
    }

    private const int TypeMask = 0xF000;
    private const int TypeFifo = 0x1000;
    private const int TypeCharacterDevice = 0x2000;
    private const int TypeDirectory = 0x4000;
    private const int TypeBlockDevice = 0x6000;
    private const int TypeRegular = 0x8000;
    private const int TypeSocket = 0xC000;

    private static bool nativeUnavailable = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>The type of the file (following symbolic links) or <see cref="Kind.Unknown"/>.</summary>
    public static Kind Get(string path)
    {
        if (nativeUnavailable)
        {
            return Kind.Unknown;
        }

        try
        {
            // Generous buffer: the struct is ~120 bytes on current runtimes; only the first 8 are read.
            var status = new StatusBuffer();
            if (Stat(path, ref status) != 0)
            {
                return Kind.Missing;
            }

            return (status.Mode & TypeMask) switch
            {
                TypeRegular => Kind.Regular,
                TypeDirectory => Kind.Directory,
                TypeFifo or TypeCharacterDevice or TypeBlockDevice or TypeSocket => Kind.Special,
                _ => Kind.Unknown,
            };
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or MarshalDirectiveException)
        {
            nativeUnavailable = true;
            return Kind.Unknown;
        }
    }

    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct StatusBuffer
    {
        public int Flags;
        public int Mode;
    }

    private static unsafe int Stat(string path, ref StatusBuffer output)
    {
        byte[] bytes = new byte[System.Text.Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
        System.Text.Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0);
        fixed (byte* p = bytes)
        fixed (StatusBuffer* o = &output)
        {
            // Pointers only: no marshalling stub to generate (this runs in a fresh process on every build).
            return NativeStat(p, o);
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern unsafe int NativeStat(byte* nulTerminatedUtf8Path, StatusBuffer* output);
}
