namespace Remediator.Sandbox;

/// <summary>How to run a sandbox. Defaults match the project contract: account 000000000000, us-east-1, test/test.</summary>
public sealed record SandboxOptions
{
    /// <summary>The sandbox's account id.</summary>
    public const string DefaultAccountId = "000000000000";

    /// <summary>The sandbox's region.</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Account id used in every ARN.</summary>
    public string AccountId { get; init; } = DefaultAccountId;

    /// <summary>The only region the sandbox accepts in credential scopes.</summary>
    public string Region { get; init; } = DefaultRegion;

    /// <summary>Access key id to secret key; the pair <c>test</c>/<c>test</c> by default.</summary>
    public IReadOnlyDictionary<string, string> Credentials { get; init; } = new Dictionary<string, string> { ["test"] = "test" };

    /// <summary>Names of the IAM roles of the home account that <c>sts:AssumeRole</c> may assume; none by default.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>
    /// Further accounts served beside the home account (<see cref="AccountId"/>), each with its own resources, quotas
    /// and keys; a call acts in the account its key belongs to. The admin endpoints, the data plane and
    /// <see cref="StateFile"/> serve the home account only.
    /// </summary>
    public IReadOnlyList<SandboxAccountOptions> OtherAccounts { get; init; } = [];

    /// <summary>JSON file to load the state from at start and save it to after every change; null keeps it in memory.</summary>
    public string? StateFile { get; init; }

    /// <summary>Largest difference between <c>X-Amz-Date</c> and now that a signature may have (AWS: 15 minutes).</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Clock for signatures, timestamps and log events.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Keeps every AWS call that reached an operation (<see cref="SandboxServer.Exchanges"/>), for wire-conformance tests.</summary>
    public bool RecordExchanges { get; init; }

    /// <summary>Seed for generated ids; null for a random seed.</summary>
    public int? Seed { get; init; }

    /// <summary>
    /// When true, API Gateway's and Lambda's account request quotas are enforced: a call above the rate is answered
    /// 429 <c>TooManyRequestsException</c> (and counted as <c>throttled:service:Operation</c>), as AWS answers it.
    /// </summary>
    public bool EmulateQuotas { get; init; }
}
