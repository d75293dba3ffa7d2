namespace Remediator.Sandbox;

/// <summary>
/// A further account the sandbox serves beside its home account (<see cref="SandboxOptions.OtherAccounts"/>): its own
/// resources, quotas and keys. A call is served in the account its access key belongs to; credentials from
/// <c>sts:AssumeRole</c> act in the account of the role they were issued for.
/// </summary>
/// <param name="AccountId">Twelve digits, different from every other account of the sandbox.</param>
/// <param name="Credentials">Access key id to secret key of the account's own (root) keys; may be empty when the
/// account is reached only by assuming one of its <paramref name="Roles"/>.</param>
/// <param name="Roles">Names of the IAM roles that <c>sts:AssumeRole</c> may assume in the account.</param>
public sealed record SandboxAccountOptions(
    string AccountId,
    IReadOnlyDictionary<string, string> Credentials,
    IReadOnlyList<string> Roles);
