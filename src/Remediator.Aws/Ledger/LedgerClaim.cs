using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remediator.Core.Ledger;
using Remediator.Core.Ports;
using static Remediator.Aws.Ledger.LedgerItem;

namespace Remediator.Aws.Ledger;

/// <summary>Claiming: three conditional writes that between them cover every state a record can be in.</summary>
internal sealed class LedgerClaim(LedgerTable table, TimeProvider time, LedgerOptions options)
{
    private const string Pk = LedgerTableSchema.PartitionKey;
    private const string Ttl = LedgerTableSchema.TimeToLiveAttribute;

    // Only a record that expires or vanishes between the writes of one round sends the claim round again.
    private const int MaxClaimRounds = 3;

    /// <summary>The lease and the record after counting the sighting, or the record another holder leases.</summary>
    public async Task<ClaimResult> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        LedgerRules.Validate(request);
        for (var round = 0; round < MaxClaimRounds; round++)
        {
            var now = LedgerRules.Now(time);

            // Most sightings repeat a known key, so the update of a live record goes first.
            if (await TryTakeLeaseAsync(request, now, cancellationToken).ConfigureAwait(false) is { } taken)
            {
                return new ClaimResult(true, taken);
            }

            if (await TryCreateAsync(request, now, cancellationToken).ConfigureAwait(false) is { } created)
            {
                return new ClaimResult(true, created);
            }

            if (await TryCountSightingAsync(request, now, cancellationToken).ConfigureAwait(false) is { } seen)
            {
                // Our own live lease: a write of this claim that DynamoDB applied but whose answer was lost (the retry
                // then failed its condition). The lease is ours; the retry counted the sighting twice, no more.
                bool ours = seen.Lease is { } held && string.Equals(held.Holder, request.Holder, StringComparison.Ordinal) && !LedgerRules.IsLeaseFree(held, now);
                return new ClaimResult(ours, seen);
            }
        }

        throw new InvalidOperationException(
            $"The ledger record of '{request.Key}' kept appearing and expiring during {MaxClaimRounds} claim rounds.");
    }

    /// <summary>A live record whose lease is free or already ours: count the sighting and take the lease.</summary>
    private async Task<LedgerRecord?> TryTakeLeaseAsync(ClaimRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lease = LedgerRules.LeaseFor(request, now);
        var values = SightingValues(request, now);
        values[":owner"] = S(request.Holder);
        values[":now"] = Millis(now);
        values[":leaseExpiresAt"] = Millis(lease.ExpiresAt);
        var item = await table.TryUpdateAsync(
            new UpdateItemRequest
            {
                TableName = table.Name,
                Key = LedgerTable.KeyOf(LedgerTableSchema.RecordKey(request.Key)),
                UpdateExpression = $"SET {Sighted(request)}{Ttl} = :expiresAt, {LeaseOwner} = :owner, "
                    + $"{LeaseExpiresAt} = :leaseExpiresAt ADD {Occurrences} :occurrences",
                ConditionExpression = $"attribute_exists({Pk}) AND {Ttl} > :nowSeconds AND "
                    + $"(attribute_not_exists({LeaseOwner}) OR {LeaseExpiresAt} <= :now OR {LeaseOwner} = :owner)",
                ExpressionAttributeValues = values,
                ReturnValues = ReturnValue.ALL_NEW,
            },
            cancellationToken).ConfigureAwait(false);
        return item is null ? null : ToRecord(item);
    }

    /// <summary>No record, or only an expired one that TTL has not deleted yet: start afresh, lease included.</summary>
    private async Task<LedgerRecord?> TryCreateAsync(ClaimRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        LedgerRecord record = LedgerRules.FirstClaim(request, now, options.RecordRetention);
        var created = await table.TryPutAsync(
            new PutItemRequest
            {
                TableName = table.Name,
                Item = From(record),
                ConditionExpression = $"attribute_not_exists({Pk}) OR {Ttl} <= :nowSeconds",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                {
                    [":nowSeconds"] = Seconds(now),
                },
            },
            cancellationToken).ConfigureAwait(false);
        return created ? record : null;
    }

    /// <summary>A live record leased to someone else: only count the sighting, so no occurrence is lost.</summary>
    private async Task<LedgerRecord?> TryCountSightingAsync(ClaimRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var item = await table.TryUpdateAsync(
            new UpdateItemRequest
            {
                TableName = table.Name,
                Key = LedgerTable.KeyOf(LedgerTableSchema.RecordKey(request.Key)),
                UpdateExpression = $"SET {Sighted(request)}{Ttl} = :expiresAt ADD {Occurrences} :occurrences",
                ConditionExpression = $"attribute_exists({Pk}) AND {Ttl} > :nowSeconds",
                ExpressionAttributeValues = SightingValues(request, now),
                ReturnValues = ReturnValue.ALL_NEW,
            },
            cancellationToken).ConfigureAwait(false);
        return item is null ? null : ToRecord(item);
    }

    // A claim that counts no occurrence (a sweep taking a lease) is no sighting and keeps lastSeen.
    private static string Sighted(ClaimRequest request) => request.Occurrences > 0 ? $"{LastSeen} = :now, " : string.Empty;

    // DynamoDB refuses values an expression does not use, so ":now" is there only when lastSeen is set.
    private Dictionary<string, AttributeValue> SightingValues(ClaimRequest request, DateTimeOffset now)
    {
        var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [":nowSeconds"] = Seconds(now),
            [":expiresAt"] = Seconds(LedgerRules.ExpiryAfter(now, options.RecordRetention)),
            [":occurrences"] = N(request.Occurrences),
        };
        if (request.Occurrences > 0)
        {
            values[":now"] = Millis(now);
        }

        return values;
    }
}
