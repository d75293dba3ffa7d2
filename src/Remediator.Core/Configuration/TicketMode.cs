namespace Remediator.Core.Configuration;

/// <summary>Where a ticket goes (<c>REMEDIATOR_TICKETS</c>; docs/ARCHITECTURE.md, "Tickets").</summary>
public enum TicketMode
{
    /// <summary>Every Ticket and Recommended outcome opens or updates one OpsCenter OpsItem, and is notified.</summary>
    OpsCenter,

    /// <summary>Notifications only: no OpsItem.</summary>
    Sns,

    /// <summary>No OpsItem, and Ticket outcomes are not notified (logged and counted only).</summary>
    None,
}
