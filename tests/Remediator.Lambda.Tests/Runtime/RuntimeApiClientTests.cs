using System.Globalization;
using System.Text.Json;
using Remediator.Lambda.Runtime;
using Remediator.Lambda.Tests.TestSupport;

namespace Remediator.Lambda.Tests.Runtime;

public sealed class RuntimeApiClientTests : IAsyncLifetime
{
    private RuntimeApiFake _fake = null!;
    private HttpClient _http = null!;
    private RuntimeApiClient _client = null!;

    public async Task InitializeAsync()
    {
        _fake = await RuntimeApiFake.StartAsync();
        _http = RuntimeApiClient.CreateHttpClient();
        _client = new RuntimeApiClient(_http, _fake.Address);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private static string Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void CreateHttpClient_HasNoTimeout()
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, _http.Timeout);
    }

    [Fact]
    public async Task GetNextInvocationAsync_WellFormed_ParsesEveryHeader()
    {
        _fake.Enqueue(new FakeInvocation("id-1", [1, 2, 3], "1741944413589", "arn:aws:lambda:us-east-1:000000000000:function:f", "Root=1-x"));

        Invocation invocation = await _client.GetNextInvocationAsync(CancellationToken.None);

        Assert.Equal("id-1", invocation.RequestId);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 26, 53, 589, TimeSpan.Zero), invocation.Deadline);
        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:f", invocation.FunctionArn);
        Assert.Equal("Root=1-x", invocation.TraceId);
        Assert.Equal(new byte[] { 1, 2, 3 }, invocation.Payload.ToArray());
    }

    [Fact]
    public async Task GetNextInvocationAsync_NoTraceHeader_TraceIdIsNull()
    {
        _fake.Enqueue(new FakeInvocation("id-1", [], Ms(DateTimeOffset.UtcNow), "arn", TraceId: null));

        Assert.Null((await _client.GetNextInvocationAsync(CancellationToken.None)).TraceId);
    }

    [Theory]
    [InlineData(null, "arn", RuntimeApiConstants.DeadlineHeader)]
    [InlineData("soon", "arn", RuntimeApiConstants.DeadlineHeader)]
    [InlineData("-5", "arn", RuntimeApiConstants.DeadlineHeader)]
    [InlineData("99999999999999999999", "arn", RuntimeApiConstants.DeadlineHeader)]
    [InlineData("1741944413589", null, RuntimeApiConstants.FunctionArnHeader)]
    public async Task GetNextInvocationAsync_BadHeader_ThrowsNamingIt(string? deadlineMs, string? functionArn, string header)
    {
        _fake.Enqueue(new FakeInvocation("id-1", [], deadlineMs, functionArn, null));

        RuntimeApiException exception = await Assert.ThrowsAsync<RuntimeApiException>(
            () => _client.GetNextInvocationAsync(CancellationToken.None));

        Assert.Contains(header, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetNextInvocationAsync_Cancelled_StopsWaiting()
    {
        using var cancel = new CancellationTokenSource();
        Task<Invocation> polling = _client.GetNextInvocationAsync(cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => polling.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task SendResponseAsync_UnknownRequestId_ThrowsWithStatus()
    {
        RuntimeApiException exception = await Assert.ThrowsAsync<RuntimeApiException>(
            () => _client.SendResponseAsync("never-handed-out", new byte[] { 1 }, CancellationToken.None));

        Assert.Equal(400, exception.StatusCode);
        Assert.Contains("InvalidRequestID", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendResponseAsync_Twice_SecondIsRefused()
    {
        _fake.Enqueue(new FakeInvocation("id-1", [], Ms(DateTimeOffset.UtcNow), "arn", null));
        await _client.GetNextInvocationAsync(CancellationToken.None);
        await _client.SendResponseAsync("id-1", new byte[] { 1 }, CancellationToken.None);

        await Assert.ThrowsAsync<RuntimeApiException>(() => _client.SendResponseAsync("id-1", new byte[] { 2 }, CancellationToken.None));
        Assert.Equal(new byte[] { 1 }, (await _fake.WaitForResultAsync("id-1")).Body);
    }

    [Fact]
    public async Task SendErrorAsync_RequestIdNeedingEscapes_ReachesItsInvocation()
    {
        _fake.Enqueue(new FakeInvocation("id with/slash", [], Ms(DateTimeOffset.UtcNow), "arn", null));
        await _client.GetNextInvocationAsync(CancellationToken.None);

        await _client.SendErrorAsync("id with/slash", new RuntimeError("T", "m", []), CancellationToken.None);

        Assert.True((await _fake.WaitForResultAsync("id with/slash")).IsError);
    }

    [Fact]
    public async Task SendInitErrorAsync_PostsStandardErrorBody()
    {
        await _client.SendInitErrorAsync(new RuntimeError("Runtime.ConfigInvalid", "REMEDIATOR_MODE: bad", ["at A", "at B"]), CancellationToken.None);

        RuntimeApiResult posted = await _fake.WaitForInitErrorAsync();
        Assert.Equal("Runtime.ConfigInvalid", posted.ErrorTypeHeader);
        Assert.Equal(RuntimeApiConstants.ErrorContentType, posted.ContentType);
        Assert.Equal(
            """{"errorMessage":"REMEDIATOR_MODE: bad","errorType":"Runtime.ConfigInvalid","stackTrace":["at A","at B"]}""",
            posted.BodyText);
    }

    [Fact]
    public async Task SendErrorAsync_NonAsciiErrorType_HeaderStaysAscii()
    {
        _fake.Enqueue(new FakeInvocation("id-1", [], Ms(DateTimeOffset.UtcNow), "arn", null));
        await _client.GetNextInvocationAsync(CancellationToken.None);

        await _client.SendErrorAsync("id-1", new RuntimeError("Fehler\u00dc\n", "m", []), CancellationToken.None);

        RuntimeApiResult posted = await _fake.WaitForResultAsync("id-1");
        Assert.Equal("Fehler__", posted.ErrorTypeHeader);
        using JsonDocument body = JsonDocument.Parse(posted.Body);
        Assert.Equal("Fehler\u00dc\n", body.RootElement.GetProperty("errorType").GetString());
    }
}
