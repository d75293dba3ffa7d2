using System.Globalization;

namespace Remediator.Core.Configuration;

/// <summary>Reads and validates <see cref="RemediatorSettings"/> from the environment, with optional
/// overrides (CLI flags) laid over it. Every problem is reported, each naming its variable.</summary>
public static class RemediatorSettingsReader
{
    private const int MaxEchoedLength = 80;

    private static readonly HashSet<string> KnownNames = new(RemediatorVariables.All, StringComparer.Ordinal);

    /// <summary>Reads the settings. Values in <paramref name="overrides"/> (keyed by variable name, e.g.
    /// from CLI flags) win over the environment. Values are trimmed; an empty value counts as unset,
    /// because CloudFormation passes empty optional parameters as empty strings.</summary>
    public static SettingsResult Read(
        IEnvironmentVariables environment, IReadOnlyDictionary<string, string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        overrides ??= new Dictionary<string, string>();
        var errors = new List<SettingsError>();

        var unknown = new List<string>();
        foreach (string name in environment.GetNames())
        {
            if (name.StartsWith(RemediatorVariables.Prefix, StringComparison.Ordinal) && !KnownNames.Contains(name) && !unknown.Contains(name))
            {
                unknown.Add(name);
            }
        }

        foreach (string name in overrides.Keys)
        {
            if (!KnownNames.Contains(name) && !unknown.Contains(name))
            {
                unknown.Add(name);
            }
        }

        unknown.Sort(StringComparer.Ordinal);
        foreach (string name in unknown)
        {
            errors.Add(new SettingsError(name,
                "is not a Remediator setting (known: " + string.Join(", ", RemediatorVariables.All) + ")."));
        }

        var reader = new Values(environment, overrides, errors);
        var settings = new RemediatorSettings
        {
            Mode = reader.Choice(RemediatorVariables.Mode, RemediatorVariables.DefaultMode,
                ("observe", RemediatorMode.Observe), ("recommend", RemediatorMode.Recommend),
                ("enforce", RemediatorMode.Enforce)),
            TopicArn = reader.Matching(RemediatorVariables.TopicArn, SettingShapes.IsSnsTopicArn,
                "is not an SNS topic ARN (arn:aws:sns:<region>:<12-digit account>:<topic name>)."),
            LedgerTable = reader.Matching(RemediatorVariables.LedgerTable, SettingShapes.IsDynamoDbTableName,
                "is not a DynamoDB table name (3 to 255 letters, digits, '_', '.', '-')."),
            ExemptTag = reader.Matching(RemediatorVariables.ExemptTag, SettingShapes.IsTagKey,
                "is not a usable tag key (1 to 128 letters, digits, spaces or _ . : / = + - @, not starting with 'aws:').")
                ?? RemediatorVariables.DefaultExemptTag,
            OwnerTag = reader.Matching(RemediatorVariables.OwnerTag, SettingShapes.IsTagKey,
                "is not a usable tag key (1 to 128 letters, digits, spaces or _ . : / = + - @, not starting with 'aws:').")
                ?? RemediatorVariables.DefaultOwnerTag,
            Functions = new FunctionNameFilter(
                reader.Patterns(RemediatorVariables.AllowFunctions),
                reader.Patterns(RemediatorVariables.DenyFunctions)),
            StageScope = reader.Choice(RemediatorVariables.StageScope, RemediatorVariables.DefaultStageScope,
                ("any", StageScope.Any), ("stage", StageScope.Stage)),
            MaxFixesPerInvocation = reader.Number(RemediatorVariables.MaxFixesPerInvocation,
                RemediatorVariables.DefaultMaxFixesPerInvocation, 1, RemediatorVariables.MaxFixesPerInvocationLimit),
            MaxFixesPerHour = reader.Number(RemediatorVariables.MaxFixesPerHour,
                RemediatorVariables.DefaultMaxFixesPerHour, 1, RemediatorVariables.MaxFixesPerHourLimit),
            MaxNotificationsPerHour = reader.Number(RemediatorVariables.MaxNotificationsPerHour,
                RemediatorVariables.DefaultMaxNotificationsPerHour, 1, RemediatorVariables.MaxNotificationsPerHourLimit),
            SettleDelay = TimeSpan.FromSeconds(reader.Number(RemediatorVariables.SettleSeconds,
                RemediatorVariables.DefaultSettleSeconds, 0, RemediatorVariables.SettleSecondsLimit)),
            MaxAttempts = reader.Number(RemediatorVariables.MaxAttempts,
                RemediatorVariables.DefaultMaxAttempts, 1, RemediatorVariables.MaxAttemptsLimit),
            Ownership = reader.Proofs(RemediatorVariables.Ownership, RemediatorVariables.DefaultOwnership),
            Tickets = reader.Choice(RemediatorVariables.Tickets, RemediatorVariables.DefaultTickets,
                ("opscenter", TicketMode.OpsCenter), ("sns", TicketMode.Sns), ("none", TicketMode.None)),
        };

        if (errors.Count > 0)
        {
            return SettingsResult.Invalid(errors);
        }

        IReadOnlyList<SettingsError> warnings = settings.Ownership == OwnershipProofs.None
            ? [new SettingsError(RemediatorVariables.Ownership, RemediatorVariables.OwnershipNoneWarning)]
            : [];
        return SettingsResult.Valid(settings, warnings);
    }

