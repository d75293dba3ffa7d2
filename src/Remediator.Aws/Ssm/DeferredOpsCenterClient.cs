using Amazon.SimpleSystemsManagement;
using Remediator.Core.Ports;

namespace Remediator.Aws.Ssm;

/// <summary>
/// An <see cref="IOpsCenterClient"/> that builds the SDK client on its first call: most invocations open no
/// ticket, and a cold start should not pay for a client it does not use. Disposing it disposes that client.
/// </summary>
public sealed class DeferredOpsCenterClient : IOpsCenterClient, IDisposable
{
    private readonly Lazy<IAmazonSimpleSystemsManagement> sdk;
    private readonly Lazy<OpsCenterClient> client;

    /// <summary>Creates the wrapper; <paramref name="create"/> runs once, on the first call.</summary>
    public DeferredOpsCenterClient(Func<IAmazonSimpleSystemsManagement> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        sdk = new Lazy<IAmazonSimpleSystemsManagement>(create, LazyThreadSafetyMode.ExecutionAndPublication);
        client = new Lazy<OpsCenterClient>(() => new OpsCenterClient(sdk.Value), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>True once a call has built the SDK client.</summary>
    public bool IsCreated => sdk.IsValueCreated;

    /// <summary>The SDK client, building it if no call has yet (tests read its configuration).</summary>
    public IAmazonSimpleSystemsManagement Sdk => sdk.Value;

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
        if (sdk.IsValueCreated)
        {
            sdk.Value.Dispose();
        }
    }
}
