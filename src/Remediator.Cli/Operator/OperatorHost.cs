using Remediator.Aws.Composition;
using Remediator.Core.Engine;
using Remediator.Core.Ports;

namespace Remediator.Cli.Operator;

/// <summary>
/// The account a command works on: the <see cref="RemediatorServices"/> of the account in the environment (or the
/// endpoint <c>AWS_ENDPOINT_URL</c> names) and its id from STS. Disposing it disposes the services.
/// </summary>
internal sealed class OperatorHost : IDisposable
{
    private OperatorHost(RemediatorServices services, string accountId)
    {
        Services = services;
        AccountId = accountId;
    }

    public RemediatorServices Services { get; }

    public AwsClients Clients => Services.Clients;

    /// <summary>The DynamoDB table when <c>REMEDIATOR_LEDGER_TABLE</c> is set, else a process-local one.</summary>
    public ILedger Ledger => Services.Ledger;

    public string AccountId { get; }

    public string Region => Services.Region;

    /// <summary>Identifies the account; takes ownership of <paramref name="services"/>, disposing them if that fails.</summary>
    public static async Task<OperatorHost> CreateAsync(RemediatorServices services, CancellationToken cancellationToken)
    {
        try
        {
            return new OperatorHost(services, await services.AccountIdAsync(null, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            services.Dispose();
            throw;
        }
    }

    /// <summary>The engine the Lambda runs, for this account.</summary>
    public RemediationEngine CreateEngine() => Services.CreateEngine(AccountId);

    public void Dispose() => Services.Dispose();
}