    private static string Echo(string value) =>
        "'" + (value.Length <= MaxEchoedLength ? value : value[..MaxEchoedLength] + "...") + "'";

    /// <summary>Looks values up (override first) and records problems, returning defaults for bad values
    /// so that every variable is checked in one pass.</summary>
    private sealed class Values(
        IEnvironmentVariables environment, IReadOnlyDictionary<string, string> overrides, List<SettingsError> errors)
    {
        public T Choice<T>(string name, T fallback, params (string Spelling, T Value)[] choices)
        {
            string? raw = Lookup(name);
            if (raw is null)
            {
                return fallback;
            }

            foreach ((string spelling, T value) in choices)
            {
                if (string.Equals(raw, spelling, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            Fail(name, $"{Echo(raw)} is not one of {string.Join(", ", choices.Select(c => c.Spelling))}.");
            return fallback;
        }

        public int Number(string name, int fallback, int minimum, int maximum)
        {
            string? raw = Lookup(name);
            if (raw is null)
            {
                return fallback;
            }

            if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
                && value >= minimum && value <= maximum)
            {
                return value;
            }

            Fail(name, $"{Echo(raw)} is not a whole number from {minimum} to {maximum}.");
            return fallback;
        }

        public string? Matching(string name, Func<string, bool> hasShape, string problem)
        {
            string? raw = Lookup(name);
            if (raw is null || hasShape(raw))
            {
                return raw;
            }

            Fail(name, $"{Echo(raw)} {problem}");
            return null;
        }

        /// <summary>A comma-separated subset of <c>stack</c> and <c>tag</c>, or <c>none</c> alone.</summary>
        public OwnershipProofs Proofs(string name, OwnershipProofs fallback)
        {
            string? raw = Lookup(name);
            if (raw is null)
            {
                return fallback;
            }

            if (string.Equals(raw, RemediatorVariables.OwnershipNone, StringComparison.OrdinalIgnoreCase))
            {
                return OwnershipProofs.None;
            }

            OwnershipProofs proofs = OwnershipProofs.None;
            foreach (string entry in raw.Split(',', StringSplitOptions.TrimEntries))
            {
                OwnershipProofs? proof = string.Equals(entry, "stack", StringComparison.OrdinalIgnoreCase) ? OwnershipProofs.Stack
                    : string.Equals(entry, "tag", StringComparison.OrdinalIgnoreCase) ? OwnershipProofs.Tag
                    : null;
                string? problem = entry.Length == 0 ? $"{Echo(raw)} has an empty entry; separate proofs with single commas."
                    : string.Equals(entry, RemediatorVariables.OwnershipNone, StringComparison.OrdinalIgnoreCase) ? $"{Echo(raw)} combines none with proofs; none stands alone."
                    : proof is null ? $"{Echo(entry)} is not a proof (stack, tag; or none alone)."
                    : (proofs & proof.Value) != 0 ? $"{Echo(raw)} names {entry} twice."
                    : null;
                if (problem is not null)
                {
                    Fail(name, problem);
                    return fallback;
                }

                proofs |= proof!.Value;
            }

            return proofs;
        }

        public IReadOnlyList<string> Patterns(string name)
        {
            string? raw = Lookup(name);
            if (raw is null)
            {
                return [];
            }

            var patterns = new List<string>();
            foreach (string entry in raw.Split(',', StringSplitOptions.TrimEntries))
            {
                if (entry.Length == 0)
                {
                    Fail(name, $"{Echo(raw)} has an empty entry; separate patterns with single commas.");
                    return [];
                }

                if (!SettingShapes.IsFunctionNamePattern(entry))
                {
                    Fail(name, $"{Echo(entry)} is not a function-name pattern (letters, digits, '-', '_' and '*'; names, not ARNs).");
                    return [];
                }

                patterns.Add(entry);
            }

            return patterns;
        }

        private string? Lookup(string name)
        {
            string? raw = overrides.TryGetValue(name, out string? overridden) ? overridden : environment.Get(name);
            raw = raw?.Trim();
            return string.IsNullOrEmpty(raw) ? null : raw;
        }

        private void Fail(string name, string problem) => errors.Add(new SettingsError(name, problem));
    }
}
