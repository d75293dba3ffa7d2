using System.Net;
using System.Text.Json;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Aws.Http;
using Remediator.Core.Ports;
using Remediator.Emulation.Credentials;
using Remediator.Sandbox.Scenarios;

namespace Remediator.Sandbox.Tests.Accounts;

/// <summary>
/// Several accounts in one sandbox, chosen by the key that signs each call, and STS AssumeRole through the official AWS
/// SDK client: the credentials it hands out act in the role's account.
/// </summary>
public sealed class MultiAccountTests
{
    private const string Other = "222222222222";
    private const string RoleOnly = "333333333333";
    private static readonly IAwsCredentialsProvider OtherKeys = new StaticCredentialsProvider(new AwsCredentials("other", "other-secret"));

    private static SandboxOptions Options() => new()
    {
        Roles = ["remediator-audit"],
        OtherAccounts =
        [
            new SandboxAccountOptions(Other, new Dictionary<string, string> { ["other"] = "other-secret" }, ["remediator-audit"]),
            new SandboxAccountOptions(RoleOnly, new Dictionary<string, string>(), ["remediator-audit", "deployer"]),
        ],
    };

    [Fact]
    public async Task EachAccountsKeysSeeOnlyThatAccountsResources()
    {
        await using StageVariableOutage home = await StageVariableOutage.StartAsync(Options(), CancellationToken.None);
        await using StageVariableOutage other = home.InAccount(Other, OtherKeys);

        await other.CreateFunctionAsync("orders", CancellationToken.None);
        string apiId = await other.CreateApiAsync("orders", CancellationToken.None);

        Assert.Equal([SandboxOptions.DefaultAccountId, Other, RoleOnly], home.Sandbox.AccountIds);
        Assert.Empty(home.State().GetProperty("functions").EnumerateObject());
        JsonElement otherState = other.State();
        Assert.Single(otherState.GetProperty("functions").EnumerateObject());
        Assert.Contains(other.FunctionArn("orders"), otherState.GetProperty("functions").GetRawText(), StringComparison.Ordinal);
        Assert.Contains(apiId, otherState.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(apiId, home.State().GetRawText(), StringComparison.Ordinal);

        using AwsClients clients = Clients(home, OtherKeys);
        var identity = await clients.Sts.GetCallerIdentityAsync(CancellationToken.None);
        Assert.Equal(Other, identity.Account);
        Assert.Equal($"arn:aws:iam::{Other}:root", identity.Arn);
    }

    [Fact]
    public async Task AssumeRole_WithTheOfficialClient_IssuesKeysThatActInTheRolesAccount()
    {
        await using StageVariableOutage home = await StageVariableOutage.StartAsync(Options(), CancellationToken.None);
        string roleArn = $"arn:aws:iam::{RoleOnly}:role/remediator-audit";
        using var provider = new AssumedRoleCredentialsProvider(StageVariableOutage.Credentials, StsConfig(home), roleArn, "audit-test");

        AwsCredentials keys = await provider.GetCredentialsAsync(CancellationToken.None);
        Assert.StartsWith("ASIA", keys.AccessKeyId, StringComparison.Ordinal);
        Assert.NotNull(keys.SessionToken);
        Assert.True(keys.Expiration > DateTimeOffset.UtcNow.AddMinutes(55));

        using AwsClients clients = Clients(home, new StaticCredentialsProvider(keys));
        var identity = await clients.Sts.GetCallerIdentityAsync(CancellationToken.None);
        Assert.Equal(RoleOnly, identity.Account);
        Assert.Equal($"arn:aws:sts::{RoleOnly}:assumed-role/remediator-audit/audit-test", identity.Arn);

        await using StageVariableOutage roleView = home.InAccount(RoleOnly, new StaticCredentialsProvider(keys));
        await roleView.CreateFunctionAsync("billing", CancellationToken.None);
        Assert.Single(roleView.State().GetProperty("functions").EnumerateObject());
        Assert.Empty(home.State().GetProperty("functions").EnumerateObject());
    }

    [Fact]
    public async Task AssumeRole_OfARoleTheAccountDoesNotHave_OrOfAnAccountNotServed_IsAccessDenied()
    {
        await using StageVariableOutage home = await StageVariableOutage.StartAsync(Options(), CancellationToken.None);

        foreach (string roleArn in new[] { $"arn:aws:iam::{Other}:role/deployer", "arn:aws:iam::444444444444:role/remediator-audit" })
        {
            using var provider = new AssumedRoleCredentialsProvider(StageVariableOutage.Credentials, StsConfig(home), roleArn, "audit-test");
            var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(async () => await provider.GetCredentialsAsync(CancellationToken.None));
            Assert.Equal("AccessDenied", error.ErrorCode);
            Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
            Assert.Contains($"arn:aws:iam::{SandboxOptions.DefaultAccountId}:root is not authorized to perform: sts:AssumeRole on resource: {roleArn}", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("a", null)]
    [InlineData("has space", null)]
    [InlineData("audit", 600)]
    [InlineData("audit", 7200)]
    public async Task AssumeRole_WithABadSessionNameOrDuration_IsAValidationError(string session, int? duration)
    {
        await using StageVariableOutage home = await StageVariableOutage.StartAsync(Options(), CancellationToken.None);
        using var client = new AmazonSecurityTokenServiceClient(new SdkCredentialsBridge(StageVariableOutage.Credentials), StsConfig(home));

        var request = new AssumeRoleRequest { RoleArn = $"arn:aws:iam::{Other}:role/remediator-audit", RoleSessionName = session };
        if (duration is { } seconds)
        {
            request.DurationSeconds = seconds;
        }

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => client.AssumeRoleAsync(request));
        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task TemporaryKeys_WithoutTheirSessionToken_AreRefused()
    {
        await using StageVariableOutage home = await StageVariableOutage.StartAsync(Options(), CancellationToken.None);
        using var provider = new AssumedRoleCredentialsProvider(
            StageVariableOutage.Credentials, StsConfig(home), $"arn:aws:iam::{Other}:role/remediator-audit", "audit-test");
        AwsCredentials keys = await provider.GetCredentialsAsync(CancellationToken.None);

        using AwsClients clients = Clients(home, new StaticCredentialsProvider(keys with { SessionToken = null }));
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Sts.GetCallerIdentityAsync(CancellationToken.None));
        Assert.Equal("InvalidClientTokenId", error.ErrorCode);
    }

    private static AmazonSecurityTokenServiceConfig StsConfig(StageVariableOutage sandbox) =>
        RemediatorServices.StsClientConfig(sandbox.Endpoint, sandbox.Sandbox.Region, new AwsRetryOptions());

    private static AwsClients Clients(StageVariableOutage sandbox, IAwsCredentialsProvider credentials) =>
        AwsClients.Create(
            AwsEnvironment.FromDictionary(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = sandbox.Endpoint }),
            new AwsClientSettings { Region = sandbox.Sandbox.Region, Credentials = credentials });
}
