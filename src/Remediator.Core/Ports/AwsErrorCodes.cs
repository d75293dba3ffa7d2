namespace Remediator.Core.Ports;

/// <summary>Error codes the engine branches on, written once.</summary>
public static class AwsErrorCodes
{
    /// <summary>Lambda: function, version, alias or policy not found (404).</summary>
    public const string ResourceNotFound = "ResourceNotFoundException";

    /// <summary>Lambda: statement id already exists (409): a repeated AddPermission counts as done.</summary>
    public const string ResourceConflict = "ResourceConflictException";

    /// <summary>Lambda: RevisionId no longer current (412): re-read the policy and decide again.</summary>
    public const string PreconditionFailed = "PreconditionFailedException";

    /// <summary>Lambda: the policy would exceed 20 KB (400): ticket, never widen.</summary>
    public const string PolicyLengthExceeded = "PolicyLengthExceededException";

    /// <summary>API Gateway (v1 and v2): resource not found (404).</summary>
    public const string NotFound = "NotFoundException";

    /// <summary>Throttled by the service (429).</summary>
    public const string TooManyRequests = "TooManyRequestsException";

    /// <summary>The caller lacks the IAM permission (JSON protocols).</summary>
    public const string AccessDenied = "AccessDeniedException";

    /// <summary>SSM: an open OpsItem with the same dedup string exists.</summary>
    public const string OpsItemAlreadyExists = "OpsItemAlreadyExistsException";

    /// <summary>SSM: no OpsItem has the id (deleted, or another account's).</summary>
    public const string OpsItemNotFound = "OpsItemNotFoundException";

    /// <summary>SNS: topic not found (404).</summary>
    public const string SnsNotFound = "NotFound";
}
