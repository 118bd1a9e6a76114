using System;
using System.Collections.Generic;
using System.Buffers.Binary;
using System.IO;
using System.IO.Hashing;
using System.Text;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Rules;
using NpmrcBuildCheck.Text;

namespace NpmrcBuildCheck.Caching;

/// <summary>One file's cached detection outcome.</summary>
internal sealed class CachedFile
{
    public CachedFile(FileStamp stamp, bool binary, Finding[] findings)
    {
        Stamp = stamp;
        Binary = binary;
        Findings = findings;
    }

    public FileStamp Stamp { get; }

    /// <summary>The file was found to be binary (NUL bytes) and not scanned.</summary>
    public bool Binary { get; }

    /// <summary>Raw detection findings, before git relabelling (git state is re-evaluated every scan).</summary>
    public Finding[] Findings { get; }
}

/// <summary>
/// The incremental cache: per file (root-relative path), its <see cref="FileStamp"/> (size,
/// modification and status-change times, inode) and the detection findings it produced. A file
/// whose stamp is unchanged is not read again. Findings hold no secret (only the redacted form and a one-way digest), so the
/// cache holds none either.
/// <para>
/// One file per settings: <c>scan-&lt;hash of the key&gt;.cache</c>. Binary layout
/// (little-endian, strings as BinaryWriter writes them): magic "NPMRCBC\0", format version,
/// key (settings key, engine version and module id, format version), entries, and an
/// XxHash64 of everything before it. A file that is truncated, corrupt, of another format or
/// for other settings is ignored and rewritten. Writes go to a temporary file renamed over
/// the old one, so readers never see half a cache.
/// </para>
/// </summary>
internal sealed class ScanCache : IDisposable
{
    public const int FormatVersion = 2;
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("NPMRCBC\0");

    private readonly Loaded previous;

    /// <summary>The entries put in this scan, already written as the file holds them.</summary>
    private readonly Chunks added = new();
    private int addedCount;
    private bool dirty;

    /// <summary>Each thread's buffer for writing an entry before it is appended to <see cref="added"/>.</summary>
    [ThreadStatic]
    private static EntryBuffer? entryBuffer;

    private ScanCache(string filePath, string key, Loaded previous, bool dirty)
    {
        FilePath = filePath;
        Key = key;
        this.previous = previous;
        this.dirty = dirty;
    }

    public string FilePath { get; }

    public string Key { get; }

    /// <summary>Why the cache could not be read or written (caching is then off for this scan), or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>Whether a loaded entry has a credential finding (git state will then be asked for).</summary>
    public bool HasCredentialFindings => previous.HasCredentialFindings;

    /// <summary>The full cache key: settings, engine identity (a rebuilt engine gets a new module id) and format.</summary>
    public static string KeyFor(string settingsKey)
    {
        var assembly = typeof(ScanCache).Assembly;
        return string.Join("\n", "format=" + FormatVersion, "engine=" + assembly.GetName().Version, "module=" + assembly.ManifestModule.ModuleVersionId.ToString("N"), settingsKey);
    }

