using Remediator.Core.Configuration;
using Remediator.Core.Engine;
using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Lambda.Handling;

/// <summary>
/// Builds the engine on the first invocation, when the account Remediator runs in is known: from the
/// invoked function's ARN (free, and Lambda's own word), else from STS GetCallerIdentity. Only APIs and
/// functions of that account are ever granted.
/// </summary>
internal sealed class EngineSource(
    EngineDependencies dependencies, RemediatorSettings settings, string region, IStsClient sts)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RemediationEngine? _engine;

    public async Task<RemediationEngine> GetAsync(string? invokedFunctionArn, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _engine) is { } built)
        {
            return built;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_engine is null)
            {
                string account = AccountOf(invokedFunctionArn)
                    ?? (await sts.GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false)).Account;
                Volatile.Write(ref _engine, new RemediationEngine(
                    dependencies, settings, new EngineOptions { AccountId = account, Region = region }));
            }

            return _engine!;
        }
        finally
        {
            _gate.Release();
        }
    }

    internal static string? AccountOf(string? functionArn) =>
        LambdaFunctionArn.Parse(functionArn) is { IsSuccess: true } parsed ? parsed.Value!.AccountId : null;
}
