namespace Remediator.Cli;

/// <summary>
/// The process exit codes of every command: one meaning per number, the same number for the same situation
/// in every command. README.md ("Exit codes") documents this table; a test pins it.
/// </summary>
public static class ExitCodes
{
    /// <summary>The command did its job: diagnose and replay printed their report (findings and outcomes are
    /// output, not failures), audit found every target invocable, revert removed everything selected, the demo
    /// told the whole story, the sandbox stopped.</summary>
    public const int Success = 0;

    /// <summary>The command ran to the end and what it reports needs a person (a CI gate): audit found a target
    /// API Gateway cannot invoke, revert left a statement in place (refused, busy or still changing).</summary>
    public const int ActionNeeded = 1;

    /// <summary>The command line, the <c>REMEDIATOR_*</c> settings or the input are unusable: a parse error, an
    /// invalid setting, an unreadable or undecodable payload, an <c>--api</c> or <c>--stage</c> that does not exist,
    /// a function name that is not one.</summary>
    public const int BadInput = 2;

    /// <summary>AWS failed: a call failed after its retries (the ledger's included), no endpoint answered, no
    /// region or credentials, or the account could not be identified.</summary>
    public const int AwsFailure = 3;

    /// <summary>The demo ran but a step of the story did not happen.</summary>
    public const int DemoIncomplete = 4;

    /// <summary>An unexpected exception: a bug. Its stack trace is on standard error.</summary>
    public const int InternalError = 5;

    /// <summary>Stopped by Ctrl+C or SIGTERM before it finished (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    // Mildest first: what an account-wide run exits with is the worst of its targets'.
    private static readonly int[] Severity = [Success, ActionNeeded, DemoIncomplete, BadInput, AwsFailure, InternalError, Interrupted];

    /// <summary>The worse of two exit codes: Success, then ActionNeeded, BadInput, AwsFailure, InternalError, Interrupted.</summary>
    public static int Worst(int a, int b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(int code) => Array.IndexOf(Severity, code) is var rank and >= 0 ? rank : Severity.Length;
}
