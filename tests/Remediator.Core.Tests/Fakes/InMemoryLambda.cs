using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Core.Tests.Fakes;

/// <summary>
/// Lambda as far as Remediator sees it: functions with versions, aliases, tags and one resource policy
/// per qualifier, with Lambda's write rules (RevisionId 412, duplicate statement id 409, 20 KB limit).
/// </summary>
public sealed class InMemoryLambda : ILambdaClient
{
    public const int MaxPolicyBytes = 20 * 1024;

    private readonly Lock gate = new();
    private readonly Dictionary<string, FunctionState> functions = new(StringComparer.Ordinal);
    private readonly List<string> calls = [];
    private int revision;

    /// <summary>Runs before each AddPermission is applied (to simulate a concurrent writer); may throw.</summary>
    public Action<AddPermissionRequest>? BeforeAddPermission { get; set; }

    /// <summary>Runs after each AddPermission is applied, before its answer (to simulate a lost answer); may throw.</summary>
    public Action<AddPermissionRequest>? AfterAddPermission { get; set; }

    /// <summary>Runs before each RemovePermission is applied (to simulate a concurrent writer); may throw.</summary>
    public Action<string>? BeforeRemovePermission { get; set; }

    /// <summary>Thrown by ListTags when set (e.g. AccessDenied).</summary>
    public Exception? ListTagsFailure { get; set; }

    /// <summary>Thrown by GetFunctionConcurrency when set (e.g. AccessDenied).</summary>
    public Exception? ConcurrencyFailure { get; set; }

