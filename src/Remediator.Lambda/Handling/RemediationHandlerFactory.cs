using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Core.Engine;
using Remediator.Core.Ports;
using Remediator.Lambda.Hosting;

namespace Remediator.Lambda.Handling;

/// <summary>Composes the <see cref="RemediationHandler"/> from a <see cref="HandlerContext"/>: every AWS
/// client over one HTTP core with one credential and endpoint resolution (so AWS_ENDPOINT_URL and
/// AWS_ENDPOINT_URL_&lt;SERVICE&gt; reach DynamoDB too), the ledger the settings name, SNS when a topic is set.</summary>
public static class RemediationHandlerFactory
{
    /// <summary>Builds the handler. <paramref name="clientSettings"/> lets a local composition root (the
    /// CLI demo) fix credentials; the Lambda passes none and resolves everything from the environment.</summary>
    public static RemediationHandler Create(HandlerContext context, AwsClientSettings? clientSettings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var owned = new List<IDisposable>();
        try
        {
            var environment = new AwsEnvironment(context.Environment.Get, context.Environment.Get("HOME"));
            AwsClients clients = AwsClients.Create(environment, clientSettings, context.Clock);
            owned.Add(clients);
            ILedger ledger = LedgerFactory.Create(context.Settings, clients, context.Clock, owned);
            var dependencies = new EngineDependencies
            {
                Lambda = clients.Lambda,
                RestApis = clients.ApiGateway,
                V2Apis = clients.ApiGatewayV2,
                Logs = clients.Logs,
                Ledger = ledger,
                Notifications = context.Settings.TopicArn is null ? null : clients.Sns,
                LogSink = context.Log,
                Time = context.Clock,
            };
            var engines = new EngineSource(dependencies, context.Settings, clients.Region, clients.Sts);
            return new RemediationHandler(engines, context.Settings, context.Deadlines, owned);
        }
        catch
        {
            foreach (IDisposable disposable in owned)
            {
                disposable.Dispose();
            }

            throw;
        }
    }
}
