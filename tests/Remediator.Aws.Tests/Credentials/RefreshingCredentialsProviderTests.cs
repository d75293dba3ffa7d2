using Microsoft.Extensions.Time.Testing;
using Remediator.Aws.Credentials;
using Remediator.Aws.Tests.TestSupport;
using Remediator.Emulation.Credentials;

namespace Remediator.Aws.Tests.Credentials;

public sealed class RefreshingCredentialsProviderTests
{
    private sealed class CountingProvider(TimeProvider clock) : IAwsCredentialsProvider
    {
        public int Calls { get; private set; }

        public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult(new AwsCredentials($"AKID{Calls}", "s", "t", clock.GetUtcNow().AddHours(1)));
        }
    }

    [Fact]
    public async Task GetCredentialsAsync_BeforeRefreshWindow_ReusesCached()
    {
        var clock = new FakeTimeProvider(TestAws.Now);
        var inner = new CountingProvider(clock);
        using var provider = new RefreshingCredentialsProvider(inner, clock);

        var first = await provider.GetCredentialsAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(54));
        var second = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task GetCredentialsAsync_InsideRefreshWindow_Refreshes()
    {
        var clock = new FakeTimeProvider(TestAws.Now);
        var inner = new CountingProvider(clock);
        using var provider = new RefreshingCredentialsProvider(inner, clock);

        await provider.GetCredentialsAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(56));
        var refreshed = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal("AKID2", refreshed.AccessKeyId);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task GetCredentialsAsync_NoExpiration_KeptForGood()
    {
        var clock = new FakeTimeProvider(TestAws.Now);
        using var provider = new RefreshingCredentialsProvider(new StaticCredentialsProvider(new AwsCredentials("A", "S")), clock);

        await provider.GetCredentialsAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal("A", (await provider.GetCredentialsAsync(CancellationToken.None)).AccessKeyId);
    }

    [Fact]
    public void ToString_Credentials_HidesSecret()
    {
        Assert.DoesNotContain("topsecret", new AwsCredentials("A", "topsecret", "tok").ToString(), StringComparison.Ordinal);
    }
}
