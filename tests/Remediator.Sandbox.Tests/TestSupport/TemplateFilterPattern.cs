namespace Remediator.Sandbox.Tests.TestSupport;

/// <summary>The subscription filter pattern template.yaml deploys (its <c>FailureFilter.Pattern.Raw</c> folded block).</summary>
internal static class TemplateFilterPattern
{
    private static readonly Lazy<string> Pattern = new(Read);

    public static string Raw => Pattern.Value;

    private static string Read()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "template.yaml")))
        {
            dir = dir.Parent;
        }

        var lines = File.ReadAllLines(Path.Combine(dir?.FullName ?? throw new FileNotFoundException("template.yaml not found above the test output."), "template.yaml"));
        int start = Array.FindIndex(lines, line => line.Trim() == "Raw: >-");
        return string.Join(' ', lines.Skip(start + 1).TakeWhile(line => !line.TrimStart().StartsWith("JsonEscaped:", StringComparison.Ordinal)).Select(line => line.Trim()));
    }
}
