using Remediator.Core.Audit;

namespace Remediator.Core.Tickets;

/// <summary>An OpsItem an audit resolved, and the target it found healthy.</summary>
public sealed record ResolvedTicket(string OpsItemId, AuditEntry Entry);
