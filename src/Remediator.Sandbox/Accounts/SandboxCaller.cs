namespace Remediator.Sandbox.Accounts;

/// <summary>Who signed a request: the account it acts in and the identity <c>GetCallerIdentity</c> names.</summary>
/// <param name="AccountId">The account whose resources the call reads and changes.</param>
/// <param name="Arn">The caller's ARN: the account's root, or <c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>.</param>
/// <param name="UserId">The caller's unique id: the account id for the root, <c>ROLEID:SESSION</c> for a role session.</param>
internal sealed record SandboxCaller(string AccountId, string Arn, string UserId)
{
    /// <summary>The root user of <paramref name="accountId"/>.</summary>
    public static SandboxCaller Root(string accountId) => new(accountId, $"arn:aws:iam::{accountId}:root", accountId);
}
