namespace Remediator.Cli.Demo;

/// <summary>Which parts of the story happened.</summary>
internal sealed record DemoResult(bool ApiFailed, bool LogsDelivered, bool PermissionAdded, bool Notified, bool ApiRecovered, bool TicketOpened = false, bool TicketResolved = false)
{
    public bool Completed => Missing is null;

    /// <summary>The first part that did not happen, for the error line.</summary>
    public string? Missing =>
        !ApiFailed ? "the API did not fail with 500"
        : !LogsDelivered ? "no execution log lines were delivered"
        : !PermissionAdded ? "Remediator did not add the permission"
        : !Notified ? "no SNS notification was published"
        : !ApiRecovered ? "the API did not answer 200 after the fix"
        : !TicketOpened ? "recommend mode opened no OpsCenter OpsItem"
        : !TicketResolved ? "the OpsItem was not resolved once the permission was added"
        : null;
}
