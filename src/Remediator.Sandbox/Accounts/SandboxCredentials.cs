using System.Collections.Concurrent;

namespace Remediator.Sandbox.Accounts;

/// <summary>A secret key and who it signs for; <see cref="SessionToken"/> is set for temporary credentials.</summary>
internal sealed record SandboxKey(string SecretAccessKey, SandboxCaller Caller, string? SessionToken, DateTimeOffset? Expiration);

/// <summary>
/// Every access key the sandbox accepts, across its accounts: each account's long-term keys, and the temporary keys
/// <c>sts:AssumeRole</c> hands out (ids starting <c>ASIA</c>, as AWS's do), which must come with their session token.
/// </summary>
internal sealed class SandboxCredentials
{
    private readonly ConcurrentDictionary<string, SandboxKey> _keys = new(StringComparer.Ordinal);

    /// <summary>Adds the long-term keys of <paramref name="accountId"/>'s root; a key already taken is a configuration error.</summary>
    public void AddAccountKeys(string accountId, IReadOnlyDictionary<string, string> credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        foreach (var (accessKeyId, secret) in credentials)
        {
            if (!_keys.TryAdd(accessKeyId, new SandboxKey(secret, SandboxCaller.Root(accountId), null, null)))
            {
                throw new ArgumentException($"Access key '{accessKeyId}' is configured for more than one sandbox account.", nameof(credentials));
            }
        }
    }

    /// <summary>Records temporary keys issued to <paramref name="caller"/>.</summary>
    public void AddSession(string accessKeyId, string secretAccessKey, string sessionToken, SandboxCaller caller, DateTimeOffset expiration) =>
        _keys[accessKeyId] = new SandboxKey(secretAccessKey, caller, sessionToken, expiration);

    /// <summary>The key with this id, or null.</summary>
    public SandboxKey? Find(string accessKeyId) => _keys.GetValueOrDefault(accessKeyId);
}
