namespace Remediator.Core.Policy;

/// <summary>The fixed values of the permission Remediator grants and of the policies it reads.</summary>
public static class PolicyConstants
{
    /// <summary>The only principal Remediator ever grants to.</summary>
    public const string ApiGatewayPrincipal = "apigateway.amazonaws.com";

    /// <summary>The only action Remediator ever grants.</summary>
    public const string InvokeFunctionAction = "lambda:InvokeFunction";

    /// <summary>Condition key carrying the invoking API's execute-api ARN (spelled as Lambda stores it).</summary>
    public const string SourceArnKey = "AWS:SourceArn";

    /// <summary>Condition key carrying the invoking API's account (spelled as Lambda stores it).</summary>
    public const string SourceAccountKey = "AWS:SourceAccount";

    /// <summary>The policy language version Lambda writes.</summary>
    public const string PolicyVersion = "2012-10-17";

    /// <summary>The older policy language version IAM still accepts.</summary>
    public const string LegacyPolicyVersion = "2008-10-17";

    /// <summary>Every statement id Remediator creates starts with this, so its own statements are recognisable.</summary>
    public const string StatementIdPrefix = "remediator-";

    /// <summary>Lambda's limit on a statement id (AddPermission `StatementId`, 1..100 of `[a-zA-Z0-9-_]`).</summary>
    public const int MaxStatementIdLength = 100;

    /// <summary>
    /// Lambda caps a function policy at 20 KB; anything far larger is not a Lambda policy, so the parser
    /// refuses it instead of spending time on it.
    /// </summary>
    public const int MaxPolicyJsonLength = 64 * 1024;
}
