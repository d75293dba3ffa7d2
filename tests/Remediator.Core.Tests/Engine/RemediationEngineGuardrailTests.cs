using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Tests.Fakes;
using static Remediator.Core.Tests.Engine.EngineWorld;

namespace Remediator.Core.Tests.Engine;

/// <summary>Modes, exemptions, caps, escalation and kinds that are never fixed.</summary>
public class RemediationEngineGuardrailTests
{
    private const string Id = "1a2b3c4d-1111-4222-8333-444455556666";

    private static readonly string[] Failure = RestFailure(Id, "GET", "/pets/42", Pets);

    [Fact]
    public async Task ProcessAsync_ObserveMode_ReadsButNeitherWritesNorNotifies()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Settings = world.Settings with { Mode = RemediatorMode.Observe };

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal((RemediationOutcome.Observed, OutcomeReason.PermissionMissing), (outcome.Outcome, outcome.Reason));
        Assert.NotNull(outcome.StatementJson);
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
        Assert.Empty(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_ObserveModeTicket_IsObservedWithTheTicketReason()
    {
        var world = new EngineWorld();
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage).AddMethod(RestApiId, "/pets/{id}", "GET", Proxy(Pets, $"arn:aws:iam::{Account}:role/r"));
        world.Settings = world.Settings with { Mode = RemediatorMode.Observe };

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal((RemediationOutcome.Observed, OutcomeReason.RoleBasedIntegration), (outcome.Outcome, outcome.Reason));
        Assert.Empty(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_RecommendMode_NotifiesTheExactFixWithoutWriting()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Settings = world.Settings with { Mode = RemediatorMode.Recommend };

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal(RemediationOutcome.Recommended, outcome.Outcome);
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
        SnsMessage message = Assert.Single(world.Sns.Published);
        Assert.Contains(outcome.AddPermissionCommand!, message.Message, StringComparison.Ordinal);
        Assert.Null(outcome.RemovePermissionCommand);
    }

    [Fact]
    public async Task ProcessAsync_RecommendTwice_NotifiesOncePerInterval()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Settings = world.Settings with { Mode = RemediatorMode.Recommend };

        await world.RunAsync(RestBatch(Failure));
        EngineOutcome second = Assert.Single((await world.RunAsync(RestBatch(Failure), "invocation-2")).Outcomes);
        world.Time.Advance(world.Options.NotificationInterval);
        EngineOutcome third = Assert.Single((await world.RunAsync(RestBatch(Failure), "invocation-3")).Outcomes);

        Assert.False(second.Notified);
        Assert.True(third.Notified);
        Assert.Equal(2, world.Sns.Published.Count);
    }

