using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Ports;

namespace Remediator.Core.Engine;

/// <summary>The fix caps of one invocation: its own cap, then the ledger's hourly breaker (docs/ARCHITECTURE.md, "Caps").</summary>
internal sealed class FixAllowance(ILedger ledger, RemediatorSettings settings)
{
    private int fixesThisInvocation;

    /// <summary>Takes one fix; returns the ticket that stops it when a cap is reached.</summary>
    public async Task<Decision?> TakeAsync(CancellationToken cancellationToken)
    {
        if (fixesThisInvocation >= settings.MaxFixesPerInvocation)
        {
            return Decision.Ticket(OutcomeReason.BreakerOpen, $"this invocation already made {fixesThisInvocation} fixes, its cap (REMEDIATOR_MAX_FIXES_PER_INVOCATION); apply this one by hand or let a later batch retry");
        }

        HourlyBudget budget = await ledger.TryConsumeAsync(HourlyCap.Fixes, settings.MaxFixesPerHour, cancellationToken).ConfigureAwait(false);
        if (!budget.Allowed)
        {
            return Decision.Ticket(OutcomeReason.BreakerOpen, $"{budget.CountThisHour} fixes were made in the hour from {budget.HourStart:yyyy-MM-dd HH:mm} UTC, the cap (REMEDIATOR_MAX_FIXES_PER_HOUR is {budget.Limit}); the breaker is open");
        }

        fixesThisInvocation++;
        return null;
    }
}
