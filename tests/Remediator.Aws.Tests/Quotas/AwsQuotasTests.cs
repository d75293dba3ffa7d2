using Microsoft.Extensions.Time.Testing;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Http;
using Remediator.Aws.Quotas;
using Remediator.Aws.Tests.TestSupport;

namespace Remediator.Aws.Tests.Quotas;

/// <summary>Half of each account quota by default, counted in permits on a fake clock.</summary>
public sealed class AwsQuotasTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("apigateway", "GetRestApi", "API Gateway control plane")]
    [InlineData("apigateway", "GetResources", "API Gateway GetResources,API Gateway control plane")]
    [InlineData("apigatewayv2", "GetRoutes", "API Gateway control plane")]
    [InlineData("apigatewayv2", "GetResources", "API Gateway control plane")]
    [InlineData("lambda", "GetPolicy", "Lambda GetPolicy")]
    [InlineData("lambda", "AddPermission", "Lambda control plane")]
    [InlineData("lambda", "GetFunctionConfiguration", "Lambda control plane")]
    [InlineData("logs", "FilterLogEvents", "")]
    [InlineData("sns", "Publish", "")]
    public void BucketsFor_Operation_CountsAgainstItsQuotas(string service, string operation, string quotas)
    {
        var limits = new AwsQuotas(new FakeTimeProvider());
        var expected = quotas.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(name => Quota(limits, name)).ToList();

        Assert.Equal(expected, limits.BucketsFor(Service(service), operation));
    }

    [Fact]
    public void Buckets_DefaultShare_AreHalfOfEachQuota()
    {
        var limits = new AwsQuotas(new FakeTimeProvider());

        Assert.Equal(0.5, limits.Share);
        Assert.Equal((20, TimeSpan.FromMilliseconds(200)), Shape(Quota(limits, "API Gateway control plane")));
        Assert.Equal((2, TimeSpan.FromMilliseconds(800)), Shape(Quota(limits, "API Gateway GetResources")));
        Assert.Equal((7, TimeSpan.FromSeconds(1) / 7.5), Shape(Quota(limits, "Lambda GetPolicy")));
        Assert.Equal((7, TimeSpan.FromSeconds(1) / 7.5), Shape(Quota(limits, "Lambda control plane")));
    }

    [Fact]
    public async Task AcquireAsync_ApiGatewayV1AndV2_ShareOneBucket()
    {
        var clock = new FakeTimeProvider();
        var limits = new AwsQuotas(clock);

        Task[] calls = [.. Enumerable.Range(0, 40).Select(i => limits.AcquireAsync(i % 2 == 0 ? AwsService.ApiGateway : AwsService.ApiGatewayV2, "GetStage", CancellationToken.None).AsTask())];

        await GrantedAsync(calls, 20);
        clock.Advance(TimeSpan.FromSeconds(1));
        await GrantedAsync(calls, 25);
    }

    [Fact]
    public async Task AcquireAsync_GetPolicyAndTheRestOfLambda_HaveBucketsOfTheirOwn()
    {
        var clock = new FakeTimeProvider();
        var limits = new AwsQuotas(clock);

        Task[] reads = Start(limits, AwsService.Lambda, "GetPolicy", 20);
        Task[] writes = Start(limits, AwsService.Lambda, "AddPermission", 20);

        await GrantedAsync(reads, 7);
        await GrantedAsync(writes, 7);
        clock.Advance(TimeSpan.FromSeconds(1));
        await GrantedAsync(reads, 14);
        await GrantedAsync(writes, 14);
    }

    [Fact]
    public async Task AcquireAsync_GetResources_TakesHalfOfItsOwnQuota()
    {
        var clock = new FakeTimeProvider();
        var limits = new AwsQuotas(clock);

        Task[] calls = Start(limits, AwsService.ApiGateway, "GetResources", 6);

        await GrantedAsync(calls, 2);
        clock.Advance(TimeSpan.FromSeconds(2));
        await GrantedAsync(calls, 4);
    }

    [Fact]
    public async Task SendAsync_WithQuotas_OnlyPermittedCallsReachTheWire()
    {
        await using var server = new LoopbackServer();
        for (int i = 0; i < 5; i++)
        {
            server.Enqueue(CannedResponse.Json(200, "{\"item\":[]}"));
        }

        var aws = new TestAws();
        AwsHttpClient client = aws.Client(server, quotas: new AwsQuotas(aws.Clock));
        var request = new AwsRequest(AwsService.ApiGateway, "GetResources", HttpMethod.Get, AwsPath.Of("restapis", "a1b2c3", "resources"));

        Task[] calls = [.. Enumerable.Range(0, 5).Select(_ => client.SendAsync(request, CancellationToken.None))];

        await GrantedAsync(calls, 2);
        Assert.Equal(2, server.Requests.Count);
        aws.Clock.Advance(TimeSpan.FromMilliseconds(800));
        await GrantedAsync(calls, 3);
        Assert.Equal(3, server.Requests.Count);
    }

    private static Task[] Start(AwsQuotas limits, AwsService service, string operation, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => limits.AcquireAsync(service, operation, CancellationToken.None).AsTask())];

    private static async Task GrantedAsync(Task[] calls, int count)
    {
        await Task.WhenAll(calls.Take(count)).WaitAsync(Guard);
        Assert.All(calls.Skip(count), call => Assert.False(call.IsCompleted));
    }

    private static (int, TimeSpan) Shape(TokenBucket bucket) => (bucket.Capacity, bucket.Interval);

    private static TokenBucket Quota(AwsQuotas limits, string name) => limits.BucketOf(
        new[] { AccountQuota.ApiGateway, AccountQuota.ApiGatewayGetResources, AccountQuota.LambdaGetPolicy, AccountQuota.LambdaControlPlane }
            .Single(quota => quota.Name == name));

    private static AwsService Service(string name) => name switch
    {
        "apigateway" => AwsService.ApiGateway,
        "apigatewayv2" => AwsService.ApiGatewayV2,
        "lambda" => AwsService.Lambda,
        "logs" => AwsService.Logs,
        _ => AwsService.Sns,
    };
}
