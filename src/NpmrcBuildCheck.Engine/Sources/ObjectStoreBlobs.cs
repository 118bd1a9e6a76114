using System;
using System.IO;
using NpmrcBuildCheck.Git;
using NpmrcBuildCheck.Git.Objects;

namespace NpmrcBuildCheck.Sources;

/// <summary>Blobs read from the repository's object store (<see cref="GitObjectStore"/>: loose and packed objects, deltas, both hash formats) without git.</summary>
internal sealed class ObjectStoreBlobs : IBlobReader
{
    private readonly GitObjectStore store;
    private readonly GitObjectReader reader;

    private ObjectStoreBlobs(GitObjectStore store)
    {
        this.store = store;
        reader = store.CreateReader();
    }

    /// <exception cref="SourceUnavailableException">The repository has no readable object store.</exception>
    public static IBlobReader Open(GitRepository repository)
    {
        try
        {
            return new ObjectStoreBlobs(GitObjectStore.Open(repository.GitDirectory));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceUnavailableException($"The git object store of '{repository.WorkTree}' could not be opened ({e.Message}).");
        }
    }

    public byte[] ReadBlob(ObjectId id)
    {
        GitObject blob;
        try
        {
            blob = reader.Read(id);
        }
        catch (GitObjectException e)
        {
            throw new IOException(e.Message, e);
        }

        return blob.Type == GitObjectType.Blob ? blob.Data : throw new InvalidDataException($"git object {id} is a {blob.Type}, not a blob");
    }

    public void Dispose() => store.Dispose();
}
