using System;
using NpmrcBuildCheck.Git.Objects;

namespace NpmrcBuildCheck.Sources;

/// <summary>Reads blobs from a git object store by id.</summary>
internal interface IBlobReader : IDisposable
{
    /// <summary>The blob's bytes; throws <see cref="System.IO.IOException"/> (or <see cref="System.IO.InvalidDataException"/>) when it cannot be read.</summary>
    byte[] ReadBlob(ObjectId id);
}
