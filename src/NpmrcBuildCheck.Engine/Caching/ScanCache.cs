using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Hashing;
using System.Text;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Rules;

namespace NpmrcBuildCheck.Caching;

/// <summary>One file's cached detection outcome.</summary>
internal sealed class CachedFile
{
    public CachedFile(long length, long lastWriteTicks, bool binary, Finding[] findings)
    {
        Length = length;
        LastWriteTicks = lastWriteTicks;
        Binary = binary;
        Findings = findings;
    }

    public long Length { get; }

    public long LastWriteTicks { get; }

    /// <summary>The file was found to be binary (NUL bytes) and not scanned.</summary>
    public bool Binary { get; }

    /// <summary>Raw detection findings, before git relabelling (git state is re-evaluated every scan).</summary>
    public Finding[] Findings { get; }
}

/// <summary>
/// The incremental cache: per file (root-relative path), its size and last-write time and the
/// detection findings it produced. A file whose size and time are unchanged is not read
/// again. Findings hold no secret (only the redacted form and a one-way digest), so the
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
internal sealed class ScanCache
{
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("NPMRCBC\0");

    private readonly Dictionary<string, CachedFile> previous;
    private readonly Dictionary<string, CachedFile> current = new(StringComparer.Ordinal);
    private bool dirty;

    private ScanCache(string filePath, string key, Dictionary<string, CachedFile> previous, bool dirty)
    {
        FilePath = filePath;
        Key = key;
        this.previous = previous;
        this.dirty = dirty;
    }

    public string FilePath { get; }

    public string Key { get; }

    public int LoadedEntries => previous.Count;

    /// <summary>The full cache key: settings, engine identity (a rebuilt engine gets a new module id) and format.</summary>
    public static string KeyFor(string settingsKey)
    {
        var assembly = typeof(ScanCache).Assembly;
        return string.Join("\n", "format=" + FormatVersion, "engine=" + assembly.GetName().Version, "module=" + assembly.ManifestModule.ModuleVersionId.ToString("N"), settingsKey);
    }

    public static string FileNameFor(string key)
    {
        byte[] hash = XxHash64.Hash(Encoding.UTF8.GetBytes(key));
        var name = new StringBuilder("scan-", 32);
        foreach (byte b in hash)
        {
            name.Append(b.ToString("x2"));
        }

        return name.Append(".cache").ToString();
    }

    /// <summary>Loads the cache for <paramref name="key"/> from <paramref name="directory"/>; an unusable file gives an empty cache.</summary>
    public static ScanCache Load(string directory, string key)
    {
        string path = Path.Combine(directory, FileNameFor(key));
        var entries = new Dictionary<string, CachedFile>(StringComparer.Ordinal);
        try
        {
            if (File.Exists(path))
            {
                if (TryRead(File.ReadAllBytes(path), key, entries))
                {
                    return new ScanCache(path, key, entries, dirty: false);
                }

                entries.Clear();
            }
        }
        catch (Exception)
        {
            entries.Clear();
        }

        return new ScanCache(path, key, entries, dirty: true);
    }

    public bool TryGet(string relativePath, long length, long lastWriteTicks, out CachedFile? entry)
    {
        if (previous.TryGetValue(relativePath, out entry) && entry.Length == length && entry.LastWriteTicks == lastWriteTicks)
        {
            current[relativePath] = entry;
            return true;
        }

        entry = null;
        return false;
    }

    public void Put(string relativePath, CachedFile entry)
    {
        current[relativePath] = entry;
        dirty = true;
    }