    [Fact]
    public async Task ProcessAsync_RecommendManyPathsOfOneMethod_NotifiesTheFixOnce()
    {
        // Every concrete path is its own finding, yet they all need the same statement.
        var world = new EngineWorld().WithPetsApi();
        world.Settings = world.Settings with { Mode = RemediatorMode.Recommend };
        string[] lines = [.. Enumerable.Range(1, 5).SelectMany(i => RestFailure($"r{i}", "GET", $"/pets/{i}", Pets))];

        EngineResult first = await world.RunAsync(RestBatch(lines));
        EngineResult second = await world.RunAsync(RestBatch(lines), "invocation-2");

        Assert.Equal(5, first.Outcomes.Count);
        Assert.All(first.Outcomes, o => Assert.Equal(RemediationOutcome.Recommended, o.Outcome));
        Assert.DoesNotContain(second.Outcomes, o => o.Notified);
        Assert.Single(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_TicketForManyPathsOfOneMethod_NotifiesOnce()
    {
        var world = new EngineWorld();
        world.Lambda.AddFunction(Pets);
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage)
            .AddMethod(RestApiId, "/pets/{id}", "GET", Proxy(Pets, credentials: $"arn:aws:iam::{Account}:role/apigw-invoke"));

        EngineResult result = await world.RunAsync(RestBatch([.. RestFailure("r1", "GET", "/pets/1", Pets), .. RestFailure("r2", "GET", "/pets/2", Pets)]));

        Assert.All(result.Outcomes, o => Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.RoleBasedIntegration), (o.Outcome, o.Reason)));
        Assert.Single(world.Sns.Published);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("yes")]
    [InlineData("TRUE ")]
    public async Task ProcessAsync_ExemptTag_TicketsWithoutWriting(string value)
    {
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.Tag(Pets, "remediator:exempt", value);

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.Exempted), (outcome.Outcome, outcome.Reason));
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
        Assert.NotNull(outcome.AddPermissionCommand);
    }

    [Fact]
    public async Task ProcessAsync_ExemptTagFalse_Fixes()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.Tag(Pets, "remediator:exempt", "false");

        Assert.Equal(RemediationOutcome.Fixed, Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes).Outcome);
    }

    [Fact]
    public async Task ProcessAsync_TagsUnreadable_FailsClosedAsExempt()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.ListTagsFailure = InMemoryLambda.Error("ListTags", AwsErrorCodes.AccessDenied, 403, "not authorized to perform lambda:ListTags");

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.Exempted), (outcome.Outcome, outcome.Reason));
        Assert.Contains("could not be read", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
    }

    [Fact]
    public async Task ProcessAsync_TagsThrottled_FailsTheInvocationWithoutWriting()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.ListTagsFailure = InMemoryLambda.Error("ListTags", AwsErrorCodes.TooManyRequests, 429, "slow down");

        await Assert.ThrowsAsync<AwsServiceException>(() => world.RunAsync(RestBatch(Failure)));

        Assert.Equal(0, world.Lambda.Count("AddPermission"));
    }

    [Theory]
    [InlineData("pets-*", "")]
    [InlineData("", "orders-*")]
    public async Task ProcessAsync_NamePatterns_ExemptFunctionsOutsideTheAllowList(string deny, string allow)
    {
        var world = new EngineWorld().WithPetsApi();
        world.Settings = world.Settings with
        {
            Functions = new FunctionNameFilter(allow.Length == 0 ? [] : [allow], deny.Length == 0 ? [] : [deny]),
        };

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.Exempted), (outcome.Outcome, outcome.Reason));

        // The guardrail stops before the tags; the one read is the notification's owner lookup.
        Assert.Equal(1, world.Lambda.Count("ListTags"));
    }

    [Fact]
    public async Task ProcessAsync_MoreFixesThanThePerInvocationCap_TicketsTheRestAsBreakerOpen()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Rest.AddMethod(RestApiId, "/owners", "GET", Proxy(Pets)).AddMethod(RestApiId, "/vets", "GET", Proxy(Pets));
        world.Settings = world.Settings with { MaxFixesPerInvocation = 2 };

        EngineResult result = await world.RunAsync(RestBatch(
            [.. RestFailure("r1", "GET", "/pets/1", Pets), .. RestFailure("r2", "GET", "/owners", Pets), .. RestFailure("r3", "GET", "/vets", Pets)]));

        Assert.Equal(
            [RemediationOutcome.Fixed, RemediationOutcome.Fixed, RemediationOutcome.Ticket],
            result.Outcomes.Select(o => o.Outcome));
        Assert.Equal(OutcomeReason.BreakerOpen, result.Outcomes[2].Reason);
        Assert.Equal(2, world.Lambda.Count("AddPermission"));
    }

    [Fact]
    public async Task ProcessAsync_HourlyBreakerOpen_TicketsWithoutWriting()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Settings = world.Settings with { MaxFixesPerHour = 1 };
        await world.Ledger.TryConsumeAsync(HourlyCap.Fixes, 1, CancellationToken.None);

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.BreakerOpen), (outcome.Outcome, outcome.Reason));
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
    }

    [Fact]
    public async Task ProcessAsync_RepeatedTransientOutages_NeverEscalateAndTheNextHealthyPassFixes()
    {
        // A transient outage is AWS's, not a failure of Remediator's fix: it must not lock the root cause out.
        var world = new EngineWorld().WithPetsApi();
        world.Settings = world.Settings with { MaxAttempts = 2 };
        world.Lambda.ListTagsFailure = InMemoryLambda.Error("ListTags", "ServiceException", 500, "boom");
        for (int i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<AwsServiceException>(() => world.RunAsync(RestBatch(Failure), $"i{i}"));
        }

        world.Lambda.ListTagsFailure = null;
        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure), "i-healthy")).Outcomes);

        Assert.Equal((RemediationOutcome.Fixed, OutcomeReason.PermissionMissing), (outcome.Outcome, outcome.Reason));
        Assert.Equal(1, (await world.SingleRecordAsync()).Outcome.Attempts);
    }

    [Fact]
    public async Task ProcessAsync_OwnWriteRefusedForGood_EscalatesOncePerInvocationNotPerRetry()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Settings = world.Settings with { MaxAttempts = 2 };
        world.Lambda.BeforeAddPermission = _ => throw InMemoryLambda.Error("AddPermission", "InvalidParameterValueException", 400, "refused");

        // Lambda's two retries of one event reuse its request id: one failure, not three.
        for (int retry = 0; retry < 3; retry++)
        {
            await Assert.ThrowsAsync<AwsServiceException>(() => world.RunAsync(RestBatch(Failure), "event-1"));
        }

        Assert.Equal(1, (await world.SingleRecordAsync()).Outcome.ConsecutiveFailures);
        await Assert.ThrowsAsync<AwsServiceException>(() => world.RunAsync(RestBatch(Failure), "event-2"));
        int callsBefore = world.Lambda.Calls.Count;

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure), "event-3")).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.RepeatedFailure), (outcome.Outcome, outcome.Reason));

        // Only the notification's owner lookup reads the tags; the ticket goes out once.
        Assert.Equal(["ListTags"], world.Lambda.Calls.Skip(callsBefore));
        Assert.Single(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_PermissionKeepsDisappearing_EscalatesInsteadOfFightingForever()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Settings = world.Settings with { MaxAttempts = 2 };
        for (int i = 0; i < 2; i++)
        {
            EngineOutcome fix = Assert.Single((await world.RunAsync(RestBatch(Failure), $"i{i}")).Outcomes);
            await world.Lambda.RemovePermissionAsync(Pets, fix.StatementId!, null, null, CancellationToken.None);
        }

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure), "i-last")).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.RepeatedFailure), (outcome.Outcome, outcome.Reason));
        Assert.Equal(2, world.Lambda.Count("AddPermission"));
    }

    [Theory]
    [InlineData("Execution failed due to configuration error: Malformed Lambda proxy response", OutcomeReason.ProxyResponse)]
    [InlineData("Lambda execution failed with status 200 due to customer function error: [Errno 13] Permission denied: '/var/task/app.py'", OutcomeReason.PackagePermissions)]
    [InlineData("Lambda execution failed with status 200 due to customer function error: Handler 'handler' missing on module 'app'", OutcomeReason.Handler)]
    [InlineData("Lambda execution failed with status 200 due to customer function error: division by zero", OutcomeReason.FunctionError)]
    [InlineData("Method completed with status: 504", OutcomeReason.UnrecognizedFailure)]
    public async Task ProcessAsync_KindsAGrantCannotFix_TicketTheVerifiedFunctionReadingOnlyItsTags(string line, OutcomeReason expected)
    {
        var world = new EngineWorld().WithPetsApi();

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch($"({Id}) HTTP Method: GET, Resource Path: /pets/1", $"({Id}) {line}"))).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, expected), (outcome.Outcome, outcome.Reason));
        Assert.Equal((Pets, "GET", "/pets/{id}"), (outcome.FunctionArn, outcome.HttpMethod, outcome.ResourcePath));
        Assert.Null(outcome.StatementJson);
        // Nothing of the function is read but its tags, for the notification's owner.
        Assert.Equal(["ListTags"], world.Lambda.Calls);
        Assert.Single(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_ExplicitDeny_TicketsWithoutAddingAnAllow()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.AddStatement(Pets, null, "{\"Sid\":\"deny-all\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"lambda:*\",\"Resource\":\"" + Pets + "\"}");

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.ExplicitDeny), (outcome.Outcome, outcome.Reason));
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
    }

    [Fact]
    public async Task ProcessAsync_PolicyAlreadyAllows_NoWriteNoNotification()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Lambda.AddStatement(Pets, null, LambdaStatementWriter.WriteStatement(
            "console-added", "apigateway.amazonaws.com", "lambda:InvokeFunction", Pets, $"arn:aws:execute-api:us-east-1:{Account}:{RestApiId}/*", null));

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(Failure))).Outcomes);

        Assert.Equal((RemediationOutcome.AlreadyAllowed, OutcomeReason.PolicyAllows), (outcome.Outcome, outcome.Reason));
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
        Assert.Empty(world.Sns.Published);
    }

    [Fact]
    public async Task ProcessAsync_LogsOfAnotherAccount_AreIgnoredWithoutClaimOrReads()
    {
        var world = new EngineWorld().WithPetsApi();

        EngineOutcome outcome = Assert.Single((await world.RunAsync(Batch(ExecutionGroup(RestApiId), Failure, owner: OtherAccount))).Outcomes);

        Assert.Equal((RemediationOutcome.Ignored, OutcomeReason.ForeignAccount), (outcome.Outcome, outcome.Reason));
        Assert.Empty(world.Rest.Calls);
        Assert.Null(await world.Ledger.GetAsync(outcome.Finding!.Fingerprint, CancellationToken.None));
    }
}
