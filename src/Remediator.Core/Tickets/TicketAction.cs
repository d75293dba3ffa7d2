namespace Remediator.Core.Tickets;

/// <summary>What a pass did to the root cause's OpsItem.</summary>
public enum TicketAction
{
    /// <summary>Nothing: no OpsItem is due (tickets not in OpsCenter, an outcome that is no ticket, nothing verified).</summary>
    None,

    /// <summary>A new OpsItem was opened.</summary>
    Opened,

    /// <summary>The open OpsItem of the root cause was updated (occurrences, last seen, latest evidence).</summary>
    Updated,

    /// <summary>The root cause was verified healthy and its OpsItem set Resolved.</summary>
    Resolved,

    /// <summary>A new OpsItem was due but the hourly cap of new OpsItems was reached: notified only.</summary>
    CapReached,

    /// <summary>OpsCenter refused the call (not a transient failure): the notification still goes out.</summary>
    Refused,
}
