using System;

namespace NpmrcBuildCheck.Sources;

/// <summary>A source that cannot be read at all (not a git work tree, an unreadable index): the host reports its message as a usage or settings error.</summary>
internal sealed class SourceUnavailableException : Exception
{
    public SourceUnavailableException(string message)
        : base(message)
    {
    }
}
