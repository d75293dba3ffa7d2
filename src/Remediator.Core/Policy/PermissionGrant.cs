using System.Text.RegularExpressions;

namespace Remediator.Core.Policy;

/// <summary>
/// The permission Remediator adds: API Gateway may invoke one function (or one alias/version of it)
/// from one API's source ARN in the same account, under a statement id derived from those values.
/// Only <see cref="Create"/> makes one, so every instance has passed the safety rules.
/// </summary>
public sealed partial class PermissionGrant
{
    private PermissionGrant(LambdaFunctionArn function, string principal, string action, string sourceArn, string sourceAccount)
    {
        Function = function;
        Principal = principal;
        Action = action;
        SourceArn = sourceArn;
        SourceAccount = sourceAccount;
        StatementId = StatementIdFactory.Create(function, principal, action, sourceArn, sourceAccount);
    }

    /// <summary>The function as invoked, including the qualifier the permission is scoped to.</summary>
    public LambdaFunctionArn Function { get; }

    /// <summary>The unqualified function ARN (AddPermission's <c>FunctionName</c>).</summary>
    public string FunctionArn => Function.UnqualifiedArn;

    /// <summary>Alias or version (AddPermission's <c>Qualifier</c>), or <c>null</c> for the function itself.</summary>
    public string? Qualifier => Function.Qualifier;

    public string Principal { get; }

    public string Action { get; }

    public string SourceArn { get; }

    public string SourceAccount { get; }

    public string StatementId { get; }

    /// <summary>The statement exactly as Lambda stores it for this grant.</summary>
    public string ToStatementJson() => GrantRendering.StatementJson(this);

    /// <summary>The AWS CLI command that makes this grant, for people to review or run by hand.</summary>
    public string ToAddPermissionCommand() => GrantRendering.AddPermissionCommand(this);

    /// <summary>The AWS CLI command that removes exactly this grant (and nothing else).</summary>
    public string ToRemovePermissionCommand() => GrantRendering.RemovePermissionCommand(this);

    /// <summary>This grant as a CloudFormation/SAM <c>AWS::Lambda::Permission</c> resource; <paramref name="applied"/> when Remediator added it.</summary>
    public string ToCloudFormation(bool applied) => GrantAsCode.CloudFormation(this, applied);

    /// <summary>This grant as a Terraform <c>aws_lambda_permission</c> block; <paramref name="applied"/> when Remediator added it.</summary>
    public string ToTerraform(bool applied) => GrantAsCode.Terraform(this, applied);

    /// <summary>
    /// Checks every safety rule and builds the grant, or returns all the rules it breaks. The function must
    /// be a full ARN (its account is compared with the API's).
    /// </summary>
    public static Result<PermissionGrant, IReadOnlyList<GrantRefusal>> Create(
        LambdaFunctionArn function,
        string sourceArn,
        string sourceAccount,
        string principal = PolicyConstants.ApiGatewayPrincipal,
        string action = PolicyConstants.InvokeFunctionAction)
    {
        ArgumentNullException.ThrowIfNull(function);
        var refusals = new List<GrantRefusal>();
        if (!string.Equals(principal, PolicyConstants.ApiGatewayPrincipal, StringComparison.Ordinal))
        {
            refusals.Add(new(GrantRefusalReason.PrincipalNotApiGateway, $"principal \"{principal}\" is not {PolicyConstants.ApiGatewayPrincipal}"));
        }

        if (!string.Equals(action, PolicyConstants.InvokeFunctionAction, StringComparison.Ordinal))
        {
            refusals.Add(new(GrantRefusalReason.ActionNotInvokeFunction, $"action \"{action}\" is not {PolicyConstants.InvokeFunctionAction}"));
        }

        if (string.Equals(function.Qualifier, "$LATEST", StringComparison.Ordinal))
        {
            refusals.Add(new(GrantRefusalReason.QualifierNotPermitted, "Lambda does not accept permissions on $LATEST"));
        }

        if (sourceAccount is null || !ApiTarget.AccountPattern().IsMatch(sourceAccount))
        {
            refusals.Add(new(GrantRefusalReason.AccountMismatch, $"source account \"{sourceAccount}\" is not a 12-digit account id"));
        }
        else if (function.AccountId != sourceAccount)
        {
            refusals.Add(new(GrantRefusalReason.CrossAccountFunction, $"function account {function.AccountId} is not the API's account {sourceAccount}"));
        }

        refusals.AddRange(CheckSourceArn(sourceArn, sourceAccount, function));
        return refusals.Count > 0
            ? Result<PermissionGrant, IReadOnlyList<GrantRefusal>>.Failure(refusals)
            : Result<PermissionGrant, IReadOnlyList<GrantRefusal>>.Success(new PermissionGrant(function, principal, action, sourceArn, sourceAccount!));
    }

    private static IEnumerable<GrantRefusal> CheckSourceArn(string sourceArn, string? sourceAccount, LambdaFunctionArn function)
    {
        var match = sourceArn is null || sourceArn.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            ? null
            : SourceArnPattern().Match(sourceArn);
        if (match is not { Success: true })
        {
            yield return new(GrantRefusalReason.SourceArnInvalid, $"source ARN \"{sourceArn}\" is not an execute-api ARN of the form arn:partition:execute-api:region:account:apiId/...");
            yield break;
        }

        var (partition, region, account, apiId) =
            (match.Groups["partition"].Value, match.Groups["region"].Value, match.Groups["account"].Value, match.Groups["api"].Value);
        if (WildcardMatcher.HasWildcard(partition) || WildcardMatcher.HasWildcard(region)
            || WildcardMatcher.HasWildcard(account) || WildcardMatcher.HasWildcard(apiId))
        {
            yield return new(GrantRefusalReason.SourceArnWildcard, $"source ARN \"{sourceArn}\" does not name one API in one account and region");
            yield break;
        }

        if (!ApiTarget.ApiIdPattern().IsMatch(apiId) || !ApiTarget.RegionPattern().IsMatch(region)
            || partition != AwsPartition.FromRegion(region))
        {
            yield return new(GrantRefusalReason.SourceArnInvalid, $"source ARN \"{sourceArn}\" has an invalid partition, region or API id");
        }

        if (account != sourceAccount)
        {
            yield return new(GrantRefusalReason.AccountMismatch, $"source ARN account {account} is not the source account {sourceAccount}");
        }

        if (partition != function.Partition)
        {
            yield return new(GrantRefusalReason.PartitionMismatch, $"source ARN partition {partition} is not the function's {function.Partition}");
        }
    }

    // The API id must be followed by "/" and a scope (stage/method/path, route or authorizers/id).
    [GeneratedRegex("^arn:(?<partition>[^:]+):execute-api:(?<region>[^:]+):(?<account>[^:]+):(?<api>[^/:]+)/[^/].*$")]
    private static partial Regex SourceArnPattern();
}
