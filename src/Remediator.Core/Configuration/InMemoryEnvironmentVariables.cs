namespace Remediator.Core.Configuration;

/// <summary>An environment held in memory: for tests, and for composing the handler in-process
/// (the demo, the CLI) without reading or changing the real process environment.</summary>
public sealed class InMemoryEnvironmentVariables : IEnvironmentVariables
{
    private readonly Dictionary<string, string> _values;
    private readonly Lock _gate = new();

    /// <summary>Creates an environment holding <paramref name="values"/>.</summary>
    public InMemoryEnvironmentVariables(IEnumerable<KeyValuePair<string, string>>? values = null)
    {
        _values = new Dictionary<string, string>(values ?? [], StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public string? Get(string name)
    {
        lock (_gate)
        {
            return _values.GetValueOrDefault(name);
        }
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> GetNames()
    {
        lock (_gate)
        {
            return [.. _values.Keys];
        }
    }

    /// <inheritdoc />
    public void Set(string name, string? value)
    {
        lock (_gate)
        {
            if (value is null)
            {
                _values.Remove(name);
            }
            else
            {
                _values[name] = value;
            }
        }
    }
}
