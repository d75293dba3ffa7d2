namespace Remediator.Core.Observability;

/// <summary>Where formatted log lines and EMF documents go (stdout in Lambda, where CloudWatch Logs
/// captures each line as one event).</summary>
public interface ILogSink
{
    /// <summary>Writes one complete JSON line; it must not contain a line break.</summary>
    void WriteLine(string line);
}
