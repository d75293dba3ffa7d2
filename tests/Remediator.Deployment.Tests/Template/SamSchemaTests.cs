using System.Text.Json.Nodes;
using Remediator.Deployment.Tests.Support;

namespace Remediator.Deployment.Tests.Template;

/// <summary>
/// The Serverless::Function resource uses only property names the SAM resource schema knows. The schema is
/// read at test time from ../shared/reference/sam-schema (beside the clone in CI); without it the test checks
/// against the function property names of that schema as of this commit.
/// </summary>
public class SamSchemaTests
{
    private const string ResourceDefinition = "samtranslator__internal__schema_source__aws_serverless_function__Resource";

    // Serverless::Function property names in sam.schema.json when this template was written.
    private static readonly string[] KnownFunctionProperties =
    [
        "Architectures", "AssumeRolePolicyDocument", "AutoPublishAlias", "AutoPublishAliasAllProperties", "AutoPublishCodeSha256",
        "CapacityProviderConfig", "CodeSigningConfigArn", "CodeUri", "DeadLetterQueue", "DeploymentPreference", "Description",
        "DurableConfig", "Environment", "EphemeralStorage", "EventInvokeConfig", "Events", "FileSystemConfigs", "FunctionName",
        "FunctionScalingConfig", "FunctionUrlConfig", "Handler", "ImageConfig", "ImageUri", "InlineCode", "KmsKeyArn", "Layers",
        "LoggingConfig", "MemorySize", "PackageType", "PermissionsBoundary", "Policies", "PropagateTags",
        "ProvisionedConcurrencyConfig", "PublishToLatestPublished", "RecursiveLoop", "ReservedConcurrentExecutions", "Role",
        "RolePath", "Runtime", "RuntimeManagementConfig", "SnapStart", "SourceKMSKeyArn", "Tags", "TenancyConfig", "Timeout",
        "Tracing", "VersionDeletionPolicy", "VersionDescription", "VpcConfig",
    ];

    private static readonly string[] KnownResourceKeys =
        ["Condition", "Connectors", "DeletionPolicy", "DependsOn", "IgnoreGlobals", "Metadata", "Properties", "Type", "UpdateReplacePolicy"];

    [Fact]
    public void Function_UsesOnlyPropertyNamesTheSamSchemaDefines()
    {
        var function = SamTemplate.Default.SingleOfType("AWS::Serverless::Function");
        var problems = new List<string>();

        if (RepositoryRoot.SharedReference("sam-schema", "sam.schema.json") is { } schemaPath)
        {
            var definitions = JsonNode.Parse(File.ReadAllText(schemaPath))!["definitions"]!.AsObject();
            Validate(function.Body, definitions[ResourceDefinition]!.AsObject(), definitions, function.LogicalId, problems);
        }
        else
        {
            problems.AddRange(function.Body.Select(p => p.Key).Except(KnownResourceKeys).Select(k => $"{function.LogicalId}.{k}"));
            problems.AddRange(function.Properties.Select(p => p.Key).Except(KnownFunctionProperties).Select(k => $"{function.LogicalId}.Properties.{k}"));
        }

        Assert.True(problems.Count == 0, "unknown to the SAM schema: " + string.Join(", ", problems));
    }

    [Fact]
    public void Validate_UnknownNestedProperty_IsReported()
    {
        // Guards the validator itself: a misspelt property two levels down must not pass.
        var definitions = new JsonObject
        {
            ["Outer"] = new JsonObject
            {
                ["additionalProperties"] = false,
                ["properties"] = new JsonObject { ["Inner"] = new JsonObject { ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/definitions/Inner" }) } },
            },
            ["Inner"] = new JsonObject { ["additionalProperties"] = false, ["properties"] = new JsonObject { ["Known"] = new JsonObject() } },
        };
        var node = JsonNode.Parse("""{"Inner":{"Known":1,"Misspelt":2}}""")!.AsObject();
        var problems = new List<string>();

        Validate(node, definitions["Outer"]!.AsObject(), definitions, "X", problems);

        Assert.Equal(["X.Inner.Misspelt"], problems);
    }

    private static void Validate(JsonObject node, JsonObject schema, JsonObject definitions, string path, List<string> problems)
    {
        if (JsonTree.FunctionName(node) is not null)
        {
            return;
        }

        var resolved = Resolve(schema, definitions);
        if (resolved?["properties"] is not JsonObject properties)
        {
            return;
        }

        foreach (var (key, value) in node)
        {
            if (!properties.ContainsKey(key))
            {
                if (resolved["additionalProperties"] is JsonValue additional && !additional.GetValue<bool>())
                {
                    problems.Add($"{path}.{key}");
                }

                continue;
            }

            if (value is JsonObject child && properties[key] is JsonObject childSchema)
            {
                Validate(child, childSchema, definitions, $"{path}.{key}", problems);
            }
        }
    }

    // Follows $ref and single-element allOf until the node that carries "properties" (pass-through props have none).
    private static JsonObject? Resolve(JsonObject schema, JsonObject definitions)
    {
        for (var depth = 0; depth < 10; depth++)
        {
            if (schema["$ref"] is JsonValue reference)
            {
                schema = definitions[reference.GetValue<string>().Replace("#/definitions/", string.Empty, StringComparison.Ordinal)]!.AsObject();
            }
            else if (schema["allOf"] is JsonArray { Count: 1 } allOf)
            {
                schema = allOf[0]!.AsObject();
            }
            else
            {
                return schema;
            }
        }

        return null;
    }
}
