using Remediator.Core.Tickets;

namespace Remediator.Core.Engine;

/// <summary>What the ticket stage did to a root cause's OpsItem.</summary>
/// <param name="OpsItemId">The OpsItem the outcome names (the one resolved, for <see cref="TicketAction.Resolved"/>).</param>
/// <param name="Action">What was done.</param>
/// <param name="Note">Why no OpsItem was opened or updated, for the outcome's detail; null when all went as due.</param>
internal sealed record TicketResult(string? OpsItemId, TicketAction Action, string? Note = null)
{
    /// <summary>The OpsItem the ledger keeps for the root cause: none once it is resolved.</summary>
    public string? RecordedId => Action == TicketAction.Resolved ? null : OpsItemId;
}
