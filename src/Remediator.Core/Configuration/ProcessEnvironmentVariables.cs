using System.Collections;

namespace Remediator.Core.Configuration;

/// <summary>The real process environment.</summary>
public sealed class ProcessEnvironmentVariables : IEnvironmentVariables
{
    /// <inheritdoc />
    public string? Get(string name) => Environment.GetEnvironmentVariable(name);

    /// <inheritdoc />
    public IReadOnlyCollection<string> GetNames()
    {
        var names = new List<string>();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            names.Add((string)entry.Key);
        }

        return names;
    }

    /// <inheritdoc />
    public void Set(string name, string? value) => Environment.SetEnvironmentVariable(name, value);
}
