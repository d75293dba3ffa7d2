using Remediator.Core.Ports;

namespace Remediator.Core.Tests.Ports;

/// <summary>
/// The errors of every service Remediator calls, as their models and botocore's standard retry mode
/// (botocore/data/_retry.json, botocore/retries/standard.py) classify them.
/// </summary>
public sealed class TransientAwsErrorsTests
{
    [Theory]
    [InlineData("lambda", 429, "TooManyRequestsException", "Rate exceeded", true)]
    [InlineData("apigateway", 429, "TooManyRequestsException", "Too Many Requests", true)]
    [InlineData("apigateway", 429, "LimitExceededException", "", true)]
    [InlineData("logs", 400, "ThrottlingException", "Rate exceeded", true)]
    [InlineData("logs", 400, "ThrottlingException", "", true)]
    [InlineData("sns", 400, "Throttling", "Rate exceeded", true)]
    [InlineData("sns", 429, "Throttled", "", true)]
    [InlineData("sns", 400, "ThrottledException", "", true)]
    [InlineData("sns", 400, "KMSThrottling", "", true)]
    [InlineData("sts", 400, "Throttling", "Rate exceeded", true)]
    [InlineData("dynamodb", 400, "ProvisionedThroughputExceededException", "", true)]
    [InlineData("dynamodb", 400, "ThrottlingException", "", true)]
    [InlineData("dynamodb", 400, "RequestLimitExceeded", "", true)]
    [InlineData("sqs", 400, "RequestThrottled", "", true)]
    [InlineData("sqs", 400, "KmsThrottled", "", true)]
    [InlineData("ssm", 400, "ThrottlingException", "", true)]
    [InlineData("logs", 400, "LimitExceededException", "Resource limit exceeded.", false)]
    [InlineData("apigateway", 400, "BadRequestException", "Rate exceeded for this key", true)]
    public void IsThrottling_ServiceError_MatchesItsModel(string service, int status, string code, string message, bool expected)
    {
        var error = new AwsServiceException(service, "Op", code, status, message, null);

        Assert.Equal(expected, TransientAwsErrors.IsThrottling(error));
        Assert.Equal(expected, TransientAwsErrors.IsTransient(error));
    }

    [Theory]
    [InlineData(500, "InternalFailure", true)]
    [InlineData(500, "ServiceException", true)]
    [InlineData(502, "Http502", true)]
    [InlineData(502, "EC2ThrottledException", true)]
    [InlineData(503, "ServiceUnavailable", true)]
    [InlineData(504, "Http504", true)]
    [InlineData(501, "NotImplemented", false)]
    [InlineData(400, "RequestTimeout", true)]
    [InlineData(400, "PriorRequestNotComplete", true)]
    [InlineData(400, "IDPCommunicationError", true)]
    [InlineData(0, "Unknown", true)]
    [InlineData(404, "ResourceNotFoundException", false)]
    [InlineData(404, "NotFoundException", false)]
    [InlineData(409, "ResourceConflictException", false)]
    [InlineData(412, "PreconditionFailedException", false)]
    [InlineData(400, "PolicyLengthExceededException", false)]
    [InlineData(403, "AccessDeniedException", false)]
    [InlineData(400, "AccessDeniedException", false)]
    [InlineData(403, "AuthorizationError", false)]
    [InlineData(400, "InvalidParameterException", false)]
    [InlineData(400, "ConditionalCheckFailedException", false)]
    public void IsTransient_Error_MatchesCatalogue(int status, string code, bool expected)
    {
        var error = new AwsServiceException("svc", "Op", code, status, string.Empty, null);

        Assert.Equal(expected, TransientAwsErrors.IsTransient(error));
    }
}
