using System.Runtime.InteropServices;
using Remediator.Core.Configuration;
using Remediator.Lambda.Handling;
using Remediator.Lambda.Hosting;
using Remediator.Lambda.Logging;
using Remediator.Lambda.Runtime;

namespace Remediator.Lambda;

internal static class Program
{
    // Synchronous on purpose: an async Main is this same wait plus a state machine whose generic
    // instantiations (builder, box, awaiter) ReadyToRun cannot precompile, JIT-ed on every cold start.
    private static int Main()
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
        return LambdaHost.RunAsync(
            new ProcessEnvironmentVariables(), TimeProvider.System, log, CreateHandler, stopping.Token).GetAwaiter().GetResult();
    }

    /// <summary>The one place where the remediation engine becomes the invocation handler. A failure here
    /// (no region, an unusable endpoint URL) is reported to Lambda as an init error.</summary>
    private static IInvocationHandler CreateHandler(HandlerContext context) => RemediationHandlerFactory.Create(context);
}
