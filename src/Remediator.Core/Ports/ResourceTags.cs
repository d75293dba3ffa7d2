using System.Collections.ObjectModel;

namespace Remediator.Core.Ports;

/// <summary>Tags as the control plane returns them with a resource (API Gateway's <c>tags</c>, Lambda's ListTags).</summary>
public static class ResourceTags
{
    /// <summary>No tags; one shared instance, so records holding it stay equal.</summary>
    public static IReadOnlyDictionary<string, string> None { get; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The wire's map, or <see cref="None"/> when it is missing or empty. Keys stay case-sensitive, as AWS keeps them.</summary>
    public static IReadOnlyDictionary<string, string> Of(IReadOnlyDictionary<string, string>? tags) =>
        tags is null || tags.Count == 0 ? None : new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(tags, StringComparer.Ordinal));

    /// <summary>Same keys and values (ordinal).</summary>
    public static bool SameAs(IReadOnlyDictionary<string, string> tags, IReadOnlyDictionary<string, string> other)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(other);
        return tags.Count == other.Count && tags.All(t => other.TryGetValue(t.Key, out string? value) && value == t.Value);
    }
}
