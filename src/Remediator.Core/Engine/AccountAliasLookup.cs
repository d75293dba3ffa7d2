using Remediator.Core.Notifications;
using Remediator.Core.Ports;

namespace Remediator.Core.Engine;

/// <summary>
/// The account's IAM alias for notifications, read once per process by the first message that needs it, within
/// <see cref="Budget"/>: an alias that cannot be read in time (refused, throttled, slow, malformed) is no alias for the
/// rest of the process, and never fails or delays a notification beyond that budget.
/// </summary>
public sealed class AccountAliasLookup
{
    /// <summary>How long the one read may take.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    private readonly IIamClient? iam;
    private readonly TimeProvider time;
    private readonly object gate = new();
    private Task<string?>? read;

    /// <summary>Reads through <paramref name="iam"/> (none: never an alias), timing the budget on <paramref name="time"/>.</summary>
    public AccountAliasLookup(IIamClient? iam, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.iam = iam;
        this.time = time;
    }

    /// <summary>True once the read has been started (a process that sent no notification never calls IAM).</summary>
    public bool Started => Volatile.Read(ref read) is not null;

    /// <summary>The alias, or null; the first call reads it, every later one shares that read.</summary>
    public async Task<string?> AliasAsync(CancellationToken cancellationToken)
    {
        if (iam is null)
        {
            return null;
        }

        Task<string?> shared;
        lock (gate)
        {
            shared = read ??= ReadAsync(iam, time);
        }

        // The caller stops waiting when its invocation ends; the read goes on (within its budget) for the next one.
        return await shared.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string?> ReadAsync(IIamClient iam, TimeProvider time)
    {
        using var budget = new CancellationTokenSource(Budget, time);
        try
        {
            IReadOnlyList<string> aliases = await iam.ListAccountAliasesAsync(budget.Token).ConfigureAwait(false);
            return aliases.Count > 0 ? SafeIdentifiers.AccountAlias(aliases[0]) : null;
        }
#pragma warning disable CA1031 // Naming the account is a courtesy: any failure to read it means no alias, never a failed notification.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