    /// <summary>Every call, by operation name, in order.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (gate)
            {
                return calls.ToArray();
            }
        }
    }

    public int Count(string operation) => Calls.Count(call => call == operation);

    public InMemoryLambda AddFunction(string functionArn, params string[] versions)
    {
        lock (gate)
        {
            var state = new FunctionState(functionArn);
            state.Versions.UnionWith(versions);

            // Its owner has opted in (docs/ARCHITECTURE.md, "Safety rules" 15); ownership tests take the tag away with Untag.
            state.Tags[ManagedTag] = "true";
            functions[functionArn] = state;
        }

        return this;
    }

    public InMemoryLambda AddAlias(string functionArn, string alias, string version)
    {
        lock (gate)
        {
            functions[functionArn].Aliases[alias] = version;
        }

        return this;
    }

    public InMemoryLambda Tag(string functionArn, string key, string value)
    {
        lock (gate)
        {
            functions[functionArn].Tags[key] = value;
        }

        return this;
    }

    /// <summary>The ownership tag every function starts with (<c>remediator:managed=true</c>).</summary>
    public const string ManagedTag = "remediator:managed";

    /// <summary>Reserves concurrency for a function, as PutFunctionConcurrency does (0 throttles every call).</summary>
    public InMemoryLambda ReserveConcurrency(string functionArn, int reserved)
    {
        lock (gate)
        {
            functions[functionArn].ReservedConcurrency = reserved;
        }

        return this;
    }

    public InMemoryLambda Untag(string functionArn, string key)
    {
        lock (gate)
        {
            functions[functionArn].Tags.Remove(key);
        }

        return this;
    }

    /// <summary>Adds a statement as someone else would (any id, any content).</summary>
    public InMemoryLambda AddStatement(string functionArn, string? qualifier, string statementJson)
    {
        lock (gate)
        {
            Policy(functionArn, qualifier).Statements.Add(statementJson);
            Policy(functionArn, qualifier).RevisionId = NextRevision();
        }

        return this;
    }

    /// <summary>The statements of a policy, as stored.</summary>
    public IReadOnlyList<string> Statements(string functionArn, string? qualifier = null)
    {
        lock (gate)
        {
            return Policy(functionArn, qualifier).Statements.ToArray();
        }
    }

    public Task<FunctionPolicy?> GetPolicyAsync(string functionName, string? qualifier, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            calls.Add("GetPolicy");
            RequireQualified(functionName, qualifier, "GetPolicy");
            PolicyState policy = Policy(functionName, qualifier);
            return Task.FromResult(policy.Statements.Count == 0
                ? null
                : new FunctionPolicy(LambdaStatementWriter.WritePolicy(policy.Statements), policy.RevisionId));
        }
    }

    public Task<string> AddPermissionAsync(AddPermissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        BeforeAddPermission?.Invoke(request);
        Task<string> applied = Apply(request);
        AfterAddPermission?.Invoke(request);
        return applied;
    }

    private Task<string> Apply(AddPermissionRequest request)
    {
        lock (gate)
        {
            calls.Add("AddPermission");
            RequireQualified(request.FunctionName, request.Qualifier, "AddPermission");
            PolicyState policy = Policy(request.FunctionName, request.Qualifier);
            if (request.RevisionId is not null && request.RevisionId != policy.RevisionId)
            {
                throw Error("AddPermission", AwsErrorCodes.PreconditionFailed, 412, "The Revision Id provided does not match the latest Revision Id.");
            }

            string resource = request.Qualifier is null ? request.FunctionName : $"{request.FunctionName}:{request.Qualifier}";
            if (policy.Statements.Any(s => s.Contains($"\"Sid\":\"{request.StatementId}\"", StringComparison.Ordinal)))
            {
                throw Error("AddPermission", AwsErrorCodes.ResourceConflict, 409, $"The statement id ({request.StatementId}) provided already exists.");
            }

            string statement = LambdaStatementWriter.WriteStatement(
                request.StatementId, request.Principal, request.Action, resource, request.SourceArn, request.SourceAccount);
            if (LambdaStatementWriter.WritePolicy([.. policy.Statements, statement]).Length > MaxPolicyBytes)
            {
                throw Error("AddPermission", AwsErrorCodes.PolicyLengthExceeded, 400, "The final policy size (20598) is bigger than the limit (20480).");
            }

            policy.Statements.Add(statement);
            policy.RevisionId = NextRevision();
            return Task.FromResult(statement);
        }
    }

    public Task RemovePermissionAsync(string functionName, string statementId, string? qualifier, string? revisionId, CancellationToken cancellationToken)
    {
        BeforeRemovePermission?.Invoke(statementId);
        lock (gate)
        {
            calls.Add("RemovePermission");
            RequireQualified(functionName, qualifier, "RemovePermission");
            PolicyState policy = Policy(functionName, qualifier);
            if (revisionId is not null && revisionId != policy.RevisionId)
            {
                throw Error("RemovePermission", AwsErrorCodes.PreconditionFailed, 412, "The Revision Id provided does not match the latest Revision Id.");
            }

            if (policy.Statements.RemoveAll(s => s.Contains($"\"Sid\":\"{statementId}\"", StringComparison.Ordinal)) == 0)
            {
                throw Error("RemovePermission", AwsErrorCodes.ResourceNotFound, 404, $"Statement {statementId} is not found in resource policy.");
            }

            policy.RevisionId = NextRevision();
            return Task.CompletedTask;
        }
    }

    public Task<FunctionAlias?> GetAliasAsync(string functionName, string aliasName, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            calls.Add("GetAlias");
            return Task.FromResult(functions.TryGetValue(functionName, out FunctionState? function) && function.Aliases.TryGetValue(aliasName, out string? version)
                ? new FunctionAlias(aliasName, $"{functionName}:{aliasName}", version, "r1")
                : null);
        }
    }

    public Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string functionArn, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            calls.Add("ListTags");
            if (ListTagsFailure is { } failure)
            {
                throw failure;
            }

            RequireQualified(functionArn, null, "ListTags");
            return Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(functions[functionArn].Tags));
        }
    }

    public Task<int?> GetReservedConcurrencyAsync(string functionName, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            calls.Add("GetFunctionConcurrency");
            if (ConcurrencyFailure is { } failure)
            {
                throw failure;
            }

            RequireQualified(functionName, null, "GetFunctionConcurrency");
            return Task.FromResult(functions[functionName].ReservedConcurrency);
        }
    }

    public static AwsServiceException Error(string operation, string code, int status, string message) =>
        new("lambda", operation, code, status, message, "req-1");

    private void RequireQualified(string functionArn, string? qualifier, string operation)
    {
        if (!functions.TryGetValue(functionArn, out FunctionState? function)
            || (qualifier is not null && !function.Versions.Contains(qualifier) && !function.Aliases.ContainsKey(qualifier)))
        {
            throw Error(operation, AwsErrorCodes.ResourceNotFound, 404, $"Function not found: {functionArn}{(qualifier is null ? string.Empty : ":" + qualifier)}");
        }
    }

    private PolicyState Policy(string functionArn, string? qualifier)
    {
        FunctionState function = functions[functionArn];
        string key = qualifier ?? string.Empty;
        if (!function.Policies.TryGetValue(key, out PolicyState? policy))
        {
            policy = new PolicyState { RevisionId = NextRevision() };
            function.Policies[key] = policy;
        }

        return policy;
    }

    private string NextRevision() => $"rev-{++revision}";

    private sealed class FunctionState(string arn)
    {
        public string Arn { get; } = arn;

        public HashSet<string> Versions { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Aliases { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

        public int? ReservedConcurrency { get; set; }

        public Dictionary<string, PolicyState> Policies { get; } = new(StringComparer.Ordinal);
    }

    private sealed class PolicyState
    {
        public List<string> Statements { get; } = [];

        public required string RevisionId { get; set; }
    }
}
