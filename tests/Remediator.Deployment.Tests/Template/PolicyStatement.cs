using System.Text.Json.Nodes;

namespace Remediator.Deployment.Tests.Template;

/// <summary>One IAM policy statement found in the template, with where it came from.</summary>
internal sealed record PolicyStatement(string Origin, JsonObject Body)
{
    public string Effect => JsonTree.Text(Body["Effect"]);

    public IReadOnlyList<string> Actions => [.. JsonTree.AsList(Body["Action"]).Select(JsonTree.Text)];

    public IReadOnlyList<JsonNode?> Resources => JsonTree.AsList(Body["Resource"]);

    public JsonObject? Condition => Body["Condition"] as JsonObject;

    /// <summary>Statements of every identity policy in the template (roles, policies, SAM function policies).</summary>
    public static IReadOnlyList<PolicyStatement> IdentityStatements(SamTemplate template)
    {
        var result = new List<PolicyStatement>();
        foreach (var resource in template.AllResources())
        {
            var documents = resource.Type switch
            {
                "AWS::IAM::Role" => JsonTree.AsList(resource.Properties["Policies"]).Select(p => p?["PolicyDocument"]),
                "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy" or "AWS::IAM::RolePolicy" => [resource.Properties["PolicyDocument"]],
                "AWS::Serverless::Function" => JsonTree.AsList(resource.Properties["Policies"]),
                _ => [],
            };

            foreach (var document in documents.Where(d => d is not null))
            {
                foreach (var statement in JsonTree.AsList(document!["Statement"]))
                {
                    result.Add(new PolicyStatement(resource.LogicalId, statement!.AsObject()));
                }
            }
        }

        return result;
    }
}
