using System;
using System.IO;
#if NET8_0_OR_GREATER
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
#endif

namespace NpmrcBuildCheck.Caching;

/// <summary>
/// A whole file read into memory outside the GC heap (net8.0): the cache file and the git index
/// (1-3 MB each for a 19k-file tree) are read on every build, and as managed arrays they went to
/// the large object heap, whose budget then triggered a full (gen2) collection of the host's
/// heap: tens of milliseconds inside MSBuild. netstandard2.0 reads into an array as before.
/// Dispose frees the memory; a finalizer does if Dispose was missed.
/// </summary>
internal sealed unsafe class FileBytes : IDisposable
{
    private byte* pointer;
    private readonly byte[]? array;

    private FileBytes(byte* pointer, int length)
    {
        this.pointer = pointer;
        Length = length;
    }

    private FileBytes(byte[] array)
    {
        this.array = array;
        Length = array.Length;
    }

    ~FileBytes()
    {
        Free();
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span
    {
        get
        {
            if (array is not null)
            {
                return array;
            }

            if (pointer == null)
            {
                throw new ObjectDisposedException(nameof(FileBytes));
            }

            return new ReadOnlySpan<byte>(pointer, Length);
        }
    }

    /// <summary>Bytes already in an array.</summary>
    public static FileBytes Wrap(byte[] array) => new(array);

    /// <summary>The file's bytes (what File.ReadAllBytes gives); throws as it does.</summary>
    public static FileBytes Read(string path)
    {
#if NET8_0_OR_GREATER
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        long size = RandomAccess.GetLength(handle);
        if (size <= 0 || size > int.MaxValue / 2)
        {
            return new FileBytes(File.ReadAllBytes(path));
        }

        int length = (int)size;
        byte* memory = (byte*)NativeMemory.Alloc((nuint)length + 1);
        try
        {
            var span = new Span<byte>(memory, length + 1);
            int total = 0;
            while (total <= length)
            {
                int n = RandomAccess.Read(handle, span.Slice(total), total);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }

            if (total != length)
            {
                // Changed while read: as File.ReadAllBytes would, read it again whole.
                NativeMemory.Free(memory);
                memory = null;
                return new FileBytes(File.ReadAllBytes(path));
            }

            var result = new FileBytes(memory, length);
            memory = null;
            return result;
        }
        finally
        {
            if (memory != null)
            {
                NativeMemory.Free(memory);
            }
        }
#else
        return new FileBytes(File.ReadAllBytes(path));
#endif
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
#if NET8_0_OR_GREATER
        byte* p = pointer;
        pointer = null;
        if (p != null)
        {
            NativeMemory.Free(p);
        }
#endif
    }
}
