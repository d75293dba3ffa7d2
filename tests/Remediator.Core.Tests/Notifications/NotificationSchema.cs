using NJsonSchema;
using NJsonSchema.Validation;
using Remediator.Core.Tests.Support;

namespace Remediator.Core.Tests.Notifications;

/// <summary>The repository's schema of the machine-readable notification (schemas/notification.v1.schema.json), loaded once.</summary>
internal static class NotificationSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFileAsync(Fixtures.Path("schemas/notification.v1.schema.json")).GetAwaiter().GetResult());

    /// <summary>What the schema finds wrong with <paramref name="json"/> (nothing when it is valid).</summary>
    public static IReadOnlyList<string> Errors(string json) =>
        [.. Schema.Value.Validate(json).Select(e => $"{e.Path}: {e.Kind}")];

    /// <summary>The property names the schema declares.</summary>
    public static IReadOnlyCollection<string> Properties => [.. Schema.Value.Properties.Keys];
}
