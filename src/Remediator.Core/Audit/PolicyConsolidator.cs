using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Core.Audit;

/// <summary>
/// Judges one function policy against Lambda's 20 KB limit and proposes a consolidation that never widens it.
/// The rule: a statement may be merged only when it is an Allow of <c>lambda:InvokeFunction</c> on exactly this function
/// and qualifier to the service <c>apigateway.amazonaws.com</c> alone, conditioned on <c>ArnLike AWS:SourceArn</c> and at
/// most <c>StringEquals AWS:SourceAccount</c> (nothing else), and every source ARN it names covers the source ARN of at
/// least one target the audit verified on this function and qualifier. Statements with the same source account (or none)
/// become one statement listing the same source ARNs (ArnLike with several values allows when any matches), so the
/// proposal allows exactly the union of what they allowed: no wildcard is ever introduced or widened, because whether a
/// wider pattern covers only methods that integrate this function cannot be verified for methods and stages created later.
/// Statements it does not understand or cannot verify as in use stay as they are; Remediator statements proven stale are
/// left out. Advice only: Remediator never applies it.
/// </summary>
internal static class PolicyConsolidator
{
    private const string MergedSidPrefix = "apigateway-invoke-";
    private const string ArnLike = "ArnLike";
    private const string StringEquals = "StringEquals";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The finding for <paramref name="function"/>'s policy, or null when it is within 80% of the limit.</summary>
    /// <param name="function">The function and qualifier whose policy it is.</param>
    /// <param name="policy">The policy as read.</param>
    /// <param name="inUse">The source ARNs API Gateway presents for the audited targets that invoke exactly this function and qualifier.</param>
    /// <param name="staleStatementIds">Remediator statements of this policy proven stale.</param>
    public static PolicyFinding? Judge(LambdaFunctionArn function, FunctionPolicy policy, IReadOnlyCollection<string> inUse, IReadOnlySet<string> staleStatementIds)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(policy);
        int size = Encoding.UTF8.GetByteCount(policy.PolicyJson);
        if (size <= PolicyLimits.ReportAboveBytes)
        {
            return null;
        }

        if (PolicyParser.Parse(policy.PolicyJson).Value is not { } document)
        {
            return new PolicyFinding(function.UnqualifiedArn, function.Qualifier, size, 0, "the policy cannot be parsed, so Remediator proposes nothing", null);
        }

        string[] raw = RawStatements(policy.PolicyJson);
        var groups = new Dictionary<string, List<(PolicyStatement Statement, IReadOnlyList<string> Arns)>>(StringComparer.Ordinal);
        foreach (PolicyStatement statement in document.Statements)
        {
            if (statement.Sid is { } sid && staleStatementIds.Contains(sid))
            {
                continue;
            }

            if (Mergeable(statement, function) is ({ } arns, var account) && arns.All(arn => inUse.Any(request => ArnMatcher.IsMatch(arn, request))))
            {
                string key = account ?? string.Empty;
                if (!groups.TryGetValue(key, out var group))
                {
                    group = [];
                    groups[key] = group;
                }

                group.Add((statement, arns));
            }
        }

        string[] dropped = [.. document.Statements.Select(s => s.Sid).OfType<string>().Where(staleStatementIds.Contains)];
        var merged = groups.Where(g => g.Value.Count > 1).ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
        if (merged.Count == 0 && dropped.Length == 0)
        {
            return new PolicyFinding(function.UnqualifiedArn, function.Qualifier, size, document.Statements.Count,
                "no two statements grant API Gateway this function from source ARNs all in use by audited targets, so nothing merges without widening or guessing; remove statements nobody uses, or consolidate by hand",
                null);
        }

