using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Polly.Timeout;
using Remediator.Aws.Composition;
using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Composition;

public sealed class AwsFailureTests
{
    public static TheoryData<Exception> Failures => new()
    {
        new AwsServiceException("lambda", "GetPolicy", "AccessDeniedException", 403, "not allowed", null),
        new ResourceNotFoundException("Requested resource not found"),
        new AmazonClientException("Unable to get IAM security credentials"),
        new HttpRequestException("Connection refused"),
        new IOException("The response ended prematurely."),
        new SocketException((int)SocketError.ConnectionReset),
        new TimeoutRejectedException("The operation didn't complete within the allowed timeout"),
        new InvalidDataException("AWS response exceeds the 16777216-byte limit."),
        new InvalidOperationException("No AWS region: set AWS_REGION."),
        new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout"),
    };

    public static TheoryData<Exception> Bugs => new()
    {
        new NotSupportedException(),
        new ArgumentException("bad"),
        new FormatException(),
        new KeyNotFoundException(),
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Is_WhatClientsThrowOnceRetriesAreSpent_IsAnAwsFailure(Exception exception) =>
        Assert.True(AwsFailure.Is(exception, CancellationToken.None));

    [Theory]
    [MemberData(nameof(Bugs))]
    public void Is_AnythingElse_IsNot(Exception exception) =>
        Assert.False(AwsFailure.Is(exception, CancellationToken.None));

    [Fact]
    public void Is_CancellationTheCallerAskedFor_IsNot()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.False(AwsFailure.Is(new OperationCanceledException(cancelled.Token), cancelled.Token));
    }
}
