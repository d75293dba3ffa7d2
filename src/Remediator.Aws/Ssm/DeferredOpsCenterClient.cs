using Remediator.Core.Ports;

namespace Remediator.Aws.Ssm;

/// <summary>
/// An <see cref="IOpsCenterClient"/> that builds the SDK client on its first call: most invocations open no ticket,
/// and a cold start should not pay for a client it does not use (nor load its assembly: no SDK type is named here
/// outside the factory's own code). Disposing it disposes that client.
/// </summary>
public sealed class DeferredOpsCenterClient : IOpsCenterClient, IDisposable
{
    private readonly Lazy<OpsCenterClient> client;

    /// <summary>Creates the wrapper; <paramref name="create"/> runs once, on the first call.</summary>
    public DeferredOpsCenterClient(Func<OpsCenterClient> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        client = new Lazy<OpsCenterClient>(create, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>True once a call has built the SDK client.</summary>
    public bool IsCreated => client.IsValueCreated;

    /// <summary>The client, building it if no call has yet (tests read its configuration).</summary>
    public OpsCenterClient Client => client.Value;

    /// <inheritdoc />
    public Task<OpsItemCreated> CreateAsync(OpsItemDraft draft, CancellationToken cancellationToken) => client.Value.CreateAsync(draft, cancellationToken);

    /// <inheritdoc />
    public Task<string?> GetStatusAsync(string opsItemId, CancellationToken cancellationToken) => client.Value.GetStatusAsync(opsItemId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OpenOpsItem>> FindOpenAsync(string source, string? dataKey, string? dataValue, int maxItems, CancellationToken cancellationToken) =>
        client.Value.FindOpenAsync(source, dataKey, dataValue, maxItems, cancellationToken);

    /// <inheritdoc />
    public Task UpdateAsync(OpsItemUpdate update, CancellationToken cancellationToken) => client.Value.UpdateAsync(update, cancellationToken);

    /// <inheritdoc />
    public Task ResolveAsync(string opsItemId, IReadOnlyDictionary<string, OpsItemData> note, CancellationToken cancellationToken) =>
        client.Value.ResolveAsync(opsItemId, note, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        if (client.IsValueCreated)
        {
            client.Value.Dispose();
        }
    }
}