        var replaced = new Dictionary<int, string>();
        var skipped = new HashSet<int>();
        var statements = new List<string>();
        foreach ((string account, var members) in merged)
        {
            string json = MergedStatement(function, account.Length == 0 ? null : account, [.. members.SelectMany(m => m.Arns).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
            statements.Add(json);
            replaced[members[0].Statement.Index] = json;
            skipped.UnionWith(members.Skip(1).Select(m => m.Statement.Index));
        }

        string proposed = LambdaStatementWriter.WritePolicy(document.Statements
            .Where(s => !skipped.Contains(s.Index) && !(s.Sid is { } sid && staleStatementIds.Contains(sid)))
            .Select(s => replaced.TryGetValue(s.Index, out string? json) ? json : raw[s.Index]));
        if (!AllowsTheSame(document, proposed, function, inUse))
        {
            return new PolicyFinding(function.UnqualifiedArn, function.Qualifier, size, document.Statements.Count,
                "Remediator's proposal would not allow every audited target the current policy allows, so none is made", null);
        }

        int proposedSize = Encoding.UTF8.GetByteCount(proposed);
        string[] mergedIds = [.. merged.Values.SelectMany(m => m).Select(m => m.Statement.Reference)];
        string detail = string.Create(CultureInfo.InvariantCulture,
            $"{mergedIds.Length} statement(s) granting API Gateway this function from source ARNs in use merge into {merged.Count} (ArnLike lists the same ARNs, nothing is widened)")
            + (dropped.Length == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; {dropped.Length} stale Remediator statement(s) are left out"))
            + string.Create(CultureInfo.InvariantCulture, $": {size} → {proposedSize} bytes")
            + (proposedSize > PolicyLimits.ReportAboveBytes ? ", still above 80% of the limit" : string.Empty);
        var proposal = new PolicyConsolidation(mergedIds, dropped, statements, proposed, proposedSize, policy.RevisionId, Command(function, proposed, policy.RevisionId));
        return new PolicyFinding(function.UnqualifiedArn, function.Qualifier, size, document.Statements.Count, detail, proposal);
    }

    // The source ARNs and source account of a statement of the one shape that may merge; (null, null) otherwise.
    private static (IReadOnlyList<string>? Arns, string? Account) Mergeable(PolicyStatement statement, LambdaFunctionArn function)
    {
        bool shape = statement.Effect == PolicyEffect.Allow
            && statement.Principal is { IsNegated: false, IsWildcard: false, Entries: [{ Type: "Service", Value: PolicyConstants.ApiGatewayPrincipal }] }
            && statement.Action is { IsNegated: false, Patterns: [PolicyConstants.InvokeFunctionAction] }
            && statement.Resource is { IsNegated: false, Patterns: [var resource] } && string.Equals(resource, function.Arn, StringComparison.Ordinal);
        if (!shape)
        {
            return (null, null);
        }

        ConditionClause[] arns = [.. statement.Conditions.Where(c => c.Operator == ArnLike && string.Equals(c.Key, PolicyConstants.SourceArnKey, StringComparison.OrdinalIgnoreCase))];
        ConditionClause[] accounts = [.. statement.Conditions.Where(c => c.Operator == StringEquals && string.Equals(c.Key, PolicyConstants.SourceAccountKey, StringComparison.OrdinalIgnoreCase))];
        if (arns is not [{ Values.Count: > 0 } arn] || accounts.Length > 1 || statement.Conditions.Count != 1 + accounts.Length)
        {
            return (null, null);
        }

        if (accounts is [var account] && account.Values is not [_])
        {
            return (null, null);
        }

        return (arn.Values, accounts is [var one] ? one.Values[0] : null);
    }

    private static bool AllowsTheSame(PolicyDocument current, string proposedJson, LambdaFunctionArn function, IReadOnlyCollection<string> inUse)
    {
        PolicyDocument? proposed = PolicyParser.Parse(proposedJson).Value;
        return proposed is not null && inUse.All(request =>
        {
            var call = AuthorizationRequest.ApiGatewayInvoke(function.Arn, request, function.AccountId);
            return PolicyEvaluator.Evaluate(current, call).IsAllowed == PolicyEvaluator.Evaluate(proposed, call).IsAllowed;
        });
    }

    private static string MergedStatement(LambdaFunctionArn function, string? account, IReadOnlyList<string> arns)
    {
        string canonical = string.Join('\n', [function.Arn, account ?? string.Empty, .. arns]);
        string sid = MergedSidPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("Sid", sid);
            writer.WriteString("Effect", "Allow");
            writer.WriteStartObject("Principal");
            writer.WriteString("Service", PolicyConstants.ApiGatewayPrincipal);
            writer.WriteEndObject();
            writer.WriteString("Action", PolicyConstants.InvokeFunctionAction);
            writer.WriteString("Resource", function.Arn);
            writer.WriteStartObject("Condition");
            if (account is not null)
            {
                writer.WriteStartObject(StringEquals);
                writer.WriteString(PolicyConstants.SourceAccountKey, account);
                writer.WriteEndObject();
            }

            writer.WriteStartObject(ArnLike);
            writer.WriteStartArray(PolicyConstants.SourceArnKey);
            foreach (string arn in arns)
            {
                writer.WriteStringValue(arn);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string[] RawStatements(string policyJson)
    {
        using JsonDocument parsed = JsonDocument.Parse(policyJson);
        JsonElement statement = parsed.RootElement.GetProperty("Statement");
        return statement.ValueKind == JsonValueKind.Array
            ? [.. statement.EnumerateArray().Select(s => s.GetRawText())]
            : [statement.GetRawText()];
    }

    // PutResourcePolicy replaces the whole policy, only while it is still at the revision read.
    private static string Command(LambdaFunctionArn function, string policyJson, string revisionId) =>
        "aws lambda put-resource-policy"
        + " --resource-arn " + ShellQuoting.Quote(function.Arn)
        + " --policy " + ShellQuoting.Quote(policyJson)
        + " --revision-id " + ShellQuoting.Quote(revisionId)
        + " --region " + ShellQuoting.Quote(function.Region);
}
