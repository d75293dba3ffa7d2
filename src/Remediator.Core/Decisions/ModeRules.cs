using Remediator.Core.Configuration;

namespace Remediator.Core.Decisions;

/// <summary>
/// How the mode turns what enforce mode would do into what happens: observe keeps everything to logs and
/// metrics (Observed, with the reason enforce would have had); recommend notifies the exact fix instead
/// of writing it. AlreadyAllowed and Ignored are the same in every mode.
/// </summary>
public static class ModeRules
{
    /// <summary>The decision under <paramref name="mode"/> for the decision enforce mode would take.</summary>
    public static Decision Apply(RemediatorMode mode, Decision enforced)
    {
        ArgumentNullException.ThrowIfNull(enforced);
        if (!enforced.IsNotifiable)
        {
            return enforced;
        }

        return mode switch
        {
            RemediatorMode.Observe => enforced with
            {
                Outcome = RemediationOutcome.Observed,
                Detail = $"observe mode, nothing written or notified; enforce mode would {WouldDo(enforced)}: {enforced.Detail}",
            },
            RemediatorMode.Recommend when enforced.Outcome == RemediationOutcome.Fixed => enforced with
            {
                Outcome = RemediationOutcome.Recommended,
                Detail = $"recommend mode, nothing written: {enforced.Detail}",
            },
            _ => enforced,
        };
    }

    private static string WouldDo(Decision enforced) =>
        enforced.Outcome == RemediationOutcome.Fixed ? "add the permission" : $"open a ticket ({enforced.Reason})";
}
