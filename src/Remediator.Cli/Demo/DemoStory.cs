using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Remediator.Aws.Composition;
using Remediator.Core.Configuration;
using Remediator.Core.Intake;
using Remediator.Core.Tickets;
using Remediator.Lambda.Handling;
using Remediator.Lambda.Hosting;
using Remediator.Lambda.Runtime;

namespace Remediator.Cli.Demo;

/// <summary>
/// The five-minute story in one run: an API Gateway → Lambda permission outage in the sandbox, its real
/// execution log lines, the Lambda handler (the very class the deployed function runs) healing it in
/// enforce mode, the notification, and the API answering again; then the ticket path: the same outage on a
/// second API in recommend mode opens an OpsCenter OpsItem, which the next batch resolves once someone has
/// applied the recommended permission.
/// </summary>
internal sealed class DemoStory(TextWriter output)
{
    private const int MaxLineWidth = 120;

    // Shorter than the product default (5 s) so the demo stays snappy; the re-read after it still happens.
    private const string SettleSeconds = "1";

    public async Task<DemoResult> RunAsync(CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        await using DemoWorld world = await DemoWorld.StartAsync(cancellationToken).ConfigureAwait(false);
        Step(1, $"Sandbox AWS on {world.Endpoint} (account {world.Sandbox.AccountId}, {world.Sandbox.Region}), SigV4 with test/test.");

        await world.CreateFunctionAsync(cancellationToken).ConfigureAwait(false);
        await world.CreateTopicAsync(cancellationToken).ConfigureAwait(false);
        string apiId = await world.CreateApiAsync(cancellationToken).ConfigureAwait(false);
        Step(2, "The outage: a function API Gateway may not invoke, named by a stage variable.");
        Detail($"REST API pets ({apiId}): GET /pets/{{id}} -> AWS_PROXY {world.IntegrationFunction}");
        Detail($"stage {DemoWorld.Stage}: {DemoWorld.StageVariable} = {DemoWorld.FunctionName}, execution logging INFO");
        Detail($"function {DemoWorld.FunctionName}: no resource policy; SNS topic {DemoWorld.TopicName}");

        (int status, string body) = await world.CallApiAsync(apiId, cancellationToken).ConfigureAwait(false);
        Step(3, $"GET /{DemoWorld.Stage}{DemoWorld.RequestPath} -> {status} {body}");
        string? payload = world.DeliveredPayloads.FirstOrDefault();
        if (payload is null)
        {
            return new DemoResult(status == 500, false, false, false, false);
        }

        ShowLogLines(payload);

        Step(4, "The subscription payload goes to Remediator's Lambda handler, enforce mode:");
        var log = new DemoLogSink();
        OutcomeSummary? outcome;
        await using (RemediationHandler enforcing = CreateHandler(world, "enforce", log))
        {
            outcome = await InvokeAsync(enforcing, world, payload, cancellationToken).ConfigureAwait(false);
        }

        bool added = outcome is { Outcome: "Fixed", Statement: not null };
        if (outcome is not null)
        {
            ShowOutcome(outcome, log);
        }

        IReadOnlyList<(string Subject, string Message, string Protocols, string Attributes)> messages = world.SnsMessages();
        foreach ((string subject, string message, string protocols, string attributes) in messages)
        {
            ShowNotification(world.TopicArn, subject, message);
            Detail($"  One message per protocol ({protocols}); attributes {attributes}");
        }

        (int after, string afterBody) = await world.CallApiAsync(apiId, cancellationToken).ConfigureAwait(false);
        Step(5, $"GET /{DemoWorld.Stage}{DemoWorld.RequestPath} -> {after} {Shorten(afterBody)}");

        (bool opened, bool resolved) = await TicketPathAsync(world, cancellationToken).ConfigureAwait(false);

        var result = new DemoResult(status == 500, true, added, messages.Count > 0, after == 200, opened, resolved);
        output.WriteLine();
        output.WriteLine(result.Completed
            ? $"Healed in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s: diagnosed from its logs, verified against the control plane, fixed with one least-privilege statement, reported; recommended and ticketed where it may not write, and the ticket resolved once healthy."
            : $"The story did not complete: {result.Missing}.");
        return result;
    }

