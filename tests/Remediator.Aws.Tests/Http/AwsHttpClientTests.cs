using System.Text;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Http;
using Remediator.Aws.Tests.Signing;
using Remediator.Aws.Tests.TestSupport;
using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Http;

public sealed class AwsHttpClientTests
{
    private static readonly AwsRequest Get = new(AwsService.Lambda, "GetFunctionConfiguration", HttpMethod.Get, AwsPath.Of("2015-03-31", "functions", "f", "configuration"));

    [Fact]
    public async Task SendAsync_Success_ReturnsBodyAndSignsWithSessionToken()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, "{\"ok\":true}", ("x-amzn-RequestId", "req-1")));
        var aws = new TestAws();

        var response = await aws.Client(server).SendAsync(Get, CancellationToken.None);

        Assert.Equal("{\"ok\":true}", Encoding.UTF8.GetString(response.Body));
        Assert.Equal("req-1", response.RequestId);
        var wire = Assert.Single(server.Requests);
        Assert.Equal("session-token", wire.Header("X-Amz-Security-Token"));
        AwsRequestSignerTests.AssertVerifies(wire, TestAws.Credentials);
    }

    [Fact]
    public async Task SendAsync_ThrottledThenSuccess_RetriesWithRetryAfter()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(429, "{\"Type\":\"User\",\"message\":\"Rate exceeded\"}", ("X-Amzn-Errortype", "TooManyRequestsException"), ("Retry-After", "3")))
            .Enqueue(CannedResponse.Json(200, "{}"));
        var aws = new TestAws();

        var response = await aws.Client(server).SendAsync(Get, CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal((0, TimeSpan.FromSeconds(3)), Assert.Single(aws.Backoffs));
        Assert.All(server.Requests, r => AwsRequestSignerTests.AssertVerifies(r, TestAws.Credentials));
    }

    [Theory]
    [InlineData(500, "{\"message\":\"internal\"}")]
    [InlineData(503, "<html>Service Unavailable</html>")]
    [InlineData(400, "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>")]
    [InlineData(400, "{\"__type\":\"com.amazonaws.logs#ThrottlingException\",\"message\":\"slow down\"}")]
    public async Task SendAsync_TransientErrorThenSuccess_Retries(int status, string body)
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(status, body)).Enqueue(CannedResponse.Json(200, "{}"));
        var aws = new TestAws();

        var response = await aws.Client(server).SendAsync(Get, CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, server.Requests.Count);
        Assert.Null(Assert.Single(aws.Backoffs).RetryAfter);
    }

    [Fact]
    public async Task SendAsync_ThrottledEveryTime_StopsAfterMaxAttemptsAndThrows()
    {
        await using var server = new LoopbackServer();
        for (var i = 0; i < 5; i++)
        {
            server.Enqueue(CannedResponse.Json(429, "{\"message\":\"Too Many Requests\"}", ("X-Amzn-Errortype", "TooManyRequestsException")));
        }

        var aws = new TestAws();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Client(server, maxAttempts: 3).SendAsync(Get, CancellationToken.None));

        Assert.Equal(AwsErrorCodes.TooManyRequests, error.ErrorCode);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal([0, 1], aws.Backoffs.Select(b => b.Attempt));
    }

    [Fact]
    public async Task SendAsync_ClientError_ThrowsWithoutRetry()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(409, "{\"Type\":\"User\",\"message\":\"The statement id (sid) provided already exists.\"}", ("X-Amzn-Errortype", "ResourceConflictException"), ("x-amzn-RequestId", "abc")));
        var aws = new TestAws();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Client(server).SendAsync(Get, CancellationToken.None));

        Assert.Equal(("lambda", "GetFunctionConfiguration", AwsErrorCodes.ResourceConflict, 409, "abc"), (error.Service, error.Operation, error.ErrorCode, error.StatusCode, error.RequestId));
        Assert.Equal("The statement id (sid) provided already exists.", error.ServiceMessage);
        Assert.Single(server.Requests);
        Assert.Empty(aws.Backoffs);
    }

    [Fact]
    public async Task SendRawAsync_ClientError_ReturnsErrorResponse()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(400, "{\"__type\":\"OpsItemAlreadyExistsException\",\"OpsItemId\":\"oi-1\"}"));

        var response = await new TestAws().Client(server).SendRawAsync(Get, CancellationToken.None);

        Assert.Equal(AwsErrorCodes.OpsItemAlreadyExists, response.Error?.ErrorCode);
        Assert.Contains("oi-1", Encoding.UTF8.GetString(response.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_AttemptTimesOut_RetriesAndSucceeds()
    {
        await using var server = new LoopbackServer();
        var aws = new TestAws();
        server.Enqueue(_ =>
            {
                // The first attempt's clock runs out while the server holds the answer back.
                aws.Clock.Advance(TimeSpan.FromMilliseconds(300));
                return CannedResponse.Json(200, "{\"slow\":true}") with { Delay = TimeSpan.FromSeconds(30) };
            })
            .Enqueue(CannedResponse.Json(200, "{\"slow\":false}"));

        var response = await aws.Client(server, attemptTimeout: TimeSpan.FromMilliseconds(300)).SendAsync(Get, CancellationToken.None);

        Assert.Equal("{\"slow\":false}", Encoding.UTF8.GetString(response.Body));
        Assert.Single(aws.Backoffs);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_RetriesThenThrowsNetworkError()
    {
        var server = new LoopbackServer();
        var client = new TestAws().Client(server, maxAttempts: 2);
        await server.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(Get, CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_CallerCancels_DoesNotRetry()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, "{}") with { Delay = TimeSpan.FromSeconds(30) });
        var aws = new TestAws();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => aws.Client(server).SendAsync(Get, cancel.Token));

        Assert.Empty(aws.Backoffs);
    }

    [Fact]
    public async Task SendAsync_QueryAndEndpointPath_AreOnTheWireAsSigned()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, "{}"));
        var aws = new TestAws();
        var client = new AwsHttpClient(
            new HttpClient(),
            new Remediator.Emulation.Credentials.StaticCredentialsProvider(TestAws.Credentials),
            "us-east-1",
            _ => new Uri(server.BaseUri, "/prefix/"),
            new AwsRetryOptions { Backoff = (_, _) => TimeSpan.Zero },
            TimeProvider.System);
        var request = Get with { Query = [new("Qualifier", "live alias"), new("b", "x/y:z")] };

        await client.SendAsync(request, CancellationToken.None);

        var wire = Assert.Single(server.Requests);
        Assert.Equal("/prefix/2015-03-31/functions/f/configuration?Qualifier=live%20alias&b=x%2Fy%3Az", wire.RawTarget);
        AwsRequestSignerTests.AssertVerifies(wire, TestAws.Credentials);
    }
}
