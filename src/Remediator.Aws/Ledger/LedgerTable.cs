using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static Remediator.Aws.Ledger.LedgerItem;

namespace Remediator.Aws.Ledger;

/// <summary>
/// The ledger's DynamoDB table: consistent reads by key, and conditional writes whose failed condition is an
/// answer (<c>null</c> or <c>false</c>). Every other service error propagates. The client is obtained on the
/// first request, so a process that never touches the ledger never builds one.
/// </summary>
internal sealed class LedgerTable(Func<IAmazonDynamoDB> client, string name)
{
    private IAmazonDynamoDB Dynamo => client();

    /// <summary>The table's name, for the requests built against it.</summary>
    public string Name { get; } = name;

    /// <summary>The key of the item named <paramref name="key"/>.</summary>
    public static Dictionary<string, AttributeValue> KeyOf(string key) =>
        new(StringComparer.Ordinal) { [LedgerTableSchema.PartitionKey] = S(key) };

    /// <summary>The item named <paramref name="key"/>; <c>null</c> when there is none.</summary>
    public async Task<Dictionary<string, AttributeValue>?> GetItemAsync(string key, CancellationToken cancellationToken)
    {
        var response = await Dynamo.GetItemAsync(
            new GetItemRequest { TableName = Name, Key = KeyOf(key), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    /// <summary>Runs a conditional update; <c>null</c> when the condition failed, the attributes otherwise.</summary>
    public async Task<Dictionary<string, AttributeValue>?> TryUpdateAsync(UpdateItemRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Dynamo.UpdateItemAsync(request, cancellationToken).ConfigureAwait(false);
            return response.Attributes ?? new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    /// <summary>Runs a conditional put; <c>false</c> when the condition failed.</summary>
    public async Task<bool> TryPutAsync(PutItemRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await Dynamo.PutItemAsync(request, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>One Scan page.</summary>
    public Task<ScanResponse> ScanAsync(ScanRequest request, CancellationToken cancellationToken) =>
        Dynamo.ScanAsync(request, cancellationToken);
}
