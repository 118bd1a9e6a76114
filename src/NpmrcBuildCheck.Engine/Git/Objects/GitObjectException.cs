using System;

namespace NpmrcBuildCheck.Git.Objects;

/// <summary>Why an object could not be read. <see cref="Missing"/> is expected in shallow and partial clones; the others are damage.</summary>
internal enum GitObjectProblem
{
    /// <summary>No loose object and no pack holds it (a partial clone's filtered blob, or a broken repository). Never fetched.</summary>
    Missing,

    /// <summary>The stored bytes do not decode: bad zlib stream, bad header, bad delta, size mismatch.</summary>
    Corrupt,

    /// <summary>The file could not be read (permissions, I/O error).</summary>
    Unreadable,
}

/// <summary>An object that cannot be read. The message names the object id and the reason, never content.</summary>
internal sealed class GitObjectException : Exception
{
    public GitObjectException(ObjectId id, GitObjectProblem problem, string reason, Exception? inner = null)
        : base($"git object {id} {Describe(problem)}: {reason}", inner)
    {
        Id = id;
        Problem = problem;
    }

    public ObjectId Id { get; }

    public GitObjectProblem Problem { get; }

    private static string Describe(GitObjectProblem problem) => problem switch
    {
        GitObjectProblem.Missing => "is missing",
        GitObjectProblem.Corrupt => "is corrupt",
        _ => "could not be read",
    };
}
