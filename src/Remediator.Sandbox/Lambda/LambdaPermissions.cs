using System.Text.RegularExpressions;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Lambda;

/// <summary>AddPermission, GetPolicy and RemovePermission: one policy per qualifier, revision-conditional.</summary>
internal sealed partial class LambdaPermissions(SandboxEnvironment env)
{
    private const AwsProtocol Protocol = AwsProtocol.RestJson;

    private readonly FunctionLocator _functions = new(env);

    public ServiceResult AddPermission(ServiceCall call, SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.AddPermissionRequest, out var input, out var error))
        {
            return LambdaErrors.BadContent(error);
        }

        if (input.StatementId is null || !StatementIdPattern().IsMatch(input.StatementId))
        {
            return LambdaErrors.Validation($"1 validation error detected: Value '{input.StatementId}' at 'statementId' failed to satisfy constraint: Member must satisfy regular expression pattern: ([a-zA-Z0-9-_]+)");
        }

        if (input.Action is null || !ActionPattern().IsMatch(input.Action))
        {
            return LambdaErrors.Validation($"1 validation error detected: Value '{input.Action}' at 'action' failed to satisfy constraint: Member must satisfy regular expression pattern: (lambda:[*]|lambda:[a-zA-Z]+|[*])");
        }

        if (string.IsNullOrWhiteSpace(input.Principal))
        {
            return LambdaErrors.Validation("1 validation error detected: Value null at 'principal' failed to satisfy constraint: Member must not be null");
        }

        var qualifier = request.QueryValue("Qualifier");
        if (_functions.Locate(call["FunctionName"], qualifier) is not { } located)
        {
            return _functions.LocateError(call["FunctionName"], qualifier);
        }

        if (input.RevisionId is not null && input.RevisionId != located.CurrentRevision)
        {
            return LambdaErrors.RevisionMismatch();
        }

        var statements = located.Function.Policies.GetValueOrDefault(located.PolicyKey) ?? [];
        if (statements.Any(s => LambdaPolicyDocument.Sid(s) == input.StatementId))
        {
            return LambdaErrors.Conflict($"The statement id ({input.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.");
        }

        var statement = LambdaPolicyDocument.Statement(input, located.Arn);
        var size = LambdaPolicyDocument.Size(LambdaPolicyDocument.Document([.. statements, statement]));
        if (size > LambdaErrors.PolicySizeLimit)
        {
            return LambdaErrors.PolicyTooLarge(size);
        }

        located.Function.Policies[located.PolicyKey] = [.. statements, statement];
        NewRevision(located);
        return Reply.Json(Protocol, new AddPermissionResponse(statement.GetRawText()), SandboxJson.Context.AddPermissionResponse, 201);
    }

    public ServiceResult GetPolicy(ServiceCall call, SandboxRequest request)
    {
        var qualifier = request.QueryValue("Qualifier");
        if (_functions.Locate(call["FunctionName"], qualifier) is not { } located)
        {
            return _functions.LocateError(call["FunctionName"], qualifier);
        }

        var statements = located.Function.Policies.GetValueOrDefault(located.PolicyKey);
        return statements is { Count: > 0 }
            ? Reply.Json(Protocol, new GetPolicyResponse(LambdaPolicyDocument.Document(statements), located.CurrentRevision), SandboxJson.Context.GetPolicyResponse)
            : LambdaErrors.NotFound("The resource you requested does not exist.");
    }

    public ServiceResult RemovePermission(ServiceCall call, SandboxRequest request)
    {
        var qualifier = request.QueryValue("Qualifier");
        if (_functions.Locate(call["FunctionName"], qualifier) is not { } located)
        {
            return _functions.LocateError(call["FunctionName"], qualifier);
        }

        var revision = request.QueryValue("RevisionId");
        if (revision is not null && revision != located.CurrentRevision)
        {
            return LambdaErrors.RevisionMismatch();
        }

        var statements = located.Function.Policies.GetValueOrDefault(located.PolicyKey);
        if (statements is not { Count: > 0 })
        {
            return LambdaErrors.NotFound("No policy is associated with the given resource.");
        }

        var sid = call["StatementId"];
        var remaining = statements.Where(s => LambdaPolicyDocument.Sid(s) != sid).ToList();
        if (remaining.Count == statements.Count)
        {
            return LambdaErrors.NotFound($"Statement {sid} is not found in resource policy.");
        }

        if (remaining.Count == 0)
        {
            located.Function.Policies.Remove(located.PolicyKey);
        }
        else
        {
            located.Function.Policies[located.PolicyKey] = remaining;
        }

        NewRevision(located);
        return SandboxResponse.Empty(204);
    }

    /// <summary>Gives the addressed function, version or alias a new revision id (every policy change does).</summary>
    private string NewRevision(LocatedFunction located)
    {
        var function = located.Function;
        var revision = env.Ids.Guid();
        switch (located.Qualifier)
        {
            case null or "$LATEST":
                function.Configuration = function.Configuration with { RevisionId = revision };
                break;
            case var version when function.Versions.TryGetValue(version, out var published):
                function.Versions[version] = published with { RevisionId = revision };
                break;
            case var alias:
                function.Aliases[alias] = function.Aliases[alias] with { RevisionId = revision };
                break;
        }

        return revision;
    }

    [GeneratedRegex(@"^[a-zA-Z0-9\-_]{1,100}$")]
    private static partial Regex StatementIdPattern();

    [GeneratedRegex(@"^(lambda:[*]|lambda:[a-zA-Z]+|[*])$")]
    private static partial Regex ActionPattern();
}
