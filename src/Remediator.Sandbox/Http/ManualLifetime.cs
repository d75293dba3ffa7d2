using Microsoft.Extensions.Hosting;

namespace Remediator.Sandbox.Http;

/// <summary>
/// A host lifetime that ignores process signals: the sandbox runs inside test processes and the CLI, whose
/// owners decide when to stop it (the default console lifetime would swallow Ctrl+C and SIGTERM).
/// </summary>
internal sealed class ManualLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
