namespace Remediator.Core.Ports;

/// <summary>IAM, read only: what names the account to people.</summary>
public interface IIamClient
{
    /// <summary>IAM ListAccountAliases: the account's alias (IAM keeps at most one), or none.</summary>
    Task<IReadOnlyList<string>> ListAccountAliasesAsync(CancellationToken cancellationToken);
}
