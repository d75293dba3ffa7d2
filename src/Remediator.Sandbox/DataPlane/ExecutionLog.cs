namespace Remediator.Sandbox.DataPlane;

/// <summary>
/// The execution-log lines of one request, each marked INFO or ERROR, rendered for the stage's logging level
/// with the <c>(requestId) </c> prefix and API Gateway's 1 KB cut.
/// </summary>
internal sealed class ExecutionLog(string requestId)
{
    private readonly List<(string Text, bool IsError)> _lines = [];

    public ExecutionLog Info(string text)
    {
        _lines.Add((text, false));
        return this;
    }

    public ExecutionLog Error(string text)
    {
        _lines.Add((text, true));
        return this;
    }

    /// <summary>The events to write: all lines at INFO, only error lines at ERROR, none when logging is OFF.</summary>
    public IReadOnlyList<string> Render(string? level) => level?.ToUpperInvariant() switch
    {
        "INFO" => _lines.Select(l => Event(l.Text)).ToList(),
        "ERROR" => _lines.Where(l => l.IsError).Select(l => Event(l.Text)).ToList(),
        _ => [],
    };

    private string Event(string text)
    {
        var message = $"({requestId}) {text}";
        return message.Length <= ExecutionLogText.MaxEventLength
            ? message
            : message[..(ExecutionLogText.MaxEventLength - ExecutionLogText.Truncated.Length)] + ExecutionLogText.Truncated;
    }
}
