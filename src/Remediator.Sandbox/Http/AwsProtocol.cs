namespace Remediator.Sandbox.Http;

/// <summary>The three wire protocols the sandbox speaks; each has its own success and error shapes.</summary>
internal enum AwsProtocol
{
    /// <summary>REST paths, JSON bodies, error code in <c>X-Amzn-Errortype</c> (Lambda, API Gateway v1/v2).</summary>
    RestJson,

    /// <summary><c>POST /</c> with <c>X-Amz-Target</c>, error code in <c>__type</c> (CloudWatch Logs, SSM).</summary>
    Json11,

    /// <summary>Form-encoded <c>Action=...</c>, XML responses and <c>ErrorResponse</c> (SNS, STS).</summary>
    Query,
}
