using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Remediator.Aws.Tests.Dynalite;

/// <summary>A dynalite process (in-memory DynamoDB) on a free loopback port, killed on dispose.</summary>
internal sealed class DynaliteServer : IAsyncDisposable
{
    private const int MaxStartAttempts = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly NodeProcess _process;

    private DynaliteServer(NodeProcess process, int port)
    {
        _process = process;
        Endpoint = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>The server's base address, for the DynamoDB client's ServiceURL.</summary>
    public Uri Endpoint { get; }

    public static async Task<DynaliteServer> StartAsync(CancellationToken cancellationToken)
    {
        var cli = await TestTools.EnsureDynaliteAsync(cancellationToken);
        var failures = new List<string>();
        for (var attempt = 1; attempt <= MaxStartAttempts; attempt++)
        {
            // A port found free can be taken before dynalite binds it; then the process exits and we try another.
            var port = FreeLoopbackPort();
            var process = NodeProcess.Start(
                "node",
                [cli, "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture),
                 "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"]);
            if (await AnswersAsync(process, port, cancellationToken))
            {
                return new DynaliteServer(process, port);
            }

            process.Kill();
            failures.Add($"attempt {attempt} on port {port}: {process.Output}");
            process.Dispose();
        }

        throw new InvalidOperationException(
            $"dynalite did not answer on loopback within {StartTimeout} ({MaxStartAttempts} attempts):\n{string.Join('\n', failures)}");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.Process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            // Killed but slow to be reaped; the OS finishes it.
        }

        _process.Dispose();
    }

    private static async Task<bool> AnswersAsync(NodeProcess process, int port, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline && !process.Process.HasExited)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }
        }

        return false;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
