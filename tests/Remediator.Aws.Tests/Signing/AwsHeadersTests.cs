using Remediator.Aws.Signing;
using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Signing;

public sealed class AwsHeadersTests
{
    [Fact]
    public void Constants_WireNames_ArePinned()
    {
        Assert.Equal(
            ["X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-SHA256", "X-Amz-Target", "X-Amzn-Errortype", "X-Amzn-RequestId", "Retry-After"],
            [AwsHeaders.AmzDate, AwsHeaders.SecurityToken, AwsHeaders.ContentSha256, AwsHeaders.Target, AwsHeaders.ErrorType, AwsHeaders.RequestId, AwsHeaders.RetryAfter]);
        Assert.Equal("AWS4-HMAC-SHA256", SigV4.Algorithm);
        Assert.Equal(SigV4.EmptyPayloadHash, SigV4.HashHex(string.Empty));
    }

    [Fact]
    public void ErrorCodes_EngineBranches_ArePinned()
    {
        Assert.Equal(
            ["ResourceNotFoundException", "ResourceConflictException", "PreconditionFailedException", "PolicyLengthExceededException", "NotFoundException", "TooManyRequestsException", "OpsItemAlreadyExistsException"],
            [AwsErrorCodes.ResourceNotFound, AwsErrorCodes.ResourceConflict, AwsErrorCodes.PreconditionFailed, AwsErrorCodes.PolicyLengthExceeded, AwsErrorCodes.NotFound, AwsErrorCodes.TooManyRequests, AwsErrorCodes.OpsItemAlreadyExists]);
    }
}