    /// <summary>Writes the cache when something changed (new, changed or removed files). Never throws.</summary>
    public bool Save()
    {
        if (!dirty && current.Count == previous.Count)
        {
            return false;
        }

        string? temp = null;
        try
        {
            string directory = Path.GetDirectoryName(FilePath)!;
            Directory.CreateDirectory(directory);
            byte[] data = Serialize();
            temp = Path.Combine(directory, Path.GetFileName(FilePath) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.None))
            {
                stream.Write(data, 0, data.Length);
            }

            Replace(temp, FilePath);
            temp = null;
            return true;
        }
        catch (Exception)
        {
            // A cache that cannot be written only costs speed.
            return false;
        }
        finally
        {
            if (temp is not null)
            {
                try
                {
                    File.Delete(temp);
                }
                catch (Exception)
                {
                    // Best effort.
                }
            }
        }
    }

    private static void Replace(string source, string destination)
    {
#if NET8_0_OR_GREATER
        File.Move(source, destination, overwrite: true);
#else
        if (File.Exists(destination))
        {
            File.Replace(source, destination, null, ignoreMetadataErrors: true);
        }
        else
        {
            File.Move(source, destination);
        }
#endif
    }

    private byte[] Serialize()
    {
        var keys = new List<string>(current.Keys);
        keys.Sort(StringComparer.Ordinal);
        using var memory = new MemoryStream(64 + (keys.Count * 64));
        using (var writer = new BinaryWriter(memory, new UTF8Encoding(false, true), leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(Key);
            writer.Write(keys.Count);
            foreach (var path in keys)
            {
                var entry = current[path];
                writer.Write(path);
                writer.Write(entry.Length);
                writer.Write(entry.LastWriteTicks);
                writer.Write(entry.Binary);
                writer.Write(entry.Findings.Length);
                foreach (var f in entry.Findings)
                {
                    writer.Write(f.Rule.Code);
                    writer.Write(f.Line);
                    writer.Write(f.Column);
                    writer.Write(f.EndLine);
                    writer.Write(f.EndColumn);
                    writer.Write(f.Key is not null);
                    writer.Write(f.Key ?? string.Empty);
                    writer.Write(f.Redacted);
                    writer.Write(f.SubjectDigest);
                    writer.Write(f.Message);
                }
            }
        }

        long bodyLength = memory.Length;
        ulong hash = XxHash64.HashToUInt64(new ReadOnlySpan<byte>(memory.GetBuffer(), 0, (int)bodyLength));
        using (var writer = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(hash);
        }

        return memory.ToArray();
    }

    private static bool TryRead(byte[] data, string key, Dictionary<string, CachedFile> into)
    {
        if (data.Length < Magic.Length + 4 + 8)
        {
            return false;
        }

        for (int i = 0; i < Magic.Length; i++)
        {
            if (data[i] != Magic[i])
            {
                return false;
            }
        }

        int bodyLength = data.Length - 8;
        ulong expected = BitConverter.ToUInt64(data, bodyLength);
        if (!BitConverter.IsLittleEndian || XxHash64.HashToUInt64(new ReadOnlySpan<byte>(data, 0, bodyLength)) != expected)
        {
            return false;
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(data, Magic.Length, bodyLength - Magic.Length, writable: false), new UTF8Encoding(false, true));
            if (reader.ReadInt32() != FormatVersion || !string.Equals(reader.ReadString(), key, StringComparison.Ordinal))
            {
                return false;
            }

            int count = reader.ReadInt32();
            if (count < 0)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                string path = reader.ReadString();
                long length = reader.ReadInt64();
                long ticks = reader.ReadInt64();
                bool binary = reader.ReadBoolean();
                int findingCount = reader.ReadInt32();
                if (findingCount < 0 || findingCount > 1_000_000)
                {
                    return false;
                }

                var findings = findingCount == 0 ? Array.Empty<Finding>() : new Finding[findingCount];
                for (int k = 0; k < findingCount; k++)
                {
                    var rule = RuleCatalog.Find(reader.ReadString());
                    if (rule is null)
                    {
                        return false;
                    }

                    int line = reader.ReadInt32();
                    int column = reader.ReadInt32();
                    int endLine = reader.ReadInt32();
                    int endColumn = reader.ReadInt32();
                    bool hasKey = reader.ReadBoolean();
                    string findingKey = reader.ReadString();
                    string redacted = reader.ReadString();
                    string digest = reader.ReadString();
                    string message = reader.ReadString();
                    findings[k] = new Finding(rule, path, line, column, endLine, endColumn, hasKey ? findingKey : null, redacted, digest, message);
                }

                into[path] = new CachedFile(length, ticks, binary, findings);
            }

            return reader.BaseStream.Position == reader.BaseStream.Length;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
