using Microsoft.Extensions.Time.Testing;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Faults;

/// <summary>The sandbox's emulation of AWS's account request quotas, over real signed HTTP: burst, rate, each service's own throttling answer.</summary>
public sealed class QuotaEmulatorTests
{
    [Fact]
    public async Task ApiGateway_AboveBurstUntilTheRateRefills_Answers429TooManyRequests()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Port = 0, Clock = clock, EmulateQuotas = true });
        using var client = new SignedClient(server.BaseUrl);

        // 40 at once (the burst), v1 and v2 counted together; the next is refused until time refills the bucket.
        for (int i = 0; i < 40; i++)
        {
            WireResponse ok = await client.SendAsync("apigateway", HttpMethod.Get, i % 2 == 0 ? "/restapis" : "/v2/apis", signedAt: clock.GetUtcNow());
            Assert.Equal(200, ok.Status);
        }

        WireResponse throttled = await client.SendAsync("apigateway", HttpMethod.Get, "/restapis", signedAt: clock.GetUtcNow());
        Assert.Equal((429, "TooManyRequestsException"), (throttled.Status, throttled.ErrorCode));

        clock.Advance(TimeSpan.FromSeconds(1));
        int admitted = 0;
        for (int i = 0; i < 12; i++)
        {
            admitted += (await client.SendAsync("apigateway", HttpMethod.Get, "/restapis", signedAt: clock.GetUtcNow())).Status == 200 ? 1 : 0;
        }

        Assert.Equal(10, admitted);
        Assert.Contains("\"throttled:apigateway:GetRestApis\":3", server.StateJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lambda_GetPolicyAboveItsQuota_AnswersLambdasThrottle()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Port = 0, Clock = clock, EmulateQuotas = true });
        using var client = new SignedClient(server.BaseUrl);

        var statuses = new List<int>();
        for (int i = 0; i < 16; i++)
        {
            statuses.Add((await client.SendAsync("lambda", HttpMethod.Get, "/2015-03-31/functions/nope/policy", signedAt: clock.GetUtcNow())).Status);
        }

        Assert.Equal(15, statuses.Count(s => s == 404));
        Assert.Equal(429, statuses[^1]);
    }

    [Fact]
    public async Task Off_ByDefault_NothingIsThrottled()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Port = 0 });
        using var client = new SignedClient(server.BaseUrl);

        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(200, (await client.SendAsync("apigateway", HttpMethod.Get, "/restapis")).Status);
        }
    }
}
