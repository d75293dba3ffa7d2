namespace Remediator.Core.Configuration;

/// <summary>One invalid or unknown configuration variable, or (as a warning) one whose valid value is dangerous.</summary>
public sealed record SettingsError(string Variable, string Problem)
{
    /// <summary>The variable name first, so the operator knows what to change.</summary>
    public override string ToString() => $"{Variable}: {Problem}";
}
