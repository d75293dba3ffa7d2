using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Remediator.Moto.Tests.Support;

/// <summary>A <c>moto_server</c> process (moto 5, every service in one endpoint) on a free loopback port, killed on dispose.</summary>
public sealed class MotoServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output;

    private MotoServer(Process process, StringBuilder output, int port)
    {
        _process = process;
        _output = output;
        Endpoint = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>The server's base address.</summary>
    public Uri Endpoint { get; }

    /// <summary>The account moto answers for (its fixed default).</summary>
    public static string AccountId => "123456789012";

    public static async Task<MotoServer> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            // A port found free can be taken before moto binds it; then the process exits and we try another.
            var port = FreePort();
            var output = new StringBuilder();
            var server = new MotoServer(Start(port, output), output, port);
            if (await server.AnswersAsync())
            {
                return server;
            }

            string written = server.Output;
            await server.DisposeAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"moto_server did not answer on port {port} within {StartTimeout}:\n{written}");
            }
        }
    }

    /// <summary>Forgets every resource of every service (moto's own reset endpoint).</summary>
    public async Task ResetAsync()
    {
        using var http = new HttpClient();
        using var reset = await http.PostAsync(new Uri(Endpoint, "/moto-api/reset"), null);
        reset.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Gone already, or slow to be reaped: the OS finishes it.
        }

        _process.Dispose();
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private static Process Start(int port, StringBuilder output)
    {
        var info = new ProcessStartInfo("moto_server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, line) => Capture(output, line.Data);
        process.ErrorDataReceived += (_, line) => Capture(output, line.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception missing)
        {
            process.Dispose();
            throw new InvalidOperationException(
                $"The moto tests run 'moto_server' (moto 5 with its server extra; the build image provides moto 5.2.1), but it could not be started: {missing.Message}. "
                + "Install moto[server] with Python 3 so that 'moto_server' is on PATH.",
                missing);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Capture(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private async Task<bool> AnswersAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var answer = await http.GetAsync(new Uri(Endpoint, "/moto-api/data.json"));
                return answer.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
