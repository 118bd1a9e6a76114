using System;
using System.Runtime.InteropServices;

namespace NpmrcBuildCheck.Scanning;

/// <summary>
/// One reader thread's buffer, outside the GC heap. A cold scan reads every candidate file into
/// it (124 MB for a 13k-file frontend tree, files up to the 16 MB limit): as managed arrays, the
/// growing buffers of the large files went to the large object heap, and in a fresh MSBuild node
/// its budget triggered two or three full (gen2) collections of MSBuild's heap during the scan.
/// It grows (at least 2x) and is freed by <see cref="Dispose"/>, which the scanner always calls.
/// </summary>
internal sealed unsafe class ReadBuffer : IDisposable
{
    private byte* pointer;

    public ReadBuffer(int capacity)
    {
        pointer = (byte*)Marshal.AllocHGlobal(capacity);
        Capacity = capacity;
    }

    public int Capacity { get; private set; }

    public byte* Pointer => pointer != null ? pointer : throw new ObjectDisposedException(nameof(ReadBuffer));

    public Span<byte> Slice(int start, int length) => new(Pointer + start, length);

    /// <summary>Makes room for <paramref name="size"/> bytes, keeping the first <paramref name="keep"/>.</summary>
    public void EnsureCapacity(long size, int keep)
    {
        if (Capacity >= size)
        {
            return;
        }

        // Grow at least 2x so a series of growing files does not reallocate each time.
        long target = Math.Min(Math.Max(size, (long)Capacity * 2), int.MaxValue - 64);
        byte* bigger = (byte*)Marshal.AllocHGlobal((IntPtr)target);
        Buffer.MemoryCopy(pointer, bigger, target, keep);
        Marshal.FreeHGlobal((IntPtr)pointer);
        pointer = bigger;
        Capacity = (int)target;
    }

    public void Dispose()
    {
        if (pointer != null)
        {
            Marshal.FreeHGlobal((IntPtr)pointer);
            pointer = null;
        }
    }
}
