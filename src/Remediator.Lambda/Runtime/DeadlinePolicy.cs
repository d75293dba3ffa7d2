namespace Remediator.Lambda.Runtime;

/// <summary>Builds the <see cref="DeadlineBudget"/> of each invocation with one clock and one margin, so
/// the loop's cancellation and the handler's "is there time for another call" agree.</summary>
public sealed class DeadlinePolicy
{
    /// <summary>Two seconds: the engine's cleanup grace (1 s to record what it did) and the last quarter to post
    /// the error over loopback, small against Remediator's timeout (a minute or more).</summary>
    public static readonly TimeSpan DefaultSafetyMargin = TimeSpan.FromSeconds(2);

    /// <summary>Creates the policy.</summary>
    public DeadlinePolicy(TimeProvider clock, TimeSpan safetyMargin)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(safetyMargin, TimeSpan.Zero);
        Clock = clock;
        SafetyMargin = safetyMargin;
    }

    /// <summary>The clock budgets read.</summary>
    public TimeProvider Clock { get; }

    /// <summary>How long before each deadline work stops.</summary>
    public TimeSpan SafetyMargin { get; }

    /// <summary>The budget of one invocation.</summary>
    public DeadlineBudget BudgetFor(Invocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return new DeadlineBudget(invocation.Deadline, SafetyMargin, Clock);
    }
}
