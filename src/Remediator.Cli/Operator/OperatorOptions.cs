using Remediator.Core.Ports;

namespace Remediator.Cli.Operator;

/// <summary>What a test (or the demo) may fix for a command that talks to AWS; the defaults are the real process's.</summary>
internal sealed record OperatorOptions
{
    /// <summary>The environment to read (<c>REMEDIATOR_*</c>, AWS_*); null reads the process environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>The clock of signing, the ledger and the engine.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>A ledger to use instead of the one the settings name.</summary>
    public ILedger? Ledger { get; init; }
}
