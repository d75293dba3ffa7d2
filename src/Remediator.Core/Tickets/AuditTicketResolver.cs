using System.Globalization;
using Remediator.Core.Audit;
using Remediator.Core.Ports;

namespace Remediator.Core.Tickets;

/// <summary>
/// Resolves the open OpsItems of Remediator whose root cause an audit verified healthy: a target whose policy now
/// allows API Gateway's call (docs/ARCHITECTURE.md, "Tickets"). Every other OpsItem is left as it is.
/// </summary>
public sealed class AuditTicketResolver(IOpsCenterClient opsCenter, TimeProvider time)
{
    /// <summary>Open OpsItems listed at most (DescribeOpsItems pages of 50).</summary>
    public const int MaxOpenItems = 1000;

    /// <summary>The OpsItems resolved, with the target that proved each healthy.</summary>
    public async Task<IReadOnlyList<ResolvedTicket>> ResolveAsync(AuditReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Dictionary<string, AuditEntry> healthy = report.Entries
            .Where(entry => entry is { Status: AuditStatus.Allowed, RootCauseKey: not null })
            .GroupBy(entry => entry.RootCauseKey!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        if (healthy.Count == 0)
        {
            return [];
        }

        IReadOnlyList<OpenOpsItem> open = await opsCenter.FindOpenAsync(OpsItemFields.Source, null, null, MaxOpenItems, cancellationToken).ConfigureAwait(false);
        var resolved = new List<ResolvedTicket>();
        foreach (OpenOpsItem item in open)
        {
            if (!item.SearchableData.TryGetValue(OpsItemFields.RootCauseKey, out string? key) || !healthy.TryGetValue(key, out AuditEntry? entry))
            {
                continue;
            }

            string note = string.Create(CultureInfo.InvariantCulture,
                $"Resolved by remediator audit at {time.GetUtcNow().UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}: {entry.Target} of API {entry.ApiId}, stage {entry.Stage}, is allowed: {TicketText.Line(entry.Detail)}");
            await opsCenter.ResolveAsync(
                item.OpsItemId,
                new Dictionary<string, OpsItemData>(StringComparer.Ordinal) { [OpsItemFields.Resolution] = new(TicketText.ClipBytes(note, TicketText.MaxDataValueBytes)) },
                cancellationToken).ConfigureAwait(false);
            resolved.Add(new ResolvedTicket(item.OpsItemId, entry));
        }

        return resolved;
    }
}
