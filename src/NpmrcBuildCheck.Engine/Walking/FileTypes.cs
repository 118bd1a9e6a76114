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
/// this asks libc's <c>fstatat</c> (<see cref="UnixStat"/>). Where it cannot be called
/// (Windows, an unknown <c>struct stat</c> layout, a missing export), the type is "unknown"
/// and the 0-byte entry is simply not opened.
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

    /// <summary>The type of the file (following symbolic links) or <see cref="Kind.Unknown"/>.</summary>
    public static Kind Get(string path)
    {
        if (!UnixStat.Available)
        {
            return Kind.Unknown;
        }

        try
        {
            return UnixStat.TypeOf(path) switch
            {
                -1 => Kind.Missing,
                UnixStat.TypeRegular => Kind.Regular,
                UnixStat.TypeDirectory => Kind.Directory,
                UnixStat.TypeFifo or UnixStat.TypeCharacterDevice or UnixStat.TypeBlockDevice or UnixStat.TypeSocket => Kind.Special,
                _ => Kind.Unknown,
            };
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            UnixStat.Disable();
            return Kind.Unknown;
        }
    }
}