    // The same outage on a second API, recommend mode: nothing is written, an OpsItem is opened; once the
    // recommended permission is added by hand, the next batch finds the call allowed and resolves it.
    private async Task<(bool Opened, bool Resolved)> TicketPathAsync(DemoWorld world, CancellationToken cancellationToken)
    {
        await world.CreateFunctionAsync(DemoWorld.StagingFunctionName, cancellationToken).ConfigureAwait(false);
        string apiId = await world.CreateApiAsync(DemoWorld.StagingFunctionName, cancellationToken).ConfigureAwait(false);
        int delivered = world.DeliveredPayloads.Count;
        (int status, _) = await world.CallApiAsync(apiId, cancellationToken).ConfigureAwait(false);
        Step(6, $"The ticket path: the same outage on a second API ({apiId} -> {DemoWorld.StagingFunctionName}), recommend mode.");
        Detail($"GET /{DemoWorld.Stage}{DemoWorld.RequestPath} -> {status}; its log lines go to the handler, which writes nothing:");
        string? payload = world.DeliveredPayloads.Skip(delivered).FirstOrDefault();
        if (payload is null)
        {
            return (false, false);
        }

        await using RemediationHandler recommending = CreateHandler(world, "recommend", new DemoLogSink());
        OutcomeSummary? recommended = await InvokeAsync(recommending, world, payload, cancellationToken).ConfigureAwait(false);
        JsonElement? item = world.OpsItems().Cast<JsonElement?>().FirstOrDefault(i => i!.Value.GetProperty("OpsItemId").GetString() == recommended?.OpsItemId);
        if (recommended is null || item is not { } opsItem)
        {
            return (false, false);
        }

        Detail($"{recommended.Outcome} ({recommended.Reason}): {Shorten(recommended.Detail)}");
        Detail($"OpsCenter OpsItem {recommended.OpsItemId}: {Text(opsItem, "Status")}, severity {Text(opsItem, "Severity")}, {Text(opsItem, "Category")}, source {Text(opsItem, "Source")}");
        Detail($"  title: {Shorten(Text(opsItem, "Title"))}");
        Detail($"  /aws/dedup = the root-cause key; /aws/resources = {Shorten(OperationalData(opsItem, "/aws/resources"))}");
        Detail($"  {OpsItemFields.FixCommand}: {Shorten(OperationalData(opsItem, OpsItemFields.FixCommand))}");

        // An operator applies the recommendation; the next batch of the same failure finds it healthy.
        await world.AllowApiGatewayAsync(DemoWorld.StagingFunctionName, recommended.SourceArn!, cancellationToken).ConfigureAwait(false);
        OutcomeSummary? healthy = await InvokeAsync(recommending, world, payload, cancellationToken).ConfigureAwait(false);
        string statusAfter = Text(world.OpsItems().First(i => i.GetProperty("OpsItemId").GetString() == recommended.OpsItemId), "Status");
        Detail($"The permission added by hand; the next batch: {healthy?.Outcome} ({healthy?.Reason}), OpsItem {recommended.OpsItemId} {statusAfter}:");
        Detail($"  {Shorten(OperationalData(world.OpsItems().First(i => i.GetProperty("OpsItemId").GetString() == recommended.OpsItemId), OpsItemFields.Resolution))}");
        return (true, healthy is { Outcome: "AlreadyAllowed" } && statusAfter == "Resolved");
    }

    private static RemediationHandler CreateHandler(DemoWorld world, string mode, DemoLogSink log)
    {
        // The configuration a deployed Remediator reads from its environment, pointed at the sandbox.
        var environment = new InMemoryEnvironmentVariables(new Dictionary<string, string>
        {
            ["AWS_REGION"] = world.Sandbox.Region,
            ["AWS_ENDPOINT_URL"] = world.Endpoint,
            [RemediatorVariables.Mode] = mode,
            [RemediatorVariables.TopicArn] = world.TopicArn,
            [RemediatorVariables.SettleSeconds] = SettleSeconds,
        });
        SettingsResult settings = RemediatorSettingsReader.Read(environment);
        if (!settings.IsValid)
        {
            throw new InvalidOperationException(settings.Describe());
        }

        var context = new HandlerContext(
            settings.Settings!, environment, TimeProvider.System, log,
            new DeadlinePolicy(TimeProvider.System, DeadlinePolicy.DefaultSafetyMargin));
        return RemediationHandlerFactory.Create(context, new AwsClientSettings { Credentials = DemoWorld.Credentials });
    }

