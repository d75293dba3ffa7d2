using Remediator.Core.Configuration;
using Remediator.Core.Policy;

namespace Remediator.Core.Ownership;

/// <summary>
/// Decides whether the owner of a function wants an API to call it, before any grant (anyone who may edit API
/// Gateway can point an integration, an authorizer or a stage variable at any function of the account). Pure: the
/// tags come from the reads already made (GetRestApi or GetApi for the API, ListTags for the function).
/// <list type="bullet">
/// <item><c>stack</c>: the function and the API carry the same non-empty <see cref="StackIdTag"/>; only
/// CloudFormation can set <c>aws:</c> tags, so both come from one stack.</item>
/// <item><c>tag</c>: the function's <see cref="ManagedTag"/> is <c>true</c> (any API of the function's account;
/// compared ignoring case and surrounding spaces, since the value is a yes, not a name) or a space-separated list of
/// API ids that contains this API's id exactly (ids compare ordinally: <c>A1B2</c> does not name <c>a1b2</c>; a tag
/// naming other APIs proves nothing for this one). Tag keys are case-sensitive, as Lambda keeps them.</item>
/// </list>
/// A function in another account than the API is never proven.
/// </summary>
public static class OwnershipProof
{
    /// <summary>The tag CloudFormation puts on every resource of a stack.</summary>
    public const string StackIdTag = "aws:cloudformation:stack-id";

    /// <summary>The function tag by which its owner names the APIs that may call it (or <c>true</c> for all).</summary>
    public const string ManagedTag = "remediator:managed";

    /// <summary>The <see cref="ManagedTag"/> value that lets every API of the function's account call it.</summary>
    public const string AnyApi = "true";

    /// <summary>Lambda's limit on a tag value: a list that would grow past it cannot be written.</summary>
    public const int MaxTagValueLength = 256;

    // Enough of a foreign tag list to tell the owner what it says, without quoting all of it.
    private const int MaxListedIds = 5;

    /// <summary>Evaluates the <paramref name="accepted"/> proofs for <paramref name="function"/> called by <paramref name="api"/>.</summary>
    /// <param name="accepted">The configured proofs (<c>REMEDIATOR_OWNERSHIP</c>); none proves everything.</param>
    /// <param name="api">The API the grant would name.</param>
    /// <param name="function">The function the grant would change (a qualifier is ignored: tags belong to the function).</param>
    /// <param name="apiTags">The API's tags from GetRestApi/GetApi.</param>
    /// <param name="functionTags">The function's tags from ListTags.</param>
    public static OwnershipResult Evaluate(
        OwnershipProofs accepted,
        ApiTarget api,
        LambdaFunctionArn function,
        IReadOnlyDictionary<string, string> apiTags,
        IReadOnlyDictionary<string, string> functionTags)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(apiTags);
        ArgumentNullException.ThrowIfNull(functionTags);
        string name = function.FunctionName;
        if (accepted == OwnershipProofs.None)
        {
            return OwnershipResult.Proven(OwnershipProofs.None, $"REMEDIATOR_OWNERSHIP is none, so no proof that the owner of function {name} wants API {api.ApiId} to call it is asked for");
        }

        if (function.AccountId != api.AccountId)
        {
            return OwnershipResult.Unproven(
                $"function {name} is in account {function.AccountId} and API {api.ApiId} in account {api.AccountId}: ownership is never proven across accounts",
                "Grant the permission by hand if the function's owner wants this API to call it.",
                []);
        }

