namespace Remediator.Core.Ports;

/// <summary>What the ledger counts per UTC hour, each against its own limit (docs/ARCHITECTURE.md, "Caps").</summary>
public enum HourlyCap
{
    /// <summary>Permissions added (<c>REMEDIATOR_MAX_FIXES_PER_HOUR</c>): the fix breaker.</summary>
    Fixes,

    /// <summary>OpsItems opened (<c>EngineOptions.MaxNewTicketsPerHour</c>); updates of open ones are not counted.</summary>
    NewTickets,
}
