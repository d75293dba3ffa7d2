using System.Text;
using Remediator.Core.Observability;

namespace Remediator.Lambda.Logging;

/// <summary>Writes each line to standard output, where Lambda turns every line into one CloudWatch Logs
/// event. Lines go out unbuffered, so nothing is lost when the environment is frozen or killed.</summary>
public sealed class StdoutLogSink : ILogSink, IDisposable
{
    private readonly Stream _stdout;
    private readonly Lock _gate = new();

    /// <summary>Creates a sink on this process's standard output.</summary>
    public StdoutLogSink()
        : this(Console.OpenStandardOutput())
    {
    }

    /// <summary>Creates a sink on <paramref name="output"/>.</summary>
    public StdoutLogSink(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _stdout = output;
    }

    /// <inheritdoc />
    public void WriteLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        byte[] bytes = Encoding.UTF8.GetBytes(line + "\n");
        lock (_gate)
        {
            _stdout.Write(bytes);
            _stdout.Flush();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stdout.Dispose();
}
