namespace Remediator.Core.Configuration;

/// <summary>What Remediator may do with a verified finding (docs/ARCHITECTURE.md, "Safety rules" 8).</summary>
public enum RemediatorMode
{
    /// <summary>Log and metric only.</summary>
    Observe,

    /// <summary>Notify or ticket with the exact fix, change nothing.</summary>
    Recommend,

    /// <summary>Apply the fix.</summary>
    Enforce,
}

/// <summary>The configuration spelling of <see cref="RemediatorMode"/>, also used in logs and metrics.</summary>
public static class RemediatorModeNames
{
    /// <summary>The lower-case name, as written in <c>REMEDIATOR_MODE</c>.</summary>
    public static string ToConfigValue(this RemediatorMode mode) => mode switch
    {
        RemediatorMode.Observe => "observe",
        RemediatorMode.Recommend => "recommend",
        RemediatorMode.Enforce => "enforce",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown mode."),
    };
}
