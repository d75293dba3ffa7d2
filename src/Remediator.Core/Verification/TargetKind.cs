namespace Remediator.Core.Verification;

/// <summary>What API Gateway was invoking when the call was refused.</summary>
public enum TargetKind
{
    /// <summary>A method's or route's integration.</summary>
    Integration,

    /// <summary>A Lambda authorizer.</summary>
    Authorizer,
}
