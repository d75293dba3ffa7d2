namespace Remediator.Sandbox.Http;

/// <summary>The wire protocols the sandbox speaks; each has its own success and error shapes.</summary>
internal enum AwsProtocol
{
    /// <summary>REST paths, JSON bodies, error code in <c>X-Amzn-Errortype</c> (Lambda, API Gateway v1/v2).</summary>
    RestJson,

    /// <summary><c>POST /</c> with <c>X-Amz-Target</c>, error code in <c>__type</c> (CloudWatch Logs, SSM).</summary>
    Json11,

    /// <summary>As <see cref="Json11"/> with <c>application/x-amz-json-1.0</c> (SQS).</summary>
    Json10,

    /// <summary>Form-encoded <c>Action=...</c>, XML responses and <c>ErrorResponse</c> (SNS, STS).</summary>
    Query,
}
