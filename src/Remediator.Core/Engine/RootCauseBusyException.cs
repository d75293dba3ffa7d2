namespace Remediator.Core.Engine;

/// <summary>
/// Another invocation held a root cause's lease for the whole of <see cref="EngineOptions.ClaimWait"/> (a live holder
/// finishes in seconds, a dead one holds it until it expires): the invocation fails so Lambda retries it, rather than
/// ending as a success that did nothing (docs/ARCHITECTURE.md, "Safety rules" 10).
/// </summary>
public sealed class RootCauseBusyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RootCauseBusyException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RootCauseBusyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public RootCauseBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="key"/>, held by <paramref name="holder"/> through <paramref name="waited"/>.</summary>
    public RootCauseBusyException(string key, string? holder, TimeSpan waited)
        : base($"Invocation {holder ?? "(unknown)"} held root cause {key} through a wait of {waited.TotalSeconds:0} s; this invocation fails so it is retried once the lease is free.")
    {
        Key = key;
        Holder = holder;
    }

    /// <summary>The root-cause key that stayed leased.</summary>
    public string? Key { get; }

    /// <summary>The invocation that held it.</summary>
    public string? Holder { get; }
}
