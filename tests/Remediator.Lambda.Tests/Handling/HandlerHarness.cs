using Remediator.Aws.Composition;
using Remediator.Aws.Http;
using Remediator.Core.Configuration;
using Remediator.Lambda.Handling;
using Remediator.Lambda.Hosting;
using Remediator.Lambda.Runtime;
using Remediator.Lambda.Tests.TestSupport;

namespace Remediator.Lambda.Tests.Handling;

/// <summary>Builds the real handler against a <see cref="SandboxWorld"/>, configured from environment
/// variables as the Lambda is, with a recording log.</summary>
internal static class HandlerHarness
{
    // No backoff between retries: tests that exhaust retries stay fast.
    internal static readonly AwsClientSettings FastRetries = new() { Retry = new AwsRetryOptions { Backoff = (_, _) => TimeSpan.Zero } };

    public static Dictionary<string, string> Variables(SandboxWorld world, string? topicArn = null) => new(StringComparer.Ordinal)
    {
        ["AWS_LAMBDA_FUNCTION_NAME"] = "remediator",
        ["AWS_REGION"] = SandboxWorld.Region,
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
        ["AWS_ENDPOINT_URL"] = world.Endpoint,
        [RemediatorVariables.Mode] = "enforce",
        [RemediatorVariables.SettleSeconds] = "0",
        [RemediatorVariables.TopicArn] = topicArn ?? SandboxWorld.TopicArn,
    };

    public static RemediationHandler Create(IReadOnlyDictionary<string, string> variables, RecordingLogSink log)
    {
        var environment = new InMemoryEnvironmentVariables(variables);
        SettingsResult settings = RemediatorSettingsReader.Read(environment);
        Assert.True(settings.IsValid, settings.IsValid ? null : settings.Describe());
        var context = new HandlerContext(
            settings.Settings!, environment, TimeProvider.System, log,
            new DeadlinePolicy(TimeProvider.System, DeadlinePolicy.DefaultSafetyMargin));
        return RemediationHandlerFactory.Create(context, FastRetries);
    }

    public static Invocation Invocation(string payload, TimeSpan? timeLeft = null, string functionArn = FakeInvocation.DefaultFunctionArn) =>
        new(Guid.NewGuid().ToString(), DateTimeOffset.UtcNow + (timeLeft ?? TimeSpan.FromMinutes(1)), functionArn, null,
            System.Text.Encoding.UTF8.GetBytes(payload));
}
