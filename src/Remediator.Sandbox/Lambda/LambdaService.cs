using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Lambda;

/// <summary>Lambda control plane (rest-json, <c>2015-03-31</c>): functions, versions, aliases, tags, reserved concurrency and resource policies.</summary>
internal sealed partial class LambdaService(SandboxEnvironment env) : IAwsService
{
    private const string Functions = "/2015-03-31/functions";

    private static readonly RestRouter Router = new RestRouter("lambda")
        .Add("POST", Functions, "CreateFunction")
        .Add("GET", Functions, "ListFunctions")
        .Add("GET", Functions + "/{FunctionName}", "GetFunction")
        .Add("GET", Functions + "/{FunctionName}/configuration", "GetFunctionConfiguration")
        .Add("POST", Functions + "/{FunctionName}/aliases", "CreateAlias")
        .Add("GET", Functions + "/{FunctionName}/aliases/{Name}", "GetAlias")
        .Add("POST", Functions + "/{FunctionName}/versions", "PublishVersion")
        .Add("POST", Functions + "/{FunctionName}/policy", "AddPermission")
        .Add("GET", Functions + "/{FunctionName}/policy", "GetPolicy")
        .Add("DELETE", Functions + "/{FunctionName}/policy/{StatementId}", "RemovePermission")
        .Add("PUT", "/2017-10-31/functions/{FunctionName}/concurrency", "PutFunctionConcurrency")
        .Add("GET", "/2019-09-30/functions/{FunctionName}/concurrency", "GetFunctionConcurrency")
        .Add("DELETE", "/2017-10-31/functions/{FunctionName}/concurrency", "DeleteFunctionConcurrency")
        .Add("POST", "/2017-03-31/tags/{Resource}", "TagResource")
        .Add("GET", "/2017-03-31/tags/{Resource}", "ListTags");

    private readonly FunctionLocator _functions = new(env);
    private readonly LambdaPermissions _permissions = new(env);
    private readonly LambdaVersions _versions = new(env);

    public string SigningName => "lambda";

    public string Name => "lambda";

    public AwsProtocol Protocol => AwsProtocol.RestJson;

    public string? XmlNamespace => null;

    private SandboxData Data => env.Data;

    public ServiceCall? Resolve(SandboxRequest request) => Router.Match(request.Method, request.Segments);

    public ServiceResult Execute(ServiceCall call, SandboxRequest request) => call.Operation switch
    {
        "CreateFunction" => CreateFunction(request),
        "ListFunctions" => Reply.Json(Protocol, new ListFunctionsResponse([.. Data.Functions.Values.Select(f => f.Configuration)]), SandboxJson.Context.ListFunctionsResponse),
        "GetFunction" => GetFunction(call, request),
        "GetFunctionConfiguration" => GetFunctionConfiguration(call, request),
        "CreateAlias" => CreateAlias(call, request),
        "GetAlias" => GetAlias(call),
        "PublishVersion" => _versions.PublishVersion(call, request),
        "AddPermission" => _permissions.AddPermission(call, request),
        "GetPolicy" => _permissions.GetPolicy(call, request),
        "RemovePermission" => _permissions.RemovePermission(call, request),
        "PutFunctionConcurrency" => PutFunctionConcurrency(call, request),
        "GetFunctionConcurrency" => GetFunctionConcurrency(call),
        "DeleteFunctionConcurrency" => DeleteFunctionConcurrency(call),
        "TagResource" => TagResource(call, request),
        "ListTags" => ListTags(call),
        _ => LambdaErrors.UnknownOperation(),
    };

