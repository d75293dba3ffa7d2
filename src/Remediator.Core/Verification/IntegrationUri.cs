using System.Text;
using System.Text.RegularExpressions;
using Remediator.Core.Policy;

namespace Remediator.Core.Verification;

/// <summary>
/// Reads the function an integration or authorizer invokes from its URI, substituting
/// <c>${stageVariables.name}</c> from the stage. Accepted forms:
/// <c>arn:{partition}:apigateway:{region}:lambda:path/2015-03-31/functions/{function-arn}/invocations</c>
/// (REST integrations and authorizers, v2 authorizers) and a bare function ARN (HTTP API integrations).
/// </summary>
public static partial class IntegrationUri
{
    private const string FunctionsPath = ":lambda:path/2015-03-31/functions/";
    private const string InvocationsSuffix = "/invocations";

    /// <summary>Resolves <paramref name="uri"/> to a full function ARN, or says why it cannot.</summary>
    public static UriResolution Resolve(string? uri, IReadOnlyDictionary<string, string> stageVariables)
    {
        ArgumentNullException.ThrowIfNull(stageVariables);
        if (string.IsNullOrEmpty(uri))
        {
            return UriResolution.NotLambda("the integration has no URI");
        }

        string? functionPart = FunctionPart(uri);
        if (functionPart is null)
        {
            return UriResolution.NotLambda($"\"{uri}\" is not a Lambda invocation URI");
        }

        var used = new List<string>();
        var substituted = new StringBuilder();
        int position = 0;
        foreach (Match reference in StageVariableReference().Matches(functionPart))
        {
            string name = reference.Groups["name"].Value;
            if (!stageVariables.TryGetValue(name, out string? value) || value.Length == 0)
            {
                return UriResolution.MissingVariable(name, $"stage variable \"{name}\" used by \"{uri}\" is not set on the stage");
            }

            if (!StageVariableValue().IsMatch(value))
            {
                return UriResolution.NotFunction($"stage variable \"{name}\" has a value that cannot be part of a function ARN");
            }

            substituted.Append(functionPart, position, reference.Index - position).Append(value);
            position = reference.Index + reference.Length;
            used.Add(name);
        }

        substituted.Append(functionPart, position, functionPart.Length - position);
        string arn = substituted.ToString();
        if (arn.Contains("${", StringComparison.Ordinal))
        {
            return UriResolution.NotFunction($"\"{uri}\" has a variable reference Remediator cannot resolve");
        }

        Result<LambdaFunctionArn, string> parsed = LambdaFunctionArn.Parse(arn);
        return parsed.IsSuccess
            ? UriResolution.Resolved(parsed.Value, used)
            : UriResolution.NotFunction($"\"{uri}\" resolves to \"{arn}\", which is not a full function ARN");
    }

    // The text between ".../functions/" and "/invocations", or the whole URI when it is a function ARN
    // (possibly still holding stage variable references).
    private static string? FunctionPart(string uri)
    {
        if (uri.StartsWith("arn:", StringComparison.Ordinal) && uri.Contains(":apigateway:", StringComparison.Ordinal))
        {
            int functions = uri.IndexOf(FunctionsPath, StringComparison.Ordinal);
            return functions > 0 && uri.EndsWith(InvocationsSuffix, StringComparison.Ordinal)
                && functions + FunctionsPath.Length < uri.Length - InvocationsSuffix.Length
                ? uri[(functions + FunctionsPath.Length)..^InvocationsSuffix.Length]
                : null;
        }

        return LambdaArnPrefix().IsMatch(uri) ? uri : null;
    }

    [GeneratedRegex(@"\$\{stageVariables\.(?<name>[A-Za-z0-9_]{1,64})\}")]
    private static partial Regex StageVariableReference();

    // API Gateway's stage variable value alphabet, minus what a function ARN can never contain.
    [GeneratedRegex(@"^[A-Za-z0-9_:$-]{1,512}$")]
    private static partial Regex StageVariableValue();

    [GeneratedRegex(@"^arn:[a-z-]+:lambda:")]
    private static partial Regex LambdaArnPrefix();
}
