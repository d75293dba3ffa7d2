namespace Remediator.Aws.Config;

/// <summary>
/// The parts of the shared AWS <c>config</c> file this product reads: per-profile settings (<c>region</c>,
/// <c>endpoint_url</c>, <c>services</c>) and <c>[services name]</c> sections with per-service sub-settings.
/// </summary>
public sealed class SharedConfigFile
{
    private readonly Dictionary<string, Dictionary<string, string>> sections;

    private SharedConfigFile(Dictionary<string, Dictionary<string, string>> sections) => this.sections = sections;

    /// <summary>A file with no sections.</summary>
    public static SharedConfigFile Empty { get; } = new(new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal));

    /// <summary>Reads the file at <paramref name="path"/>; a missing file is empty.</summary>
    public static SharedConfigFile Load(string? path) =>
        path is not null && File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty;

    /// <summary>
    /// Parses INI text. Sub-settings (an empty value followed by indented <c>key = value</c> lines) are stored
    /// as <c>parent.key</c>, e.g. <c>lambda.endpoint_url</c>.
    /// </summary>
    public static SharedConfigFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        string? parent = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            if (trimmed[0] == '[' && trimmed[^1] == ']')
            {
                var name = string.Join(' ', trimmed[1..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                current = sections.TryGetValue(name, out var existing) ? existing : sections[name] = new(StringComparer.Ordinal);
                parent = null;
                continue;
            }

            var eq = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (current is null || eq <= 0)
            {
                continue;
            }

            var key = trimmed[..eq].Trim().ToLowerInvariant();
            var value = trimmed[(eq + 1)..].Trim();
            var indented = char.IsWhiteSpace(line[0]);
            if (indented && parent is not null)
            {
                current[$"{parent}.{key}"] = value;
                continue;
            }

            parent = value.Length == 0 ? key : null;
            current[key] = value;
        }

        return new SharedConfigFile(sections);
    }

    /// <summary>A setting of a profile (<c>[default]</c> or <c>[profile name]</c>), or null.</summary>
    public string? ProfileValue(string profile, string key) =>
        Value(profile == "default" && !sections.ContainsKey("default") ? "profile default" : profile == "default" ? "default" : $"profile {profile}", key);

    /// <summary>A setting of a <c>[services name]</c> section, or null.</summary>
    public string? ServicesValue(string servicesName, string key) => Value($"services {servicesName}", key);

    private string? Value(string section, string key) =>
        sections.TryGetValue(section, out var values) && values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
