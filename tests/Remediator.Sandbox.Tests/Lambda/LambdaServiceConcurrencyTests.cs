using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Lambda;

/// <summary>Reserved concurrency as Lambda serves it: Put (2017-10-31), Get (2019-09-30), Delete; one setting per function.</summary>
public sealed class LambdaServiceConcurrencyTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly SignedClient _client = sandbox.Client;

    [Fact]
    public async Task GetFunctionConcurrency_NoneReserved_ReturnsAnEmptyObject()
    {
        await _client.CreateFunctionAsync("cc-none");

        var response = await _client.RestAsync("lambda", HttpMethod.Get, "/2019-09-30/functions/cc-none/concurrency");

        Assert.Equal((200, "{}"), (response.Status, response.Body));
    }

    [Fact]
    public async Task PutThenGetThenDelete_RoundTripsTheReservedValue()
    {
        await _client.CreateFunctionAsync("cc-round");

        var put = SandboxApi.Ok(await _client.PutFunctionConcurrencyAsync("cc-round", 0));
        var get = SandboxApi.Ok(await _client.RestAsync("lambda", HttpMethod.Get, $"/2019-09-30/functions/{Uri.EscapeDataString(SandboxApi.FunctionArn("cc-round"))}/concurrency"));
        var delete = await _client.RestAsync("lambda", HttpMethod.Delete, "/2017-10-31/functions/cc-round/concurrency");
        var after = SandboxApi.Ok(await _client.RestAsync("lambda", HttpMethod.Get, "/2019-09-30/functions/cc-round/concurrency"));

        Assert.Equal(0, put.Json.GetProperty("ReservedConcurrentExecutions").GetInt32());
        Assert.Equal(0, get.Json.GetProperty("ReservedConcurrentExecutions").GetInt32());
        Assert.Equal(204, delete.Status);
        Assert.Equal("{}", after.Body);
    }

    [Theory]
    [InlineData("cc-missing")]
    [InlineData("cc-qualified:1")]
    public async Task GetFunctionConcurrency_NoSuchFunction_Returns404(string name)
    {
        if (name.Contains(':', StringComparison.Ordinal))
        {
            await _client.CreateFunctionAsync(name.Split(':')[0]);
        }

        var response = await _client.RestAsync("lambda", HttpMethod.Get, $"/2019-09-30/functions/{name}/concurrency");

        Assert.Equal((404, "ResourceNotFoundException"), (response.Status, response.ErrorCode));
    }

    [Fact]
    public async Task PutFunctionConcurrency_Negative_Returns400()
    {
        await _client.CreateFunctionAsync("cc-negative");

        var response = await _client.PutFunctionConcurrencyAsync("cc-negative", -1);

        Assert.Equal((400, "InvalidParameterValueException"), (response.Status, response.ErrorCode));
    }
}