        var missing = new List<string>();
        if (accepted.HasFlag(OwnershipProofs.Stack))
        {
            string? functionStack = Value(functionTags, StackIdTag);
            string? apiStack = Value(apiTags, StackIdTag);
            if (functionStack is not null && string.Equals(functionStack, apiStack, StringComparison.Ordinal))
            {
                return OwnershipResult.Proven(OwnershipProofs.Stack, $"function {name} and API {api.ApiId} belong to the same CloudFormation stack ({functionStack})");
            }

            missing.Add((functionStack, apiStack) switch
            {
                (null, null) => $"neither function {name} nor API {api.ApiId} carries an {StackIdTag} tag",
                (null, _) => $"function {name} carries no {StackIdTag} tag",
                (_, null) => $"API {api.ApiId} carries no {StackIdTag} tag",
                _ => $"function {name} and API {api.ApiId} belong to different CloudFormation stacks",
            });
        }

        string[] listed = [];
        if (accepted.HasFlag(OwnershipProofs.Tag))
        {
            string? managed = functionTags.GetValueOrDefault(ManagedTag);
            if (managed is not null && string.Equals(managed.Trim(), AnyApi, StringComparison.OrdinalIgnoreCase))
            {
                return OwnershipResult.Proven(OwnershipProofs.Tag, $"function {name} is tagged {ManagedTag}={AnyApi}: its owner lets every API of account {api.AccountId} call it");
            }

            listed = ApiIds(managed);
            if (listed.Contains(api.ApiId, StringComparer.Ordinal))
            {
                return OwnershipResult.Proven(OwnershipProofs.Tag, $"function {name} is tagged {ManagedTag} naming API {api.ApiId}");
            }

            missing.Add(managed is null ? $"function {name} has no {ManagedTag} tag"
                : listed.Length == 0 ? $"the {ManagedTag} tag of function {name} is empty"
                : $"the {ManagedTag} tag of function {name} names other APIs only ({Listed(listed)})");
        }

        string detail = $"nothing proves that the owner of function {name} wants API {api.ApiId} to call it: {string.Join("; ", missing)}";
        return accepted.HasFlag(OwnershipProofs.Tag) ? WithTagCommand(detail, accepted, api, function, listed) : StackOnly(detail);
    }

    private static OwnershipResult WithTagCommand(string detail, OwnershipProofs accepted, ApiTarget api, LambdaFunctionArn function, string[] listed)
    {
        string stack = accepted.HasFlag(OwnershipProofs.Stack) ? ", or deploy the function and the API in the same CloudFormation stack" : string.Empty;
        string value = string.Join(' ', [.. listed, api.ApiId]);
        if (value.Length > MaxTagValueLength)
        {
            return OwnershipResult.Unproven(
                detail,
                $"The {ManagedTag} tag cannot name one more API ({MaxTagValueLength} characters at most): set it to {AnyApi} to let every API of account {api.AccountId} call the function{stack}.",
                []);
        }

        string command = $"aws lambda tag-resource --resource {ShellQuoting.Quote(function.UnqualifiedArn)} --tags {ShellQuoting.Quote($"{ManagedTag}={value}")} --region {ShellQuoting.Quote(function.Region)}";
        return OwnershipResult.Unproven(
            detail,
            $"If the owner of the function wants API {api.ApiId} to call it, tag the function with {ManagedTag} naming the API (the command below keeps the APIs it names already; {AnyApi} allows every API of the account){stack}.",
            [command]);
    }

    private static OwnershipResult StackOnly(string detail) =>
        OwnershipResult.Unproven(
            detail,
            $"If the owner of the function wants this API to call it, deploy the function and the API in the same CloudFormation stack, or add tag to REMEDIATOR_OWNERSHIP and tag the function with {ManagedTag} naming the API.",
            []);

    private static string? Value(IReadOnlyDictionary<string, string> tags, string key) =>
        tags.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    // Tag values may hold any Unicode space (\p{Z}); every run of them separates two ids.
    private static string[] ApiIds(string? value) =>
        value is null ? [] : value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static string Listed(string[] ids) =>
        ids.Length <= MaxListedIds ? string.Join(", ", ids) : string.Join(", ", ids.Take(MaxListedIds)) + $" and {ids.Length - MaxListedIds} more";
}
