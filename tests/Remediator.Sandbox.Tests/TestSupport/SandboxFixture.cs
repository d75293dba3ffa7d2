namespace Remediator.Sandbox.Tests.TestSupport;

/// <summary>One in-process sandbox per test class, on a free port, with a signing client.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;

    public SignedClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(new SandboxOptions
        {
            Seed = 1234,
            Credentials = new Dictionary<string, string> { ["test"] = "test", ["AKIDEXTRA"] = "extra-secret" },
        });
        Client = new SignedClient(Server.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
