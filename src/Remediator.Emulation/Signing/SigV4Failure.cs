namespace Remediator.Emulation.Signing;

/// <summary>Why a signature check failed (or that it passed).</summary>
public enum SigV4Failure
{
    /// <summary>The signature is valid.</summary>
    None,

    /// <summary>No <c>Authorization</c> header.</summary>
    MissingAuthorization,

    /// <summary>The header, the date or the signed-header list is malformed or incomplete.</summary>
    Malformed,

    /// <summary>No secret is known for the access key id.</summary>
    UnknownAccessKey,

    /// <summary><c>X-Amz-Date</c> is too far from now.</summary>
    RequestExpired,

    /// <summary>The recomputed signature differs.</summary>
    SignatureMismatch,
}