    private static async Task<OutcomeSummary?> InvokeAsync(RemediationHandler handler, DemoWorld world, string payload, CancellationToken cancellationToken)
    {
        var invocation = new Invocation(
            Guid.NewGuid().ToString(),
            DateTimeOffset.UtcNow.AddMinutes(1),
            $"arn:aws:lambda:{world.Sandbox.Region}:{world.Sandbox.AccountId}:function:remediator",
            null,
            Encoding.UTF8.GetBytes(payload));
        ReadOnlyMemory<byte> response = await handler.HandleAsync(invocation, cancellationToken).ConfigureAwait(false);
        return RemediationHandler.ParseResponse(response.Span).Outcomes.FirstOrDefault();
    }

    private void ShowLogLines(string payload)
    {
        IntakeResult intake = SubscriptionPayloadDecoder.Decode(payload);
        if (!intake.IsSuccess)
        {
            Detail($"(the delivered payload does not decode: {intake.Error})");
            return;
        }

        IReadOnlyList<LogEvent> events = intake.Batch.LogEvents;
        string prefix = events.Count > 0 && events[0].Message.StartsWith('(') ? events[0].Message[..(events[0].Message.IndexOf(')', StringComparison.Ordinal) + 2)] : "";
        Detail($"{intake.Batch.LogGroup}: {events.Count} execution log events, delivered by the subscription filter"
            + (prefix.Length > 0 ? $" (each starts with {prefix.TrimEnd()}):" : ":"));
        foreach (LogEvent logEvent in events)
        {
            string message = prefix.Length > 0 && logEvent.Message.StartsWith(prefix, StringComparison.Ordinal) ? logEvent.Message[prefix.Length..] : logEvent.Message;
            Detail("  " + Shorten(message));
        }
    }

    private void ShowNotification(string topicArn, string subject, string message)
    {
        string[] lines = message.ReplaceLineEndings("\n").Split('\n');

        // The body repeats what was just shown; its first line and its section headings say what it holds.
        IEnumerable<string> headings = lines
            .Select(line => line.Split(" (", 2)[0])
            .Where(line => line.Length > 3 && line.All(c => !char.IsLower(c)) && line.Any(char.IsUpper));
        Detail($"SNS notification to {topicArn}:");
        Detail($"  Subject: {subject}");
        Detail($"  {Shorten(lines.FirstOrDefault(line => line.Length > 0) ?? "")}");
        Detail($"  ({lines.Length} lines: {string.Join(", ", headings).ToLowerInvariant()})");
    }

    private void ShowOutcome(OutcomeSummary outcome, DemoLogSink log)
    {
        Detail("Verified against the control plane:");
        foreach (string verified in outcome.Verified)
        {
            Detail("  - " + verified);
        }

        Detail($"{outcome.Outcome} ({outcome.Reason}): {outcome.Detail}");
        if (outcome.Statement is { } statement)
        {
            Detail("The statement:");
            using JsonDocument document = JsonDocument.Parse(statement);
            string pretty = JsonSerializer.Serialize(document.RootElement, DemoJsonContext.Indented.JsonElement);
            foreach (string line in pretty.Split('\n'))
            {
                Detail("  " + line);
            }
        }

        string? outcomeLine = log.Lines.FirstOrDefault(line => line.Contains("\"outcome\":", StringComparison.Ordinal));
        if (outcomeLine is not null)
        {
            Detail("Log line (Lambda JSON log format), plus EMF metric documents:");
            Detail("  " + outcomeLine);
        }
    }

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString() ?? "";

    private static string OperationalData(JsonElement item, string key) =>
        item.GetProperty("OperationalData").TryGetProperty(key, out JsonElement value) ? Text(value, "Value") : "(none)";

    private void Step(int number, string text)
    {
        output.WriteLine();
        output.WriteLine($"{number}. {text}");
    }

    private void Detail(string text) => output.WriteLine("   " + text);

    private static string Shorten(string line) =>
        line.Length <= MaxLineWidth ? line : string.Concat(line.AsSpan(0, MaxLineWidth - 3), "...");
}
