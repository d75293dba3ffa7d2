using System.Text.RegularExpressions;
using Remediator.Sandbox.Lambda;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Tagging;

/// <summary>
/// Finds the resource a tagging ARN names: REST APIs and their stages
/// (<c>arn:aws:apigateway:{region}::/restapis/{id}[/stages/{name}]</c>), HTTP and WebSocket APIs and their stages
/// (<c>arn:aws:apigateway:{region}::/apis/{id}[/stages/{name}]</c>) and Lambda functions (unqualified ARN).
/// </summary>
internal static partial class TaggedResources
{
    /// <summary>A REST API or stage (API Gateway v1's tagging); null when the ARN names none.</summary>
    public static TaggedResource? RestApi(SandboxEnvironment env, string arn)
    {
        ArgumentNullException.ThrowIfNull(env);
        var match = ApiGatewayArn().Match(arn ?? string.Empty);
        if (!match.Success || match.Groups["region"].Value != env.Region || match.Groups["kind"].Value != "restapis"
            || !env.Data.RestApis.TryGetValue(match.Groups["id"].Value, out var api))
        {
            return null;
        }

        if (!match.Groups["stage"].Success)
        {
            return new TaggedResource(() => api.Api.Tags, tags => api.Api = api.Api with { Tags = tags });
        }

        var name = match.Groups["stage"].Value;
        return api.Stages.ContainsKey(name)
            ? new TaggedResource(() => api.Stages[name].Tags, tags => api.Stages[name] = api.Stages[name] with { Tags = tags })
            : null;
    }

    /// <summary>An HTTP or WebSocket API or stage (API Gateway v2's tagging); null when the ARN names none.</summary>
    public static TaggedResource? V2Api(SandboxEnvironment env, string arn)
    {
        ArgumentNullException.ThrowIfNull(env);
        var match = ApiGatewayArn().Match(arn ?? string.Empty);
        if (!match.Success || match.Groups["region"].Value != env.Region || match.Groups["kind"].Value != "apis"
            || !env.Data.ApisV2.TryGetValue(match.Groups["id"].Value, out var api))
        {
            return null;
        }

        if (!match.Groups["stage"].Success)
        {
            return new TaggedResource(() => api.Api.Tags, tags => api.Api = api.Api with { Tags = tags });
        }

        var name = match.Groups["stage"].Value;
        return api.Stages.ContainsKey(name)
            ? new TaggedResource(() => api.Stages[name].Tags, tags => api.Stages[name] = api.Stages[name] with { Tags = tags })
            : null;
    }

    /// <summary>A function of this account and region by its unqualified ARN; null when there is none.</summary>
    public static TaggedResource? Function(SandboxEnvironment env, string arn)
    {
        ArgumentNullException.ThrowIfNull(env);
        if (arn is null || !arn.StartsWith("arn:", StringComparison.Ordinal) || !FunctionName.TryParse(arn, out var name)
            || name.Qualifier is not null || name.AccountId != env.AccountId || name.Region != env.Region
            || !env.Data.Functions.TryGetValue(name.Name, out var function))
        {
            return null;
        }

        return new TaggedResource(
            () => function.Tags,
            tags =>
            {
                function.Tags.Clear();
                foreach (var (key, value) in tags ?? new Dictionary<string, string>())
                {
                    function.Tags[key] = value;
                }
            });
    }

    /// <summary>Any of the above, for the test hook.</summary>
    public static TaggedResource? Any(SandboxEnvironment env, string arn) =>
        RestApi(env, arn) ?? V2Api(env, arn) ?? Function(env, arn);

    /// <summary>True when the text has the shape of an API Gateway tagging ARN at all.</summary>
    public static bool IsApiGatewayArn(string arn) => ApiGatewayArn().IsMatch(arn ?? string.Empty);

    [GeneratedRegex(@"^arn:aws[a-z-]*:apigateway:(?<region>[a-z]{2}(-[a-z]+)+-\d)::/(?<kind>restapis|apis)/(?<id>[a-zA-Z0-9]+)(/stages/(?<stage>[a-zA-Z0-9_\-$]+))?$")]
    private static partial Regex ApiGatewayArn();
}
