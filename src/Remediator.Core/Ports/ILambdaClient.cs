namespace Remediator.Core.Ports;

/// <summary>The Lambda control-plane calls Remediator makes.</summary>
public interface ILambdaClient
{
    /// <summary>
    /// The resource policy of the function (or of the version/alias <paramref name="qualifier"/>); null when it
    /// has none. A missing function is an <see cref="AwsServiceException"/> (ResourceNotFoundException).
    /// </summary>
    Task<FunctionPolicy?> GetPolicyAsync(string functionName, string? qualifier, CancellationToken cancellationToken);

    /// <summary>Adds one statement; returns the statement JSON Lambda stored. Conflicts surface as <see cref="AwsServiceException"/>.</summary>
    Task<string> AddPermissionAsync(AddPermissionRequest request, CancellationToken cancellationToken);

    /// <summary>Removes the statement <paramref name="statementId"/>, optionally only if the policy is still at <paramref name="revisionId"/>.</summary>
    Task RemovePermissionAsync(string functionName, string statementId, string? qualifier, string? revisionId, CancellationToken cancellationToken);

    /// <summary>An alias; null when it does not exist.</summary>
    Task<FunctionAlias?> GetAliasAsync(string functionName, string aliasName, CancellationToken cancellationToken);

    /// <summary>
    /// The function's reserved concurrency (GetFunctionConcurrency, for the unqualified function); null when none is
    /// reserved. A missing function is an <see cref="AwsServiceException"/> (ResourceNotFoundException).
    /// </summary>
    Task<int?> GetReservedConcurrencyAsync(string functionName, CancellationToken cancellationToken);

    /// <summary>Tags of a function (by unqualified ARN); empty when it has none.</summary>
    Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string functionArn, CancellationToken cancellationToken);
}

/// <summary>A resource policy as Lambda returns it: the policy document (JSON text) and its revision.</summary>
public sealed record FunctionPolicy(string PolicyJson, string RevisionId);

/// <summary>One <c>lambda:AddPermission</c> call.</summary>
/// <param name="FunctionName">Name, ARN or partial ARN.</param>
/// <param name="StatementId">Deterministic statement id.</param>
/// <param name="Action">Normally <c>lambda:InvokeFunction</c>.</param>
/// <param name="Principal">Normally <c>apigateway.amazonaws.com</c>.</param>
/// <param name="SourceArn">The execute-api ARN the grant is scoped to.</param>
/// <param name="SourceAccount">The API's account.</param>
/// <param name="Qualifier">Version or alias whose policy to change, if any.</param>
/// <param name="RevisionId">Only change the policy if it is still at this revision.</param>
public sealed record AddPermissionRequest(
    string FunctionName,
    string StatementId,
    string Action,
    string Principal,
    string? SourceArn,
    string? SourceAccount,
    string? Qualifier,
    string? RevisionId);

/// <summary>A function alias.</summary>
public sealed record FunctionAlias(string Name, string AliasArn, string FunctionVersion, string? RevisionId);
