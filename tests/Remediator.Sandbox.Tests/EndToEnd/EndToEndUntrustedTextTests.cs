using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Intake;

namespace Remediator.Sandbox.Tests.EndToEnd;

/// <summary>
/// Text an attacker controls (API and authorizer names, log lines) on its way into the SNS messages the sandbox
/// records, and the hourly notification cap, over real HTTP (docs/ARCHITECTURE.md, "Safety rules" 12).
/// </summary>
public class EndToEndUntrustedTextTests(SandboxAccount account) : IClassFixture<SandboxAccount>
{
    private const string Stage = "prod";

    // What someone who may edit API Gateway names things: controls, a bidi override, line breaks, text posing as Remediator's.
    private const string Forged = "pets\u202E\u0007\r\n\r\nRemediator: nothing to fix, ignore the rest.\u2028\u200B\u0085\u001b[2J";

    [Fact]
    public async Task Remediate_NamesWithControlAndBidiCharacters_MessageAndSubjectAndAttributesAreClean()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        string authorizer = await account.CreateFunctionAsync("token-authorizer");
        (string api, _) = await account.RestApi(Forged)
            .Authorizer("tokens" + Forged, account.InvokeUri(authorizer))
            .Method("GET", "/secure", account.InvokeUri(pets), authorizer: "tokens" + Forged)
            .DeployAsync(Stage);
        await account.AllowApiAsync(pets, $"arn:aws:execute-api:{account.Region}:{account.AccountId}:{api}/*/GET/secure");
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/secure", Bearer));

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync())));

        Assert.Equal(RemediationOutcome.Fixed, outcome.Outcome);
        JsonElement sent = Assert.Single(account.SnsMessages());
        string message = sent.GetProperty("messages").GetProperty("default").GetString()!;
        string subject = sent.GetProperty("subject").GetString()!;
        Assert.All(message.Split('\n'), line => Assert.True(IsClean(line), line));
        Assert.DoesNotContain(message.Split('\n'), line => line.StartsWith("Remediator: nothing", StringComparison.Ordinal));
        Assert.Contains("REST API (\"pets    Remediator: nothing to fix, ignore the rest.  [2J\")", message, StringComparison.Ordinal);
        Assert.Contains("(\"tokenspets    Remediator: nothing to fix, ignore the rest.  [2J\", type TOKEN)", message, StringComparison.Ordinal);
        Assert.Equal($"Remediator fixed: API Gateway may now invoke token-authorizer ({api}/{Stage})", subject);
        Assert.All(sent.GetProperty("messageAttributes").EnumerateObject(), attribute =>
            Assert.True(attribute.Value.GetProperty("stringValue").GetString()!.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'), attribute.Name));
    }

    [Fact]
    public async Task Remediate_300KilobyteNamesAndQuotedBody_MessageStaysWithinSnsLimit()
    {
        // A name and a logged response body far past SNS's 256 KB: each field is cut with a visible marker, and the
        // message with its attributes stays within the limit instead of failing every retry of the invocation.
        account.Reset();
        string huge = string.Concat(Enumerable.Repeat("é中\uD83D\uDE00 \"quoted\" ", 300 * 1024 / 24));
        string pets = await account.CreateFunctionAsync("pets");
        string authorizer = await account.CreateFunctionAsync("token-authorizer");
        (string api, _) = await account.RestApi(huge)
            .Authorizer(huge, account.InvokeUri(authorizer))
            .Method("GET", "/secure", account.InvokeUri(pets), authorizer: huge)
            .DeployAsync(Stage);
        await account.AllowApiAsync(pets, $"arn:aws:execute-api:{account.Region}:{account.AccountId}:{api}/*/GET/secure");
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/secure", Bearer));
        await account.PutLogEventsAsync($"API-Gateway-Execution-Logs_{api}/{Stage}",
        [
            "(6a1d2c3b-aaaa-4bbb-8ccc-000000000300) HTTP Method: GET, Resource Path: /secure/" + huge,
            "(6a1d2c3b-aaaa-4bbb-8ccc-000000000300) Endpoint response body before transformations: " + huge,
            "(6a1d2c3b-aaaa-4bbb-8ccc-000000000300) Execution failed due to configuration error: Malformed Lambda proxy response",
        ]);

        IReadOnlyList<EngineOutcome> outcomes = await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync()));

        Assert.Contains(outcomes, o => o.Outcome == RemediationOutcome.Fixed);
        IReadOnlyList<JsonElement> messages = account.SnsMessages();
        Assert.NotEmpty(messages);
        Assert.All(messages, sent =>
        {
            string message = sent.GetProperty("messages").GetProperty("default").GetString()!;
            int attributes = sent.GetProperty("messageAttributes").EnumerateObject().Sum(a =>
                Encoding.UTF8.GetByteCount(a.Name) + Encoding.UTF8.GetByteCount(a.Value.GetProperty("dataType").GetString()!)
                + Encoding.UTF8.GetByteCount(a.Value.GetProperty("stringValue").GetString()!));
            Assert.InRange(Encoding.UTF8.GetByteCount(message) + attributes, 1, 256 * 1024);
            Assert.All(message.Split('\n'), line => Assert.True(IsClean(line), line[..Math.Min(line.Length, 80)]));
        });
        Assert.Contains(messages, sent => sent.GetProperty("messages").GetProperty("default").GetString()!.Contains(" [truncated]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Remediate_FiveRootCausesWithCapOfTwo_SendsTwoMessagesAndOneSummary()
    {
        account.Reset();
        string[] paths = ["/a", "/b", "/c", "/d", "/e"];
        RestApiBuilder builder = account.RestApi();
        foreach (string path in paths)
        {
            builder.Method("GET", path, account.InvokeUri(await account.CreateFunctionAsync("fn-" + path.TrimStart('/'))));
        }

        (string api, _) = await builder.DeployAsync(Stage);
        foreach (string path in paths)
        {
            Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", path));
        }

        string topic = await account.CreateTopicAsync();
        SettingsResult settings = RemediatorSettingsReader.Read(new InMemoryEnvironmentVariables(new Dictionary<string, string>
        {
            [RemediatorVariables.Mode] = "recommend",
            [RemediatorVariables.TopicArn] = topic,
            [RemediatorVariables.MaxNotificationsPerHour] = "2",
            [RemediatorVariables.SettleSeconds] = "0",
        }));

        // One storm, one delivery: the five requests' lines in one batch, as CloudWatch Logs batches a burst.
        EngineResult result = await account.Engine(settings.Settings!).ProcessAsync(OneBatch(account.TakePayloads()), "invocation-1", CancellationToken.None);
        IReadOnlyList<EngineOutcome> outcomes = result.Outcomes;

        Assert.Equal(5, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(RemediationOutcome.Recommended, o.Outcome));
        Assert.Equal(3, outcomes.Count(o => o.NotificationSuppressed));
        string[] subjects = [.. account.SnsMessages().Select(m => m.GetProperty("subject").GetString()!)];
        Assert.Equal(3, subjects.Length);
        Assert.All(subjects[..2], s => Assert.StartsWith("Remediator recommends:", s, StringComparison.Ordinal));
        Assert.Equal("Remediator: notification cap reached, 3 suppressed so far this hour", subjects[2]);
    }

    [Fact]
    public async Task Remediate_LinesNamingAnApiThatDoesNotExist_SendNothing()
    {
        // Findings for APIs that do not exist are a metric, not a message: anyone who can write a log line could
        // otherwise mint one notification per invented API id.
        account.Reset();
        await account.CreateTopicAsync();
        await account.PutLogEventsAsync("API-Gateway-Execution-Logs_zz11yy22xx/prod",
        [
            "(5f0c2d1e-aaaa-4bbb-8ccc-000000000010) HTTP Method: GET, Resource Path: /pets",
            "(5f0c2d1e-aaaa-4bbb-8ccc-000000000010) Execution failed due to configuration error: Invalid permissions on Lambda function",
        ]);

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync())));

        Assert.Equal((RemediationOutcome.Ignored, OutcomeReason.LogSourceMismatch), (outcome.Outcome, outcome.Reason));
        Assert.Empty(account.SnsMessages());
    }

    [Fact]
    public async Task Remediate_CapReachedOverSeveralInvocations_SendsOneSummaryInTheHour()
    {
        // Each request delivered on its own: the invocation that first held one back sends the summary, later ones none.
        account.Reset();
        string[] paths = ["/a", "/b", "/c", "/d"];
        RestApiBuilder builder = account.RestApi();
        foreach (string path in paths)
        {
            builder.Method("GET", path, account.InvokeUri(await account.CreateFunctionAsync("fn-" + path.TrimStart('/'))));
        }

        (string api, _) = await builder.DeployAsync(Stage);
        foreach (string path in paths)
        {
            await account.CallAsync(api, Stage, "GET", path);
        }

        RemediatorSettings settings = (await EnforceAsync()) with { Mode = RemediatorMode.Recommend, MaxNotificationsPerHour = 1 };
        IReadOnlyList<EngineOutcome> outcomes = await EndToEndRuns.RemediateAsync(account, account.Engine(settings));

        Assert.Equal(3, outcomes.Count(o => o.NotificationSuppressed));
        string[] subjects = [.. account.SnsMessages().Select(m => m.GetProperty("subject").GetString()!)];
        Assert.Equal(2, subjects.Length);
        Assert.Single(subjects, s => s.StartsWith("Remediator: notification cap reached", StringComparison.Ordinal));
    }

    private static LogBatch OneBatch(IReadOnlyList<string> payloads)
    {
        LogBatch[] batches = [.. payloads.Select(p => SubscriptionPayloadDecoder.Decode(p).Batch!)];
        LogBatch first = batches[0];
        Assert.All(batches, b => Assert.Equal(first.LogGroup, b.LogGroup));
        return first with { LogEvents = [.. batches.SelectMany(b => b.LogEvents)] };
    }

    private static IReadOnlyDictionary<string, string> Bearer => new Dictionary<string, string> { ["Authorization"] = "Bearer x" };

    private async Task<RemediatorSettings> EnforceAsync() => new()
    {
        Mode = RemediatorMode.Enforce,
        TopicArn = await account.CreateTopicAsync(),
        SettleDelay = TimeSpan.Zero,
    };

    private static bool IsClean(string line)
    {
        ReadOnlySpan<char> rest = line;
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out Rune rune, out int consumed) != OperationStatus.Done
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse)
            {
                return false;
            }

            rest = rest[consumed..];
        }

        return true;
    }
}
