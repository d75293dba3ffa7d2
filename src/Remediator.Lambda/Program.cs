using System.Runtime.InteropServices;
using Remediator.Core.Configuration;
using Remediator.Lambda.Hosting;
using Remediator.Lambda.Logging;
using Remediator.Lambda.Runtime;

namespace Remediator.Lambda;

internal static class Program
{
    private static async Task<int> Main()
    {
        using var stopping = new CancellationTokenSource();
        // Lambda sends SIGTERM before shutting an environment down (when extensions are registered); a
        // local run or test gets the same: finish the loop quietly instead of dying mid-post.
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stopping.Cancel();
        });
        using var log = new StdoutLogSink();
        return await LambdaHost.RunAsync(
            new ProcessEnvironmentVariables(), TimeProvider.System, log, CreateHandler, stopping.Token).ConfigureAwait(false);
    }

    /// <summary>The one place where the remediation engine becomes the invocation handler. The engine is
    /// composed here at integration; until then there is deliberately no handler, and a deployed build
    /// reports that as an init error instead of pretending to work.</summary>
    private static IInvocationHandler CreateHandler(HandlerContext context) =>
        throw new NotSupportedException(
            "This build has no remediation engine wired into Remediator.Lambda (Program.CreateHandler).");
}
