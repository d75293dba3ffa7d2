using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using Remediator.Aws.Ledger;
using Remediator.Core.Configuration;
using Remediator.Core.Ledger;
using Remediator.Lambda.Handling;
using Remediator.Lambda.Hosting;
using Remediator.Lambda.Runtime;
using Remediator.Lambda.Tests.TestSupport;

namespace Remediator.Lambda.Tests.Handling;

/// <summary>The Lambda's handler is composed by the same <c>RemediatorServices</c> as the CLI, from its environment.</summary>
public sealed class RemediationHandlerFactoryTests
{
    private static readonly Dictionary<string, string> Lambda = new(StringComparer.Ordinal)
    {
        ["AWS_LAMBDA_FUNCTION_NAME"] = "remediator",
        ["AWS_REGION"] = "eu-west-1",
        ["AWS_ACCESS_KEY_ID"] = "ASIAROLE",
        ["AWS_SECRET_ACCESS_KEY"] = "role-secret",
        ["AWS_SESSION_TOKEN"] = "role-token",
    };

    [Fact]
    public async Task Create_LedgerTableNamed_GivesTheDynamoDbClientTheTenSecondTimeout()
    {
        await using RemediationHandler handler = Create(new Dictionary<string, string>(Lambda)
        {
            [RemediatorVariables.LedgerTable] = "remediator-ledger",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:8000",
        });

        Assert.IsType<DynamoDbLedger>(handler.Services.Ledger);
        IClientConfig config = handler.Services.LedgerClient!.Config;
        Assert.Equal(TimeSpan.FromSeconds(10), config.Timeout);
        Assert.Equal(("http://127.0.0.1:8000/", "eu-west-1"), (config.ServiceURL, config.AuthenticationRegion));
    }

    [Fact]
    public async Task Create_NoTable_UsesTheInMemoryLedger()
    {
        await using RemediationHandler handler = Create(Lambda);

        Assert.IsType<InMemoryLedger>(handler.Services.Ledger);
        Assert.Null(handler.Services.LedgerClient);
    }

    [Fact]
    public async Task Create_Context_GivesTheEngineTheLambdasLogSinkAndClock()
    {
        var log = new RecordingLogSink();
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);

        await using RemediationHandler handler = Create(Lambda, log, clock);

        Assert.Same(log, handler.Services.Dependencies.LogSink);
        Assert.Same(clock, handler.Services.Dependencies.Time);
    }

    [Fact]
    public async Task Create_InsideLambda_SignsWithTheRolesVariables()
    {
        await using RemediationHandler handler = Create(Lambda);

        Aws.Credentials.AwsCredentials credentials = await handler.Services.Clients.Credentials.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(("ASIAROLE", "role-token"), (credentials.AccessKeyId, credentials.SessionToken));
    }

    private static RemediationHandler Create(IReadOnlyDictionary<string, string> variables, RecordingLogSink? log = null, TimeProvider? clock = null)
    {
        var environment = new InMemoryEnvironmentVariables(variables);
        SettingsResult settings = RemediatorSettingsReader.Read(environment);
        Assert.True(settings.IsValid, settings.IsValid ? null : settings.Describe());
        clock ??= TimeProvider.System;
        return RemediationHandlerFactory.Create(new HandlerContext(
            settings.Settings!, environment, clock, log ?? new RecordingLogSink(), new DeadlinePolicy(clock, DeadlinePolicy.DefaultSafetyMargin)));
    }
}
