using System;

namespace NpmrcBuildCheck.Tool;

/// <summary>Bad arguments or settings: the message (one or more sentences, no secret) goes to stderr and the tool exits with <see cref="ExitCodes.UsageOrSettings"/>.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
