namespace Remediator.Core.Configuration;

/// <summary>One invalid or unknown configuration variable.</summary>
public sealed record SettingsError(string Variable, string Problem)
{
    /// <summary>The variable name first, so the operator knows what to change.</summary>
    public override string ToString() => $"{Variable}: {Problem}";
}