    public static string FileNameFor(string key)
    {
        // The hex digits of XxHash64.Hash (big-endian bytes), as before.
        return "scan-" + XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(key)).ToString("x16", System.Globalization.CultureInfo.InvariantCulture) + ".cache";
    }

    /// <summary>The cache file for <paramref name="key"/> in <paramref name="directory"/>.</summary>
    public static string PathFor(string directory, string key) => Path.Combine(directory, FileNameFor(key));

    /// <summary>An empty cache for <paramref name="key"/>, to be saved at <paramref name="path"/>: a first scan's.</summary>
    public static ScanCache Empty(string path, string key) => new(path, key, Loaded.Empty, dirty: true);

    /// <summary>
    /// Loads the cache for <paramref name="key"/> from <paramref name="path"/> (<see cref="PathFor"/>); a
    /// missing or unusable file gives an empty cache. The scan asks whether the file exists before (it
    /// picks its thread count by it), so this does not ask again.
    /// </summary>
    public static ScanCache Load(string path, string key)
    {
        Scanning.ScanTrace.Phase("load");
        try
        {
            var bytes = FileBytes.Read(path);
            Scanning.ScanTrace.Phase("read");
            var loaded = TryRead(bytes, key);
            if (loaded is not null)
            {
                return new ScanCache(path, key, loaded, dirty: false);
            }

            bytes.Dispose();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // No cache yet (or deleted since the scan looked): a first scan.
        }
        catch (Exception e)
        {
            // An empty cache: the scan reads every file.
            return new ScanCache(path, key, Loaded.Empty, dirty: true) { Problem = "'" + path + "' could not be read (" + e.Message + ")" };
        }

        return Empty(path, key);
    }

    /// <summary>
    /// Whether the file <paramref name="prefix"/> + <paramref name="leaf"/> (not concatenated) was
    /// cached with this stamp; if so, its outcome. Called for every listed file on every
    /// build: no allocation, the path is compared as UTF-8 with the bytes of the loaded file. The
    /// scan's workers call it at once, each for other paths: an entry is only ever marked by one.
    /// </summary>
    public bool TryGet(string prefix, string leaf, FileStamp stamp, out bool binary, out Finding[] findings)
    {
        int index = previous.Find(prefix, leaf);
        if (index >= 0)
        {
            ref var entry = ref previous.Entries[index];
            if (entry.Stamp.Equals(stamp))
            {
                entry.Used = true;

                binary = entry.Binary;
                findings = entry.Findings ?? Array.Empty<Finding>();
                return true;
            }
        }

        binary = false;
        findings = Array.Empty<Finding>();
        return false;
    }

    /// <summary>Loaded entries this scan hit, counted once at the end: no shared counter for the workers to contend on.</summary>
    private int Hits()
    {
        int hits = 0;
        foreach (var entry in previous.Entries)
        {
            if (entry.Used)
            {
                hits++;
            }
        }

        return hits;
    }

    /// <summary>Frees the loaded file's memory (after <see cref="Save"/>).</summary>
    public void Dispose() => previous.Dispose();

    /// <summary>Adds the outcome of a file read in this scan (never one served from the cache). Any worker may call it.</summary>
    /// <remarks>The entry is written here, on the calling worker, so that saving only concatenates.</remarks>
    public void Put(string relativePath, CachedFile entry)
    {
        var buffer = entryBuffer ??= new EntryBuffer();
        buffer.Stream.SetLength(0);
        try
        {
            WriteEntry(buffer.Writer, relativePath, entry.Stamp, entry.Binary, entry.Findings);
        }
        catch (ArgumentException)
        {
            // Not valid UTF-16 (a lone surrogate in a Windows name): not cached, the file is read again next time.
            return;
        }

        lock (added)
        {
            added.Append(new ReadOnlySpan<byte>(buffer.Stream.GetBuffer(), 0, (int)buffer.Stream.Length));
            addedCount++;
            dirty = true;
        }
    }

    /// <summary>
    /// Bytes appended in 64 KB arrays: one growing array would pass the large object heap's size (a
    /// megabyte for 13,000 entries) and set off a full collection of the host's heap in a first scan.
    /// </summary>
    private sealed class Chunks
    {
        private const int ChunkSize = 64 * 1024;
        private readonly List<byte[]> full = new();
        private byte[] current = new byte[ChunkSize];
        private int used;

        public void Append(ReadOnlySpan<byte> bytes)
        {
            while (bytes.Length > 0)
            {
                if (used == current.Length)
                {
                    full.Add(current);
                    current = new byte[ChunkSize];
                    used = 0;
                }

                int n = Math.Min(bytes.Length, current.Length - used);
                bytes.Slice(0, n).CopyTo(current.AsSpan(used));
                used += n;
                bytes = bytes.Slice(n);
            }
        }

        public void WriteTo(XxHash64Stream stream)
        {
            foreach (var chunk in full)
            {
                stream.Write(chunk);
            }

            stream.Write(current.AsSpan(0, used));
        }
    }

    private sealed class EntryBuffer
    {
        public EntryBuffer() => Writer = new BinaryWriter(Stream, new UTF8Encoding(false, true), leaveOpen: true);

        public MemoryStream Stream { get; } = new(256);

        public BinaryWriter Writer { get; }
    }

    /// <summary>Writes the cache when something changed (new, changed or removed files). Never throws.</summary>
    public bool Save()
    {
        int hits = Hits();
        if (!dirty && hits == previous.Count)
        {
            return false;
        }

        try
        {
            Reporting.AtomicFile.Write(FilePath, file => Serialize(file, hits));
            return true;
        }
        catch (Exception e)
        {
            // A cache that cannot be written only costs speed.
            Problem = "'" + FilePath + "' could not be written (" + e.Message + ")";
            return false;
        }
    }

    /// <summary>
    /// Writes what the next scan finds: the entries put and the loaded ones this scan hit. A path is in
    /// only one of them: a file is read (and put) only when its loaded entry, if any, did not match.
    /// Entries in no particular order: the loader hashes paths. Both kinds are copied as bytes: the
    /// put ones were written by <see cref="Put"/>, the hit ones are copied from the loaded file.
    /// </summary>
    private void Serialize(Stream file, int hits)
    {
        var hashed = new XxHash64Stream(file);
        using (var writer = new BinaryWriter(hashed, new UTF8Encoding(false, true), leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(Key);
            writer.Write(addedCount + hits);
        }

        added.WriteTo(hashed);
        previous.WriteUsed(hashed);

        using (var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(hashed.CurrentHash);
        }
    }

    private static void WriteEntry(BinaryWriter writer, string path, FileStamp stamp, bool binary, Finding[] findings)
    {
        writer.Write(path);
        writer.Write(stamp.Length);
        writer.Write(stamp.LastWriteTicks);
        writer.Write(stamp.ChangeTicks);
        writer.Write(stamp.Inode);
        writer.Write(binary);
        writer.Write(findings.Length);

        foreach (var f in findings)
        {
            CachedFindings.Write(writer, f);
        }
    }


    /// <summary>Parses a cache file (the layout <see cref="Serialize"/> writes) without making a string per path; null if unusable.</summary>
    private static Loaded? TryRead(FileBytes file, string key)
    {
        var data = file.Span;
        if (data.Length < Magic.Length + 4 + 8)
        {
            return null;
        }

        for (int i = 0; i < Magic.Length; i++)
        {
            if (data[i] != Magic[i])
            {
                return null;
            }
        }

        int bodyLength = data.Length - 8;
        ulong expected = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(bodyLength));
        if (!BitConverter.IsLittleEndian || XxHash64.HashToUInt64(data.Slice(0, bodyLength)) != expected)
        {
            return null;
        }

        Scanning.ScanTrace.Phase("hashed");
        var reader = new SpanReader(data, Magic.Length, bodyLength);
        if (!reader.Int32(out int version) || version != FormatVersion || !reader.String(out string? storedKey) || !string.Equals(storedKey, key, StringComparison.Ordinal))
        {
            return null;
        }

        if (!reader.Int32(out int count) || count < 0 || count > bodyLength)
        {
            return null;
        }

        var loaded = new Loaded(file, count);
        Scanning.ScanTrace.Phase("header");
        for (int i = 0; i < count; i++)
        {
            ref var entry = ref loaded.Entries[i];
            entry.RecordOffset = reader.Position;
            if (!reader.Bytes(out entry.PathOffset, out entry.PathLength) ||
                !reader.Int64(out long length) || !reader.Int64(out long lastWriteTicks) ||
                !reader.Int64(out long changeTicks) || !reader.Int64(out long inode) ||
                !reader.Boolean(out entry.Binary) || !reader.Int32(out int findingCount) ||
                findingCount < 0 || findingCount > 1_000_000)
            {
                return null;
            }

            entry.Stamp = new FileStamp(length, lastWriteTicks, changeTicks, inode);
            if (!IsValidUtf8(data.Slice(entry.PathOffset, entry.PathLength)))
            {
                return null;
            }

            if (findingCount > 0)
            {
                string path = loaded.PathOf(i);
                var findings = new Finding[findingCount];
                for (int k = 0; k < findingCount; k++)
                {
                    if (!reader.String(out string? code) || RuleCatalog.Find(code!) is not { } rule ||
                        !reader.Int32(out int line) || !reader.Int32(out int column) ||
                        !reader.Int32(out int endLine) || !reader.Int32(out int endColumn) ||
                        !reader.Boolean(out bool hasKey) || !reader.String(out string? findingKey) ||
                        !reader.String(out string? redacted) || !reader.String(out string? digest) ||
                        !reader.String(out string? message) || FindingMessage.Parse(message!) is not { } text)
                    {
                        return null;
                    }

                    findings[k] = new Finding(rule, path, line, column, endLine, endColumn, hasKey ? findingKey : null, redacted!, digest!, text);
                    loaded.HasCredentialFindings |= RuleCatalog.IsCredentialRule(rule);
                }

                entry.Findings = findings;
                Scanning.ScanTrace.Phase("findings");
            }

            entry.RecordLength = reader.Position - entry.RecordOffset;
            loaded.Add(i);
        }

        return reader.AtEnd ? loaded : null;
    }

