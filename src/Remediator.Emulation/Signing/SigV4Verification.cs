namespace Remediator.Emulation.Signing;

/// <summary>Outcome of <see cref="SigV4Verifier.Verify"/>.</summary>
public sealed record SigV4Verification(SigV4Failure Failure, string Message, SigV4Authorization? Authorization)
{
    /// <summary>True when the signature is valid.</summary>
    public bool IsValid => Failure == SigV4Failure.None;
}
