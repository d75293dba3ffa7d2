using System.CommandLine;
using Remediator.Sandbox;

namespace Remediator.Cli.Commands;

/// <summary><c>remediator sandbox [--port 4566] [--state FILE] [--credential KEY=SECRET]...</c>: a local AWS endpoint.</summary>
internal static class SandboxCommand
{
    private const string Name = "sandbox";

    /// <summary>The command; the start-up banner goes to <paramref name="console"/>'s stdout, problems to its stderr.</summary>
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var port = new Option<int>("--port")
        {
            Description = "TCP port on 127.0.0.1 (0 picks a free one).",
            DefaultValueFactory = _ => 4566,
        };
        var state = new Option<FileInfo?>("--state")
        {
            Description = "JSON file to load the state from at start and save it to after every change.",
        };
        var credentials = new Option<string[]>("--credential")
        {
            Description = "An extra accepted access key pair, KEY=SECRET (repeatable; test=test is always accepted).",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command(Name, "Serve a local AWS (Lambda, API Gateway v1/v2, CloudWatch Logs, SNS, SSM, STS) that the AWS CLI accepts.")
        {
            port,
            state,
            credentials,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(port),
            parseResult.GetValue(state),
            parseResult.GetValue(credentials) ?? [],
            console,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int port, FileInfo? stateFile, string[] extraCredentials, CliConsole console, CancellationToken cancellationToken)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal) { ["test"] = "test" };
        foreach (var credential in extraCredentials)
        {
            var parts = credential.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                return console.Fail(Name, ExitCodes.BadInput, $"--credential expects KEY=SECRET, got '{credential}'");
            }

            pairs[parts[0]] = parts[1];
        }

        var options = new SandboxOptions { Port = port, StateFile = stateFile?.FullName, Credentials = pairs };
        SandboxServer server;
        try
        {
            server = await SandboxServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // The port is taken or the state file cannot be read: the user's to change.
            return console.Fail(Name, ExitCodes.BadInput, ex.Message);
        }

        await using var started = server;
        TextWriter output = console.Out;
        var endpoint = server.BaseUrl.ToString().TrimEnd('/');
        await output.WriteLineAsync($"""
            Remediator sandbox listening on {endpoint} (account {server.AccountId}, region {server.Region}).
              export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION={server.Region}
              aws --endpoint-url {endpoint} sts get-caller-identity
              REST/HTTP API calls: {endpoint}/restapis/<apiId>/<stage>/_user_request_/<path>
              State: GET {endpoint}/_sandbox/state{(stateFile is null ? string.Empty : $" (saved to {stateFile.FullName})")}. Ctrl+C stops.
            """).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: fall through to dispose, which saves the state file.
        }

        return ExitCodes.Success;
    }
}