#if NET8_0_OR_GREATER
    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);
#else
    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] >= 0x80)
            {
                try
                {
                    StrictUtf8.GetCharCount(bytes.Slice(i).ToArray());
                    return true;
                }
                catch (ArgumentException)
                {
                    return false;
                }
            }
        }

        return true;
    }
#endif

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Strict UTF-8 decoding (throws on invalid bytes, as BinaryReader with this encoding did).</summary>
    private static string Decode(ReadOnlySpan<byte> bytes)
    {
#if NET8_0_OR_GREATER
        return StrictUtf8.GetString(bytes);
#else
        return StrictUtf8.GetString(bytes.ToArray());
#endif
    }

    /// <summary>One loaded entry; the path is a slice of the file's bytes.</summary>
    private struct LoadedEntry
    {
        /// <summary>Where the entry's bytes start in the loaded file (its path's length) and how many they are.</summary>
        public int RecordOffset;
        public int RecordLength;
        public int PathOffset;
        public int PathLength;
        public ulong Hash;
        public FileStamp Stamp;
        public bool Binary;
        public bool Used;
        public Finding[]? Findings;
    }

    /// <summary>
    /// The loaded cache: entries in file order and an open-addressing table from a hash of the
    /// path's UTF-8 bytes to the entry (no string or dictionary per path). A path stored twice
    /// (never written so) resolves to its last copy, as the earlier dictionary did.
    /// </summary>
    private sealed class Loaded : IDisposable
    {
        public static readonly Loaded Empty = new(null, 0);

        private readonly FileBytes? file;
        private readonly int[] table;
        private readonly int mask;

        public Loaded(FileBytes? file, int count)
        {
            this.file = file;
            Entries = new LoadedEntry[count];
            int size = 4;
            while (size < count * 2)
            {
                size <<= 1;
            }

            table = new int[size];
            mask = size - 1;
        }

        public LoadedEntry[] Entries { get; }

        public int Count { get; private set; }

        public bool HasCredentialFindings { get; set; }

        private ReadOnlySpan<byte> Data => file is null ? default : file.Span;

        public string PathOf(int index) => Decode(Data.Slice(Entries[index].PathOffset, Entries[index].PathLength));

        public void Dispose() => file?.Dispose();

        /// <summary>Copies the bytes of every entry this scan hit to <paramref name="stream"/>, as loaded.</summary>
        public void WriteUsed(XxHash64Stream stream)
        {
            var data = Data;
            for (int i = 0; i < Entries.Length; i++)
            {
                ref var entry = ref Entries[i];
                if (entry.Used)
                {
                    stream.Write(data.Slice(entry.RecordOffset, entry.RecordLength));
                }
            }
        }

        /// <summary>Adds entry <paramref name="index"/> (already parsed) to the table.</summary>
        public void Add(int index)
        {
            ref var entry = ref Entries[index];
            var data = Data;
            var path = data.Slice(entry.PathOffset, entry.PathLength);
            entry.Hash = PathHash.Of(path);
            int slot = (int)entry.Hash & mask;
            while (table[slot] != 0)
            {
                ref var other = ref Entries[table[slot] - 1];
                if (other.Hash == entry.Hash && path.SequenceEqual(data.Slice(other.PathOffset, other.PathLength)))
                {
                    table[slot] = index + 1;
                    return;
                }

                slot = (slot + 1) & mask;
            }

            table[slot] = index + 1;
            Count++;
        }

        /// <summary>The entry for <paramref name="path"/>, or -1.</summary>
        public int Find(string prefix, string leaf)
        {
            if (Count == 0)
            {
                return -1;
            }

            int max = StrictUtf8.GetMaxByteCount(prefix.Length + leaf.Length);
            // Exactly the bound (stackalloc zeroes what it takes, on every one of a warm scan's lookups).
            Span<byte> bytes = max <= 1024 ? stackalloc byte[max] : new byte[max];
            int length;
            try
            {
                // Strict, as the writer is: a name that is not valid UTF-16 was never cached (and must not match U+FFFD).
#if NET8_0_OR_GREATER
                // Encoded separately: a pair of surrogates split across the two parts fails strict encoding, and
                // a path never splits one ('/' or nothing precedes the leaf), so this equals encoding the whole.
                length = StrictUtf8.GetBytes(prefix.AsSpan(), bytes);
                length += StrictUtf8.GetBytes(leaf.AsSpan(), bytes.Slice(length));
#else
                byte[] encoded = StrictUtf8.GetBytes(prefix + leaf);
                encoded.CopyTo(bytes);
                length = encoded.Length;
#endif
            }
            catch (ArgumentException)
            {
                return -1;
            }
            var key = bytes.Slice(0, length);
            var data = Data;
            ulong hash = PathHash.Of(key);
            int slot = (int)hash & mask;
            while (true)
            {
                int index = table[slot] - 1;
                if (index < 0)
                {
                    return -1;
                }

                ref var entry = ref Entries[index];
                if (entry.Hash == hash && key.SequenceEqual(data.Slice(entry.PathOffset, entry.PathLength)))
                {
                    return index;
                }

                slot = (slot + 1) & mask;
            }
        }
    }

    /// <summary>Reads what <see cref="BinaryWriter"/> wrote (little-endian, strings with a 7-bit length prefix), never past its end.</summary>
    private ref struct SpanReader
    {
        private readonly ReadOnlySpan<byte> data;
        private readonly int end;
        private int position;

        public SpanReader(ReadOnlySpan<byte> data, int start, int end)
        {
            this.data = data;
            position = start;
            this.end = end;
        }

        public bool AtEnd => position == end;

        public int Position => position;

        public bool Int32(out int value)
        {
            if (end - position < 4)
            {
                value = 0;
                return false;
            }

            value = BinaryPrimitives.ReadInt32LittleEndian(data.Slice(position));
            position += 4;
            return true;
        }

        public bool Int64(out long value)
        {
            if (end - position < 8)
            {
                value = 0;
                return false;
            }

            value = BinaryPrimitives.ReadInt64LittleEndian(data.Slice(position));
            position += 8;
            return true;
        }

        public bool Boolean(out bool value)
        {
            if (end - position < 1)
            {
                value = false;
                return false;
            }

            value = data[position++] != 0;
            return true;
        }

        /// <summary>A string's UTF-8 bytes, as a slice of the data.</summary>
        public bool Bytes(out int offset, out int length)
        {
            offset = 0;
            length = 0;
            int shift = 0;
            while (true)
            {
                if (position >= end || shift > 28)
                {
                    return false;
                }

                byte b = data[position++];
                length |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    break;
                }

                shift += 7;
            }

            if (length < 0 || end - position < length)
            {
                return false;
            }

            offset = position;
            position += length;
            return true;
        }

        public bool String(out string? value)
        {
            value = null;
            if (!Bytes(out int offset, out int length))
            {
                return false;
            }

            try
            {
                value = Decode(data.Slice(offset, length));
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }
}
