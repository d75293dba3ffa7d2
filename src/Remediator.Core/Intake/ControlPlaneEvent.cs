namespace Remediator.Core.Intake;

/// <summary>
/// An EventBridge event Remediator acts on, reduced to what scopes the audit. Only the event's account, region,
/// name, API id and stage are used, and each only after its shape is checked; what the audit grants comes from
/// the control plane, as for a log line (docs/ARCHITECTURE.md, "Healing ahead of failures").
/// </summary>
/// <param name="Kind">A recorded change or the schedule.</param>
/// <param name="EventId">EventBridge's event id (the ledger and the outcome lines name it).</param>
/// <param name="Account">The account the event says it happened in.</param>
/// <param name="Region">The region the event says it happened in.</param>
/// <param name="Time">When it happened.</param>
/// <param name="EventName">The CloudTrail event name (<c>CreateDeployment</c>, <c>UpdateStage</c>, ...); null for the schedule.</param>
/// <param name="RestApi">True when the change is to a REST API (v1, <c>restApiId</c>), false for HTTP and WebSocket APIs (v2, <c>apiId</c>).</param>
/// <param name="ApiId">The API changed; null for the schedule.</param>
/// <param name="Stage">The stage changed; null when the change applies to every stage of the API (or for the schedule).</param>
/// <param name="Actor">Who made the change (CloudTrail's <c>userIdentity.arn</c>), for people only.</param>
/// <param name="ErrorCode">CloudTrail's <c>errorCode</c>: the call failed and changed nothing.</param>
public sealed record ControlPlaneEvent(
    ControlPlaneEventKind Kind,
    string EventId,
    string Account,
    string Region,
    DateTimeOffset Time,
    string? EventName = null,
    bool RestApi = false,
    string? ApiId = null,
    string? Stage = null,
    string? Actor = null,
    string? ErrorCode = null)
{
    /// <summary>
    /// True when the change can alter what a stage serves (<see cref="EventBridgeEventReader.RestEventNames"/>,
    /// <see cref="EventBridgeEventReader.V2EventNames"/>); the schedule always audits.
    /// </summary>
    public bool ChangesWhatStagesServe => Kind == ControlPlaneEventKind.Schedule
        || (EventName is not null && (RestApi ? EventBridgeEventReader.RestEventNames : EventBridgeEventReader.V2EventNames).Contains(EventName));

    /// <summary>What happened, in one line for people: the outcome lines and notifications quote it.</summary>
    public string Describe() => Kind == ControlPlaneEventKind.Schedule
        ? $"scheduled sweep (EventBridge event {EventId}, {Time:yyyy-MM-ddTHH:mm:ssZ})"
        : $"CloudTrail {EventName} on API {ApiId}{(Stage is null ? string.Empty : $" stage {Stage}")}"
            + $"{(Actor is null ? string.Empty : $" by {Actor}")} at {Time:yyyy-MM-ddTHH:mm:ssZ} (EventBridge event {EventId})";
}
