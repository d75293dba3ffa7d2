namespace Remediator.Cli;

/// <summary>Process exit codes shared by every command.</summary>
public static class ExitCodes
{
    /// <summary>The command did its job (for <c>diagnose</c>, also when there were no findings).</summary>
    public const int Success = 0;

    /// <summary>The command line itself was wrong (System.CommandLine's parse errors).</summary>
    public const int Usage = 1;

    /// <summary>The input could not be read or decoded.</summary>
    public const int UnreadableInput = 2;
}
