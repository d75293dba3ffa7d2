using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Lambda.Hosting;

namespace Remediator.Lambda.Handling;

/// <summary>Composes the <see cref="RemediationHandler"/> from a <see cref="HandlerContext"/> over
/// <see cref="RemediatorServices"/>, the composition root the CLI shares.</summary>
public static class RemediationHandlerFactory
{
    /// <summary>Builds the handler. <paramref name="clientSettings"/> lets a local composition root (the
    /// CLI demo) fix credentials; the Lambda passes none and resolves everything from the environment.</summary>
    public static RemediationHandler Create(HandlerContext context, AwsClientSettings? clientSettings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var environment = new AwsEnvironment(context.Environment.Get, context.Environment.Get("HOME"));
        RemediatorServices services = RemediatorServices.Create(context.Settings, environment, context.Clock, context.Log, clientSettings);
        return new RemediationHandler(new EngineSource(services), context.Settings, context.Deadlines, services);
    }
}
