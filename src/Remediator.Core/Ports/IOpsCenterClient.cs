namespace Remediator.Core.Ports;

/// <summary>Tickets as Systems Manager OpsCenter OpsItems (docs/ARCHITECTURE.md, "Tickets").</summary>
public interface IOpsCenterClient
{
    /// <summary>
    /// Creates an OpsItem. When an Open or InProgress OpsItem with the same dedup string exists, OpsCenter creates
    /// none and names that one: it is returned with <see cref="OpsItemCreated.AlreadyExisted"/> set (its id may be
    /// null when the answer did not name it).
    /// </summary>
    Task<OpsItemCreated> CreateAsync(OpsItemDraft draft, CancellationToken cancellationToken);

    /// <summary>The status of an OpsItem (<c>Open</c>, <c>InProgress</c>, <c>Resolved</c>, ...); null when no OpsItem has that id.</summary>
    Task<string?> GetStatusAsync(string opsItemId, CancellationToken cancellationToken);

    /// <summary>
    /// The Open and InProgress OpsItems of <paramref name="source"/>, newest first, at most <paramref name="maxItems"/>;
    /// with <paramref name="dataKey"/> only those whose searchable operational data <paramref name="dataKey"/> is
    /// <paramref name="dataValue"/>.
    /// </summary>
    Task<IReadOnlyList<OpenOpsItem>> FindOpenAsync(string source, string? dataKey, string? dataValue, int maxItems, CancellationToken cancellationToken);

    /// <summary>Replaces the description and adds (or replaces) operational data; the status is left as it is.</summary>
    Task UpdateAsync(OpsItemUpdate update, CancellationToken cancellationToken);

    /// <summary>Sets the OpsItem <c>Resolved</c>, adding <paramref name="note"/> to its operational data.</summary>
    Task ResolveAsync(string opsItemId, IReadOnlyDictionary<string, OpsItemData> note, CancellationToken cancellationToken);
}
