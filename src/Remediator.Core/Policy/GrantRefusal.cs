namespace Remediator.Core.Policy;

/// <summary>Why a grant was refused; never overridden (docs/ARCHITECTURE.md, "Safety rules" 5).</summary>
public sealed record GrantRefusal(GrantRefusalReason Reason, string Message);

/// <summary>The safety rules a grant can break.</summary>
public enum GrantRefusalReason
{
    /// <summary>Only <c>apigateway.amazonaws.com</c> is ever granted.</summary>
    PrincipalNotApiGateway,

    /// <summary>Only <c>lambda:InvokeFunction</c> is ever granted.</summary>
    ActionNotInvokeFunction,

    /// <summary>The source ARN is not an execute-api ARN naming one API with a scoped path.</summary>
    SourceArnInvalid,

    /// <summary>The API id, account or region of the source ARN contains a wildcard.</summary>
    SourceArnWildcard,

    /// <summary>The source ARN's account differs from the source account.</summary>
    AccountMismatch,

    /// <summary>The function is in another account than the API.</summary>
    CrossAccountFunction,

    /// <summary>The function and the API are in different partitions.</summary>
    PartitionMismatch,

    /// <summary>Lambda does not take permissions on <c>$LATEST</c>.</summary>
    QualifierNotPermitted,
}
