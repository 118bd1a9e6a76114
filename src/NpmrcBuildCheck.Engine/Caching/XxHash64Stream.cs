using System;
using System.IO;
using System.IO.Hashing;

namespace NpmrcBuildCheck.Caching;

/// <summary>
/// A write-only stream that hashes what passes through it on its way to the file. The scan cache
/// and the history state are written straight to disk with their XxHash64 trailer instead of through a growing
/// <see cref="MemoryStream"/>: a few MB on the large object heap at the end of a cold scan were
/// one full collection of MSBuild's heap, 40 ms of a 260 ms first scan (bench/README.md).
/// </summary>
internal sealed class XxHash64Stream : Stream
{
    private readonly Stream inner;
    private readonly XxHash64 hash = new();

    public XxHash64Stream(Stream inner) => this.inner = inner;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The hash of everything written so far.</summary>
    public ulong CurrentHash => hash.GetCurrentHashAsUInt64();

    public override void Write(byte[] buffer, int offset, int count)
    {
        hash.Append(new ReadOnlySpan<byte>(buffer, offset, count));
        inner.Write(buffer, offset, count);
    }

#if NET8_0_OR_GREATER
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        hash.Append(buffer);
        inner.Write(buffer);
    }
#endif

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
