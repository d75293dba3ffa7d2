namespace Remediator.Sandbox.Tagging;

/// <summary>A taggable resource an ARN names: read its tags, replace them. Used with the state lock held.</summary>
internal sealed class TaggedResource(Func<IReadOnlyDictionary<string, string>?> read, Action<IReadOnlyDictionary<string, string>?> write)
{
    public IReadOnlyDictionary<string, string> Tags => read() ?? new Dictionary<string, string>();

    public void Add(IReadOnlyDictionary<string, string> tags) => write(TagRules.Merge(read(), tags));

    public void Remove(IEnumerable<string> keys) => write(TagRules.Without(read(), keys));
}
