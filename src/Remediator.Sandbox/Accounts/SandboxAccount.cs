using Remediator.Sandbox.Faults;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.Logs;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Accounts;

/// <summary>
/// One account of the sandbox: its own state, services, log subscriptions and request quotas (AWS's quotas are
/// per account), and the roles <c>sts:AssumeRole</c> may assume in it.
/// </summary>
internal sealed class SandboxAccount
{
    public SandboxAccount(SandboxEnvironment env, Func<SandboxEnvironment, ServiceDirectory> services, QuotaEmulator quotas, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(services);
        Env = env;
        Services = services(env);
        Quotas = quotas;
        Subscriptions = new LogSubscriptions(env);
        Roles = new HashSet<string>(roles, StringComparer.Ordinal);
    }

    public SandboxEnvironment Env { get; }

    public string AccountId => Env.AccountId;

    public ServiceDirectory Services { get; }

    public QuotaEmulator Quotas { get; }

    public LogSubscriptions Subscriptions { get; }

    /// <summary>Role names (not ARNs) that may be assumed.</summary>
    public IReadOnlySet<string> Roles { get; }
}

/// <summary>The sandbox's accounts by id, the first being the home account, and the keys of all of them.</summary>
internal sealed class SandboxAccounts
{
    private readonly Dictionary<string, SandboxAccount> _byId = new(StringComparer.Ordinal);
    private readonly List<SandboxAccount> _all = [];

    public SandboxCredentials Credentials { get; } = new();

    /// <summary>The account of <see cref="SandboxOptions.AccountId"/>: the admin endpoints and the data plane serve it.</summary>
    public SandboxAccount Home => _all[0];

    public IReadOnlyList<SandboxAccount> All => _all;

    public void Add(SandboxAccount account, IReadOnlyDictionary<string, string> keys)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!IsAccountId(account.AccountId))
        {
            throw new ArgumentException($"'{account.AccountId}' is not a 12-digit account id.", nameof(account));
        }

        if (!_byId.TryAdd(account.AccountId, account))
        {
            throw new ArgumentException($"Account {account.AccountId} is configured twice.", nameof(account));
        }

        _all.Add(account);
        Credentials.AddAccountKeys(account.AccountId, keys);
    }

    public SandboxAccount? Find(string accountId) => _byId.GetValueOrDefault(accountId);

    public static bool IsAccountId(string value) => value.Length == 12 && value.All(char.IsAsciiDigit);
}
