using System.Text.Json;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Lambda;

/// <summary>Lambda resource policies: per-qualifier, RevisionId preconditions, duplicate ids, 404s and the 20 KB limit.</summary>
public sealed class LambdaServicePolicyTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string InvokeSource = "arn:aws:execute-api:us-east-1:000000000000:abc123/*/GET/pets";
    private readonly SignedClient _client = sandbox.Client;

    [Fact]
    public async Task AddPermission_New_Returns201WithLambdaStatementShape()
    {
        await _client.CreateFunctionAsync("perm-new");

        var response = await _client.AddPermissionAsync("perm-new", "apigw-1", InvokeSource);

        Assert.Equal(201, response.Status);
        Assert.Equal(
            """{"Sid":"apigw-1","Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-1:000000000000:function:perm-new","Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:us-east-1:000000000000:abc123/*/GET/pets"}}}""",
            response.Json.GetProperty("Statement").GetString());
    }

    [Fact]
    public async Task AddPermission_DuplicateStatementId_Returns409ResourceConflict()
    {
        await _client.CreateFunctionAsync("perm-dup");
        await _client.AddPermissionAsync("perm-dup", "same", InvokeSource);

        var response = await _client.AddPermissionAsync("perm-dup", "same", InvokeSource);

        AssertError(response, 409, "ResourceConflictException", "The statement id (same) provided already exists. Please provide a new statement id, or remove the existing statement.");
    }

    [Fact]
    public async Task AddPermission_StaleRevisionId_Returns412PreconditionFailed()
    {
        await _client.CreateFunctionAsync("perm-stale");

        var response = await _client.AddPermissionAsync("perm-stale", "s1", InvokeSource, revisionId: "00000000-0000-4000-8000-000000000000");

        AssertError(response, 412, "PreconditionFailedException", "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
    }

    [Fact]
    public async Task AddPermission_CurrentRevisionId_SucceedsAndChangesRevision()
    {
        await _client.CreateFunctionAsync("perm-revision");
        await _client.AddPermissionAsync("perm-revision", "first", InvokeSource);
        var before = (await _client.GetPolicyAsync("perm-revision")).Json.GetProperty("RevisionId").GetString();

        var response = await _client.AddPermissionAsync("perm-revision", "second", InvokeSource, revisionId: before);
        var after = (await _client.GetPolicyAsync("perm-revision")).Json.GetProperty("RevisionId").GetString();

        Assert.Equal(201, response.Status);
        Assert.NotEqual(before, after);
    }

    // Lambda's 412 text points at GetFunction/GetAlias for the revision: a policy's RevisionId is its function's,
    // version's or alias's own, so even a function without any policy has one to condition the first grant on.
    [Fact]
    public async Task AddPermission_NoPolicyYet_IsConditionalOnTheFunctionsAndAliasesOwnRevision()
    {
        var created = await _client.CreateFunctionAsync("perm-first", publish: true);
        var alias = await _client.CreateAliasAsync("perm-first", "live", "1");
        var functionRevision = (await _client.RestAsync("lambda", HttpMethod.Get, "/2015-03-31/functions/perm-first/configuration")).Json.GetProperty("RevisionId").GetString();

        var onFunction = await _client.AddPermissionAsync("perm-first", "first", InvokeSource, revisionId: functionRevision);
        var onAlias = await _client.AddPermissionAsync("perm-first", "first", InvokeSource, qualifier: "live", revisionId: alias.Json.GetProperty("RevisionId").GetString());
        var policy = (await _client.GetPolicyAsync("perm-first")).Json.GetProperty("RevisionId").GetString();
        var configuration = (await _client.RestAsync("lambda", HttpMethod.Get, "/2015-03-31/functions/perm-first/configuration")).Json.GetProperty("RevisionId").GetString();

        Assert.Equal((201, 201), (onFunction.Status, onAlias.Status));
        Assert.Equal(configuration, policy);
        Assert.NotEqual(created.Json.GetProperty("RevisionId").GetString(), policy);
    }

    [Fact]
    public async Task AddPermission_UnknownFunction_Returns404()
    {
        var response = await _client.AddPermissionAsync("perm-missing", "s1", InvokeSource);

        Assert.Equal(404, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorCode);
    }

    [Fact]
    public async Task AddPermission_PolicyOver20KB_Returns400PolicyLengthExceeded()
    {
        await _client.CreateFunctionAsync("perm-large");
        var longArn = "arn:aws:execute-api:us-east-1:000000000000:abc123/*/GET/" + new string('p', 1800);
        WireResponse response;
        var count = 0;
        do
        {
            response = await _client.AddPermissionAsync("perm-large", $"s{count++}", longArn);
        }
        while (response.Status == 201 && count < 40);

        Assert.Equal(400, response.Status);
        Assert.Equal("PolicyLengthExceededException", response.ErrorCode);
        Assert.Matches(@"^The final policy size \(\d+\) is bigger than the limit \(20480\)\.$", response.ErrorMessage);
        Assert.True(count > 5, "several statements should fit before the limit");
    }

    [Fact]
    public async Task GetPolicy_PerQualifier_KeepsPoliciesSeparate()
    {
        await _client.CreateFunctionAsync("perm-qualified", publish: true);
        await _client.CreateAliasAsync("perm-qualified", "live", "1");
        await _client.AddPermissionAsync("perm-qualified", "on-alias", InvokeSource, qualifier: "live");

        var alias = await _client.GetPolicyAsync("perm-qualified", "live");
        var unqualified = await _client.GetPolicyAsync("perm-qualified");
        var byQualifiedArn = await _client.GetPolicyAsync(SandboxApi.FunctionArn("perm-qualified") + ":live");

        Assert.Equal(200, alias.Status);
        var statement = JsonDocument.Parse(alias.Json.GetProperty("Policy").GetString()!).RootElement.GetProperty("Statement")[0];
        Assert.Equal(SandboxApi.FunctionArn("perm-qualified") + ":live", statement.GetProperty("Resource").GetString());
        AssertError(unqualified, 404, "ResourceNotFoundException", "The resource you requested does not exist.");
        Assert.Equal(alias.Body, byQualifiedArn.Body);
    }

    [Fact]
    public async Task GetPolicy_ConflictingQualifiers_Returns400()
    {
        await _client.CreateFunctionAsync("perm-conflict", publish: true);

        var response = await _client.GetPolicyAsync(SandboxApi.FunctionArn("perm-conflict") + ":1", "live");

        Assert.Equal(400, response.Status);
        Assert.Equal("InvalidParameterValueException", response.ErrorCode);
    }

    [Fact]
    public async Task RemovePermission_LastStatement_RemovesPolicy()
    {
        await _client.CreateFunctionAsync("perm-remove");
        await _client.AddPermissionAsync("perm-remove", "only", InvokeSource);

        var response = await _client.RestAsync("lambda", HttpMethod.Delete, "/2015-03-31/functions/perm-remove/policy/only");

        Assert.Equal(204, response.Status);
        Assert.Equal(404, (await _client.GetPolicyAsync("perm-remove")).Status);
    }

    [Fact]
    public async Task RemovePermission_UnknownStatement_Returns404()
    {
        await _client.CreateFunctionAsync("perm-remove-unknown");
        await _client.AddPermissionAsync("perm-remove-unknown", "kept", InvokeSource);

        var response = await _client.RestAsync("lambda", HttpMethod.Delete, "/2015-03-31/functions/perm-remove-unknown/policy/other");

        AssertError(response, 404, "ResourceNotFoundException", "Statement other is not found in resource policy.");
    }

    [Fact]
    public async Task RemovePermission_NoPolicy_Returns404()
    {
        await _client.CreateFunctionAsync("perm-remove-none");

        var response = await _client.RestAsync("lambda", HttpMethod.Delete, "/2015-03-31/functions/perm-remove-none/policy/any");

        AssertError(response, 404, "ResourceNotFoundException", "No policy is associated with the given resource.");
    }

    [Fact]
    public async Task RemovePermission_StaleRevisionId_Returns412()
    {
        await _client.CreateFunctionAsync("perm-remove-stale");
        await _client.AddPermissionAsync("perm-remove-stale", "s1", InvokeSource);

        var response = await _client.RestAsync("lambda", HttpMethod.Delete, "/2015-03-31/functions/perm-remove-stale/policy/s1?RevisionId=stale");

        Assert.Equal(412, response.Status);
        Assert.Equal("PreconditionFailedException", response.ErrorCode);
    }

    private static void AssertError(WireResponse response, int status, string code, string message)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.ErrorCode);
        Assert.Equal(message, response.ErrorMessage);
    }
}
