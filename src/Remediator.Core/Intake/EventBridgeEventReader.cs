using System.Globalization;
using System.Text.Json;
using Remediator.Core.Notifications;

namespace Remediator.Core.Intake;

/// <summary>
/// Reads the EventBridge events the template routes to Remediator: CloudTrail records of API Gateway changes
/// (<c>detail-type</c> "AWS API Call via CloudTrail", <c>source</c> "aws.apigateway") and the sweep's schedule
/// (<c>detail-type</c> "Scheduled Event", <c>source</c> "aws.events"). Anything else is a typed refusal; a well-formed
/// record of a call that changes no stage is read (the engine settles it without reads), so it never reaches the
/// dead-letter queue. Bounded like
/// the subscription intake, never throws for bad input (docs/ARCHITECTURE.md, "Healing ahead of failures").
/// </summary>
public static class EventBridgeEventReader
{
    /// <summary>The detail-type of every event CloudTrail delivers to EventBridge.</summary>
    public const string CloudTrailDetailType = "AWS API Call via CloudTrail";

    /// <summary>The detail-type of an EventBridge schedule's event.</summary>
    public const string ScheduleDetailType = "Scheduled Event";

    /// <summary>
    /// REST API (v1) calls that change what a stage serves: a deployment snapshots the draft (integration and
    /// authorizer edits reach a stage only through one), and a stage names its deployment and stage variables.
    /// </summary>
    public static readonly IReadOnlySet<string> RestEventNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "CreateDeployment", "CreateStage", "UpdateStage",
    };

    /// <summary>
    /// HTTP and WebSocket API (v2) calls that change what a stage serves: with automatic deployment an
    /// integration, route or authorizer edit is live at once, so those count too.
    /// </summary>
    public static readonly IReadOnlySet<string> V2EventNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "CreateDeployment", "CreateStage", "UpdateStage", "CreateIntegration", "UpdateIntegration",
        "CreateRoute", "UpdateRoute", "CreateAuthorizer", "UpdateAuthorizer", "ReimportApi",
    };

    private const int MaxDepth = 64;

    /// <summary>True when <paramref name="payload"/> is a JSON object with a top-level <c>detail-type</c> (an EventBridge event, valid or not).</summary>
    public static bool IsEventBridgeEvent(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = MaxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("detail-type"u8))
                {
                    return true;
                }

                reader.Skip();
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The event, or why it was refused.</summary>
    public static Result<ControlPlaneEvent, IntakeError> Read(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > IntakeLimits.MaxPayloadBytes)
        {
            return Refuse(IntakeErrorCode.TooLarge, $"the event is larger than {IntakeLimits.MaxPayloadBytes} bytes");
        }

        try
        {
            using var document = JsonDocument.Parse(payload.ToArray(), new JsonDocumentOptions { MaxDepth = MaxDepth });
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return Refuse(IntakeErrorCode.InvalidJson, $"the event is not valid JSON ({e.Message.Split('.')[0]})");
        }
        catch (InvalidOperationException)
        {
            return Refuse(IntakeErrorCode.InvalidValue, "the event holds text that is not Unicode");
        }
    }

    private static Result<ControlPlaneEvent, IntakeError> Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Refuse(IntakeErrorCode.WrongType, "the event must be a JSON object");
        }

        if (Text(root, "detail-type") is not { } detailType || Text(root, "source") is not { } source
            || Text(root, "id") is not { Length: > 0 and <= 128 } id || Text(root, "account") is not { } account
            || Text(root, "region") is not { } region || Text(root, "time") is not { } timeText)
        {
            return Refuse(IntakeErrorCode.MissingField, "an EventBridge event needs the strings 'detail-type', 'source', 'id', 'account', 'region' and 'time'");
        }

        if (SafeIdentifiers.AccountId(account) is null || !Policy.ApiTarget.RegionPattern().IsMatch(region))
        {
            return Refuse(IntakeErrorCode.InvalidValue, "the event's 'account' or 'region' is not an account id or region name");
        }

        if (!DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset time))
        {
            return Refuse(IntakeErrorCode.InvalidValue, "the event's 'time' is not a time");
        }

        var schedule = new ControlPlaneEvent(ControlPlaneEventKind.Schedule, id, account, region, time);
        return (detailType, source) switch
        {
            (ScheduleDetailType, "aws.events") => Result<ControlPlaneEvent, IntakeError>.Success(schedule),
            (CloudTrailDetailType, "aws.apigateway") => ReadCloudTrail(root, schedule),
            _ => Refuse(IntakeErrorCode.InvalidValue, $"Remediator takes CloudTrail records of API Gateway and its schedule, not '{Clip(detailType)}' from '{Clip(source)}'"),
        };
    }

    // The record's shape (eventSource, eventName, requestParameters.restApiId or apiId, stageName) is CloudTrail's for
    // API Gateway; tests/Remediator.Core.Tests/Fixtures/events cites the public records the fixtures follow.
    private static Result<ControlPlaneEvent, IntakeError> ReadCloudTrail(JsonElement root, ControlPlaneEvent envelope)
    {
        if (!root.TryGetProperty("detail", out JsonElement detail) || detail.ValueKind != JsonValueKind.Object
            || Text(detail, "eventSource") != "apigateway.amazonaws.com" || Text(detail, "eventName") is not { } eventName)
        {
            return Refuse(IntakeErrorCode.MissingField, "a CloudTrail event needs 'detail' with 'eventSource' apigateway.amazonaws.com and 'eventName'");
        }

        JsonElement parameters = detail.TryGetProperty("requestParameters", out JsonElement p) && p.ValueKind == JsonValueKind.Object ? p : default;
        string? restApiId = parameters.ValueKind == JsonValueKind.Object ? Text(parameters, "restApiId") : null;
        string? v2ApiId = parameters.ValueKind == JsonValueKind.Object ? Text(parameters, "apiId") : null;
        string? apiId = restApiId ?? v2ApiId;
        if (apiId is null || (restApiId is not null && v2ApiId is not null))
        {
            return Refuse(IntakeErrorCode.MissingField, $"CloudTrail {Clip(eventName)} names no single API ('requestParameters.restApiId' or 'apiId')");
        }

        if (SafeIdentifiers.ApiId(apiId) is null)
        {
            return Refuse(IntakeErrorCode.InvalidValue, "'requestParameters' names an API id that is not letters and digits");
        }

        string? stage = StageOf(parameters);
        if (stage is not null && stage != "$default" && SafeIdentifiers.Stage(stage) is null)
        {
            return Refuse(IntakeErrorCode.InvalidValue, "'requestParameters' names a stage that is not a stage name");
        }

        string? actor = detail.TryGetProperty("userIdentity", out JsonElement who) && who.ValueKind == JsonValueKind.Object ? Text(who, "arn") : null;
        return Result<ControlPlaneEvent, IntakeError>.Success(envelope with
        {
            Kind = ControlPlaneEventKind.Deployment,
            EventName = UntrustedText.Line(eventName, 64),
            RestApi = restApiId is not null,
            ApiId = apiId,
            Stage = stage,
            Actor = actor is null ? null : UntrustedText.Line(actor, 256),
            ErrorCode = Text(detail, "errorCode") is { } error ? UntrustedText.Line(error, 128) : null,
        });
    }

    // UpdateStage names it at the top; CreateDeployment and CreateStage (REST) inside their input object. An empty
    // name (a deployment made without a stage) is no stage: the console moves a stage onto it with UpdateStage.
    private static string? StageOf(JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? stage = Text(parameters, "stageName");
        foreach (string input in new[] { "createDeploymentInput", "createStageInput" })
        {
            if (stage is not { Length: > 0 } && parameters.TryGetProperty(input, out JsonElement nested) && nested.ValueKind == JsonValueKind.Object)
            {
                stage = Text(nested, "stageName");
            }
        }

        return stage is { Length: > 0 } ? stage : null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Clip(string value) => UntrustedText.Line(value, 64);

    private static Result<ControlPlaneEvent, IntakeError> Refuse(IntakeErrorCode code, string message) =>
        Result<ControlPlaneEvent, IntakeError>.Failure(new IntakeError(code, message));
}
