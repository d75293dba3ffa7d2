namespace Remediator.Core.Configuration;

/// <summary>The outcome of reading the configuration: settings, or every problem found.</summary>
public sealed record SettingsResult
{
    private SettingsResult(RemediatorSettings? settings, IReadOnlyList<SettingsError> errors, IReadOnlyList<SettingsError> warnings)
    {
        Settings = settings;
        Errors = errors;
        Warnings = warnings;
    }

    /// <summary>The settings; null when <see cref="Errors"/> is not empty.</summary>
    public RemediatorSettings? Settings { get; }

    /// <summary>Every problem, in variable order.</summary>
    public IReadOnlyList<SettingsError> Errors { get; }

    /// <summary>Valid but dangerous choices (<c>REMEDIATOR_OWNERSHIP=none</c>), to be logged at every start.</summary>
    public IReadOnlyList<SettingsError> Warnings { get; }

    /// <summary>True when the settings are usable.</summary>
    public bool IsValid => Settings is not null;

    /// <summary>One line for an init error or a CLI message, naming every offending variable.</summary>
    public string Describe() => IsValid
        ? "Configuration is valid."
        : "Invalid Remediator configuration: " + string.Join("; ", Errors);

    internal static SettingsResult Valid(RemediatorSettings settings, IReadOnlyList<SettingsError>? warnings = null) =>
        new(settings, [], warnings ?? []);

    internal static SettingsResult Invalid(IReadOnlyList<SettingsError> errors) =>
        errors.Count == 0
            ? throw new ArgumentException("An invalid result needs at least one error.", nameof(errors))
            : new SettingsResult(null, errors, []);
}
