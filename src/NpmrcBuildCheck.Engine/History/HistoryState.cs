using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Hashing;
using System.Text;
using NpmrcBuildCheck.Caching;
using NpmrcBuildCheck.Findings;
using NpmrcBuildCheck.Git.Objects;
using NpmrcBuildCheck.Reporting;
using NpmrcBuildCheck.Rules;

namespace NpmrcBuildCheck.History;

/// <summary>
/// What earlier history scans learnt, so that the next one reads only new objects: walked
/// commits (id, time, parents), walked trees (ids), and each scanned blob (id, reading,
/// status; for blobs with credential findings their first commit, path and findings, which
/// hold digests and redacted forms only). Never content. A binary file: magic, version, key
/// (engine, detection build, size limit, repository), body, XXH64 of the body. Anything that
/// does not read back is ignored: the scan starts over. Written atomically.
/// </summary>
internal sealed class HistoryState
{
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("NPMRCHS\0");

    public List<CommitNode> Commits { get; } = new();

    public Dictionary<ObjectId, int> CommitIndex { get; } = new();

    public HashSet<ObjectId> Trees { get; } = new();

    public Dictionary<BlobKey, BlobRecord> Blobs { get; } = new();

    /// <summary>Forgets the walk (commits and trees), keeping what each blob held: after refs were rewritten or deleted.</summary>
    public void ForgetWalk()
    {
        Commits.Clear();
        CommitIndex.Clear();
        Trees.Clear();
        foreach (var blob in Blobs.Values)
        {
            blob.FirstCommit = -1;
            blob.Path = null;
        }
    }

    public static string PathIn(string directory) => System.IO.Path.Combine(directory, "history.state");

    public static HistoryState Load(string path, string key)
    {
        try
        {
            if (File.Exists(path))
            {
                byte[] bytes = File.ReadAllBytes(path);
                if (TryRead(bytes, key) is { } state)
                {
                    return state;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Start over.
        }

        return new HistoryState();
    }

    /// <summary>Writes the state; a failure only costs the next run its head start, so it is swallowed.</summary>
    public void Save(string path, string key, int hashSize)
    {
        try
        {
            AtomicFile.Write(path, file => Serialize(file, key, hashSize));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Next run scans again.
        }
    }

    /// <summary>Writes the state straight to the file with its XxHash64 trailer (a 5 MB state on Squidex: no large-object buffer).</summary>
    private void Serialize(Stream file, string key, int hashSize)
    {
        var hashed = new XxHash64Stream(file);
        using (var writer = new BinaryWriter(hashed, new UTF8Encoding(false), leaveOpen: true))
        {
            var id = new byte[32];
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(key);
            writer.Write(Commits.Count);
            foreach (var commit in Commits)
            {
                WriteId(writer, commit.Id, id, hashSize);
                writer.Write(commit.Time);
                writer.Write(commit.Incomplete);
                writer.Write(commit.Parents.Length);
                foreach (int parent in commit.Parents)
                {
                    writer.Write(parent);
                }
            }

            writer.Write(Trees.Count);
            foreach (var tree in Trees)
            {
                WriteId(writer, tree, id, hashSize);
            }

            writer.Write(Blobs.Count);
            foreach (var pair in Blobs)
            {
                var blob = pair.Value;
                WriteId(writer, pair.Key.Id, id, hashSize);
                writer.Write(pair.Key.Reading);
                writer.Write((byte)blob.Status);
                bool keepsPlace = blob.KeepsPlace && blob.FirstCommit >= 0 && blob.Path is not null;
                writer.Write(keepsPlace);
                if (!keepsPlace)
                {
                    continue;
                }

                writer.Write(blob.FirstCommit);
                writer.Write(blob.Path!);
                var findings = blob.Findings ?? Array.Empty<Finding>();
                writer.Write(findings.Length);
                foreach (var f in findings)
                {
                    CachedFindings.Write(writer, f);
                }
            }
        }

        var trailer = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(trailer, hashed.CurrentHash);
        file.Write(trailer, 0, 8);
    }

    private static void WriteId(BinaryWriter writer, ObjectId id, byte[] buffer, int hashSize)
    {
        id.CopyTo(buffer);
        writer.Write(buffer, 0, hashSize);
    }

    private static HistoryState? TryRead(byte[] bytes, string key)
    {
        if (bytes.Length < Magic.Length + 12)
        {
            return null;
        }

        int bodyLength = bytes.Length - 8;
        ulong expected = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(bodyLength));
        if (XxHash64.HashToUInt64(new ReadOnlySpan<byte>(bytes, 0, bodyLength)) != expected || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length, bodyLength - Magic.Length, writable: false), new UTF8Encoding(false, true));
            if (reader.ReadInt32() != FormatVersion || reader.ReadString() != key)
            {
                return null;
            }

            int hashSize = key.Contains("\nsha256") ? 32 : 20;
            var state = new HistoryState();
            int commits = reader.ReadInt32();
            for (int i = 0; i < commits; i++)
            {
                var node = new CommitNode(ObjectId.FromBytes(reader.ReadBytes(hashSize), hashSize))
                {
                    Time = reader.ReadInt64(),
                    Incomplete = reader.ReadBoolean(),
                };
                var parents = new int[reader.ReadInt32()];
                for (int p = 0; p < parents.Length; p++)
                {
                    parents[p] = reader.ReadInt32();
                    if ((uint)parents[p] >= (uint)commits)
                    {
                        return null;
                    }
                }

                node.Parents = parents;
                state.CommitIndex[node.Id] = state.Commits.Count;
                state.Commits.Add(node);
            }

            int trees = reader.ReadInt32();
            for (int i = 0; i < trees; i++)
            {
                state.Trees.Add(ObjectId.FromBytes(reader.ReadBytes(hashSize), hashSize));
            }

            int blobs = reader.ReadInt32();
            for (int i = 0; i < blobs; i++)
            {
                var blobKey = new BlobKey(ObjectId.FromBytes(reader.ReadBytes(hashSize), hashSize), reader.ReadByte());
                var record = new BlobRecord { Status = (BlobStatus)reader.ReadByte() };
                if (reader.ReadBoolean())
                {
                    record.FirstCommit = reader.ReadInt32();
                    record.Path = reader.ReadString();
                    if ((uint)record.FirstCommit >= (uint)commits)
                    {
                        return null;
                    }

                    var findings = new Finding[reader.ReadInt32()];
                    for (int f = 0; f < findings.Length; f++)
                    {
                        var rule = RuleCatalog.Find(reader.ReadString());
                        int line = reader.ReadInt32(), column = reader.ReadInt32(), endLine = reader.ReadInt32(), endColumn = reader.ReadInt32();
                        bool hasKey = reader.ReadBoolean();
                        string findingKey = reader.ReadString();
                        string redacted = reader.ReadString(), digest = reader.ReadString(), message = reader.ReadString();
                        if (rule is null || FindingMessage.Parse(message) is not { } text)
                        {
                            return null;
                        }

                        findings[f] = new Finding(rule, record.Path, line, column, endLine, endColumn, hasKey ? findingKey : null, redacted, digest, text);
                    }

                    record.Findings = findings.Length == 0 ? null : findings;
                }

                state.Blobs[blobKey] = record;
            }

            return state;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or DecoderFallbackException)
        {
            return null;
        }
    }
}
