using Remediator.Aws.Composition;
using Remediator.Core.Engine;

namespace Remediator.Lambda.Handling;

/// <summary>
/// Builds the engine on the first invocation, when the account Remediator runs in is known: from the
/// invoked function's ARN, else from STS (<see cref="RemediatorServices.AccountIdAsync"/>).
/// </summary>
internal sealed class EngineSource(RemediatorServices services)
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
                string account = await services.AccountIdAsync(invokedFunctionArn, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _engine, services.CreateEngine(account, invokedFunctionArn));
            }

            return _engine!;
        }
        finally
        {
            _gate.Release();
        }
    }
}
