using System.Net;
using System.Net.Sockets;

namespace Remediator.Cli.Tests.Commands;

public sealed class SandboxCommandTests
{
    [Fact]
    public void Sandbox_CredentialNotAPair_ExitsBadInputWithOneLine()
    {
        CliRun run = CliRun.Execute("sandbox", "--port", "0", "--credential", "justakey");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("remediator sandbox: --credential expects KEY=SECRET, got 'justakey'", Assert.Single(run.ErrorLines));
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Sandbox_PortTaken_ExitsBadInputWithOneLine()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        CliRun run = CliRun.Execute("sandbox", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("remediator sandbox: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }
}