    private ServiceResult CreateFunction(SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.CreateFunctionRequest, out var input, out var error))
        {
            return LambdaErrors.BadContent(error);
        }

        if (!FunctionName.TryParse(input.FunctionName, out var name) || name.Qualifier is not null)
        {
            return LambdaErrors.Validation($"1 validation error detected: Value '{input.FunctionName}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern");
        }

        if (Data.Functions.ContainsKey(name.Name))
        {
            return LambdaErrors.Conflict($"Function already exist: {name.Name}");
        }

        if (input.Role is null || !RolePattern().IsMatch(input.Role))
        {
            return LambdaErrors.InvalidParameter("The role defined for the function cannot be assumed by Lambda.");
        }

        var packageType = input.PackageType ?? "Zip";
        if (packageType == "Zip" && (string.IsNullOrEmpty(input.Runtime) || string.IsNullOrEmpty(input.Handler)))
        {
            return LambdaErrors.InvalidParameter("Runtime and Handler are mandatory parameters for functions created with deployment packages.");
        }

        if (!TryReadCode(input.Code, out var code))
        {
            return LambdaErrors.InvalidParameter("Could not unzip uploaded file. Please check your file, then try to upload again.");
        }

        if (input.Timeout is < 1 or > 900 || input.MemorySize is < 128 or > 10240)
        {
            return LambdaErrors.InvalidParameter("Timeout must be 1-900 seconds and MemorySize 128-10240 MB.");
        }

        if (LambdaErrors.InvalidTags(input.Tags) is { } invalidTags)
        {
            return invalidTags;
        }

        var arn = FunctionName.Arn(env.Region, env.AccountId, name.Name);
        var configuration = new FunctionConfiguration
        {
            FunctionName = name.Name,
            FunctionArn = arn,
            Runtime = input.Runtime,
            Role = input.Role,
            Handler = input.Handler,
            CodeSize = code.Length,
            CodeSha256 = Convert.ToBase64String(SHA256.HashData(code)),
            Description = input.Description ?? string.Empty,
            Timeout = input.Timeout ?? 3,
            MemorySize = input.MemorySize ?? 128,
            LastModified = LastModified(),
            Environment = input.Environment,
            PackageType = packageType,
            Architectures = input.Architectures ?? ["x86_64"],
            RevisionId = env.Ids.Guid(),
        };
        var record = new FunctionRecord { Configuration = configuration };
        foreach (var (key, value) in input.Tags ?? [])
        {
            record.Tags[key] = value;
        }

        Data.Functions[name.Name] = record;
        if (input.Publish == true)
        {
            configuration = LambdaVersions.Publish(env, record, null);
        }

        return Reply.Json(Protocol, configuration, SandboxJson.Context.FunctionConfiguration, 201);
    }

    private ServiceResult GetFunction(ServiceCall call, SandboxRequest request)
    {
        if (_functions.Locate(call["FunctionName"], request.QueryValue("Qualifier")) is not { } located)
        {
            return _functions.LocateError(call["FunctionName"], request.QueryValue("Qualifier"));
        }

        var location = new FunctionCodeLocation(
            "S3",
            $"https://awslambda-{env.Region}-tasks.s3.{env.Region}.amazonaws.com/snapshots/{env.AccountId}/{located.Function.Configuration.FunctionName}-{located.Function.Configuration.RevisionId}");
        var tags = located.Function.Tags.Count == 0 ? null : new Dictionary<string, string>(located.Function.Tags);
        return Reply.Json(Protocol, new GetFunctionResponse(located.Configuration, location, tags), SandboxJson.Context.GetFunctionResponse);
    }

    private ServiceResult GetFunctionConfiguration(ServiceCall call, SandboxRequest request) =>
        _functions.Locate(call["FunctionName"], request.QueryValue("Qualifier")) is { } located
            ? Reply.Json(Protocol, located.Configuration, SandboxJson.Context.FunctionConfiguration)
            : _functions.LocateError(call["FunctionName"], request.QueryValue("Qualifier"));

    private ServiceResult CreateAlias(ServiceCall call, SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.CreateAliasRequest, out var input, out var error))
        {
            return LambdaErrors.BadContent(error);
        }

        if (_functions.Locate(call["FunctionName"], null) is not { Qualifier: null } located)
        {
            return _functions.LocateError(call["FunctionName"], null);
        }

        if (input.Name is null || !AliasPattern().IsMatch(input.Name) || input.FunctionVersion is null)
        {
            return LambdaErrors.Validation($"1 validation error detected: Value '{input.Name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)");
        }

        var function = located.Function;
        var arn = function.Configuration.FunctionArn;
        if (input.FunctionVersion != "$LATEST" && !function.Versions.ContainsKey(input.FunctionVersion))
        {
            return LambdaErrors.FunctionNotFound(FunctionName.Qualified(arn, input.FunctionVersion));
        }

        if (function.Aliases.ContainsKey(input.Name))
        {
            return LambdaErrors.Conflict($"Alias already exists: {FunctionName.Qualified(arn, input.Name)}");
        }

        var alias = new AliasConfiguration
        {
            AliasArn = FunctionName.Qualified(arn, input.Name),
            Name = input.Name,
            FunctionVersion = input.FunctionVersion,
            Description = input.Description ?? string.Empty,
            RevisionId = env.Ids.Guid(),
        };
        function.Aliases[input.Name] = alias;
        return Reply.Json(Protocol, alias, SandboxJson.Context.AliasConfiguration, 201);
    }

    private ServiceResult GetAlias(ServiceCall call)
    {
        if (_functions.Locate(call["FunctionName"], null) is not { Qualifier: null } located)
        {
            return _functions.LocateError(call["FunctionName"], null);
        }

        return located.Function.Aliases.TryGetValue(call["Name"], out var alias)
            ? Reply.Json(Protocol, alias, SandboxJson.Context.AliasConfiguration)
            : LambdaErrors.NotFound($"Cannot find alias arn: {FunctionName.Qualified(located.Function.Configuration.FunctionArn, call["Name"])}");
    }

    // Lambda keeps one concurrency setting per function: a qualified name is refused.
    private ServiceResult PutFunctionConcurrency(ServiceCall call, SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.FunctionConcurrency, out var input, out var error))
        {
            return LambdaErrors.BadContent(error);
        }

        if (_functions.Locate(call["FunctionName"], null) is not { Qualifier: null } located)
        {
            return _functions.LocateError(call["FunctionName"], null);
        }

        if (input.ReservedConcurrentExecutions is not (>= 0 and <= 1000))
        {
            return LambdaErrors.InvalidParameter("ReservedConcurrentExecutions must be between 0 and the account's unreserved concurrency.");
        }

        located.Function.ReservedConcurrency = input.ReservedConcurrentExecutions;
        return Reply.Json(Protocol, input, SandboxJson.Context.FunctionConcurrency);
    }

    private ServiceResult GetFunctionConcurrency(ServiceCall call) =>
        _functions.Locate(call["FunctionName"], null) is { Qualifier: null } located
            ? Reply.Json(Protocol, new FunctionConcurrency(located.Function.ReservedConcurrency), SandboxJson.Context.FunctionConcurrency)
            : _functions.LocateError(call["FunctionName"], null);

    private ServiceResult DeleteFunctionConcurrency(ServiceCall call)
    {
        if (_functions.Locate(call["FunctionName"], null) is not { Qualifier: null } located)
        {
            return _functions.LocateError(call["FunctionName"], null);
        }

        located.Function.ReservedConcurrency = null;
        return SandboxResponse.Empty(204);
    }

    private ServiceResult TagResource(ServiceCall call, SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.TagResourceRequest, out var input, out var error))
        {
            return LambdaErrors.BadContent(error);
        }

        if (TaggedFunction(call["Resource"]) is not { } function)
        {
            return TagTargetError(call["Resource"]);
        }

        if (LambdaErrors.InvalidTags(input.Tags) is { } invalid)
        {
            return invalid;
        }

        foreach (var (key, value) in input.Tags ?? [])
        {
            function.Tags[key] = value;
        }

        return SandboxResponse.Empty(204);
    }

    private ServiceResult ListTags(ServiceCall call) =>
        TaggedFunction(call["Resource"]) is { } function
            ? Reply.Json(Protocol, new ListTagsResponse(new Dictionary<string, string>(function.Tags)), SandboxJson.Context.ListTagsResponse)
            : TagTargetError(call["Resource"]);

    private FunctionRecord? TaggedFunction(string resourceArn) =>
        resourceArn.StartsWith("arn:", StringComparison.Ordinal)
        && FunctionName.TryParse(resourceArn, out var name)
        && name.Qualifier is null
        && name.AccountId == env.AccountId
        && name.Region == env.Region
            ? Data.Functions.GetValueOrDefault(name.Name)
            : null;

    private ServiceError TagTargetError(string resourceArn) =>
        resourceArn.StartsWith("arn:", StringComparison.Ordinal) && FunctionName.TryParse(resourceArn, out var name) && name.Qualifier is null
            ? LambdaErrors.FunctionNotFound(resourceArn)
            : LambdaErrors.InvalidParameter($"The resource ARN {resourceArn} is not a valid unqualified function ARN.");

    private string LastModified() =>
        env.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    private static bool TryReadCode(FunctionCode? code, out byte[] bytes)
    {
        bytes = [];
        if (code is null)
        {
            return false;
        }

        if (code.ZipFile is not null)
        {
            return Convert.TryFromBase64String(code.ZipFile, new byte[code.ZipFile.Length], out var written)
                && (bytes = Convert.FromBase64String(code.ZipFile)).Length == written;
        }

        // Code in S3 or an image is recorded but never fetched: the sandbox does not execute functions.
        bytes = System.Text.Encoding.UTF8.GetBytes(code.ImageUri ?? $"{code.S3Bucket}/{code.S3Key}");
        return code.ImageUri is not null || (code.S3Bucket is not null && code.S3Key is not null);
    }

    [GeneratedRegex(@"^arn:aws[a-zA-Z-]*:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+$")]
    private static partial Regex RolePattern();

    [GeneratedRegex(@"^(?!^[0-9]+$)[a-zA-Z0-9\-_]{1,128}$")]
    private static partial Regex AliasPattern();
}
