using System.Text.Json.Nodes;

namespace Remediator.Deployment.Tests.Template;

/// <summary>One IAM policy statement found in the template, with where it came from.</summary>
internal sealed record PolicyStatement(string Origin, JsonObject Body)
{
    public string Effect => JsonTree.Text(Body["Effect"]);

    public IReadOnlyList<string> Actions => [.. JsonTree.AsList(Body["Action"]).Select(JsonTree.Text)];

    public IReadOnlyList<JsonNode?> Resources => JsonTree.AsList(Body["Resource"]);

    public JsonObject? Condition => Body["Condition"] as JsonObject;

    /// <summary>
    /// Statements of every identity policy in the template (roles, policies, SAM function policies) for the parameter
    /// values given (the defaults otherwise): a statement under <c>Fn::If</c> is the branch its condition picks, and
    /// <c>AWS::NoValue</c> drops it.
    /// </summary>
    public static IReadOnlyList<PolicyStatement> IdentityStatements(SamTemplate template, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var evaluator = new CfnEvaluator(template, parameters);
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
                foreach (var statement in JsonTree.AsList(document!["Statement"]).Select(s => Chosen(evaluator, s)).Where(s => s is not null))
                {
                    result.Add(new PolicyStatement(resource.LogicalId, statement!.AsObject()));
                }
            }
        }

        return result;
    }

    private static JsonNode? Chosen(CfnEvaluator evaluator, JsonNode? statement)
    {
        if (statement is not JsonObject { Count: 1 } wrapped || wrapped["Fn::If"] is not JsonArray branches)
        {
            return statement;
        }

        JsonNode? chosen = evaluator.IsTrue(JsonTree.Text(branches[0])) ? branches[1] : branches[2];
        return chosen is JsonObject { Count: 1 } reference && reference["Ref"]?.GetValue<string>() == "AWS::NoValue" ? null : Chosen(evaluator, chosen);
    }
}
