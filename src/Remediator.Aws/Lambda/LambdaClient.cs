using Remediator.Aws.Endpoints;
using Remediator.Aws.Http;
using Remediator.Core.Ports;

namespace Remediator.Aws.Lambda;

/// <summary>Lambda over rest-json (API version 2015-03-31; tags 2017-03-31; concurrency 2019-09-30).</summary>
public sealed class LambdaClient(AwsHttpClient http) : ILambdaClient
{
    private const string Version = "2015-03-31";

    // Lambda answers ResourceNotFoundException both for "no policy" and for "no such function"; only the
    // message tells them apart, and a missing function must not read as "nothing granted yet".
    private const string FunctionNotFoundPrefix = "Function not found";

    /// <inheritdoc />
    public async Task<FunctionPolicy?> GetPolicyAsync(string functionName, string? qualifier, CancellationToken cancellationToken)
    {
        try
        {
            var response = await http.SendAsync(Get("GetPolicy", AwsPath.Of(Version, "functions", functionName, "policy"), Qualifier(qualifier)), cancellationToken).ConfigureAwait(false);
            var body = AwsJson.Deserialize(response, LambdaJsonContext.Default.GetPolicyResponse);
            return new FunctionPolicy(Required(body.Policy, "Policy"), Required(body.RevisionId, "RevisionId"));
        }
        catch (AwsServiceException e) when (e.Is(AwsErrorCodes.ResourceNotFound) && !e.ServiceMessage.StartsWith(FunctionNotFoundPrefix, StringComparison.Ordinal))
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<string> AddPermissionAsync(AddPermissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new AddPermissionBody(request.StatementId, request.Action, request.Principal, request.SourceArn, request.SourceAccount, request.RevisionId);
        var call = new AwsRequest(
            AwsService.Lambda,
            "AddPermission",
            HttpMethod.Post,
            AwsPath.Of(Version, "functions", request.FunctionName, "policy"),
            Qualifier(request.Qualifier),
            AwsJson.Serialize(body, LambdaJsonContext.Default.AddPermissionBody),
            AwsJson.RestJsonContentType);
        var response = await http.SendAsync(call, cancellationToken).ConfigureAwait(false);
        return Required(AwsJson.Deserialize(response, LambdaJsonContext.Default.AddPermissionResponse).Statement, "Statement");
    }

    /// <inheritdoc />
    public async Task RemovePermissionAsync(string functionName, string statementId, string? qualifier, string? revisionId, CancellationToken cancellationToken)
    {
        var query = Qualifier(qualifier);
        if (revisionId is not null)
        {
            query.Add(new("RevisionId", revisionId));
        }

        var call = new AwsRequest(AwsService.Lambda, "RemovePermission", HttpMethod.Delete, AwsPath.Of(Version, "functions", functionName, "policy", statementId), query);
        await http.SendAsync(call, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<FunctionAlias?> GetAliasAsync(string functionName, string aliasName, CancellationToken cancellationToken)
    {
        var response = await SendOrNullAsync(Get("GetAlias", AwsPath.Of(Version, "functions", functionName, "aliases", aliasName), []), cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return null;
        }

        var a = AwsJson.Deserialize(response, LambdaJsonContext.Default.AliasResponse);
        return new FunctionAlias(Required(a.Name, "Name"), Required(a.AliasArn, "AliasArn"), Required(a.FunctionVersion, "FunctionVersion"), a.RevisionId);
    }

    /// <inheritdoc />
    public async Task<int?> GetReservedConcurrencyAsync(string functionName, CancellationToken cancellationToken)
    {
        var response = await http.SendAsync(Get("GetFunctionConcurrency", AwsPath.Of("2019-09-30", "functions", functionName, "concurrency"), []), cancellationToken).ConfigureAwait(false);
        return AwsJson.Deserialize(response, LambdaJsonContext.Default.FunctionConcurrencyResponse).ReservedConcurrentExecutions;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string functionArn, CancellationToken cancellationToken)
    {
        var response = await http.SendAsync(Get("ListTags", AwsPath.Of("2017-03-31", "tags", functionArn), []), cancellationToken).ConfigureAwait(false);
        return AwsJson.Deserialize(response, LambdaJsonContext.Default.ListTagsResponse).Tags ?? new Dictionary<string, string>();
    }

    private async Task<AwsResponse?> SendOrNullAsync(AwsRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Is(AwsErrorCodes.ResourceNotFound))
        {
            return null;
        }
    }

    private static AwsRequest Get(string operation, string path, List<KeyValuePair<string, string>> query) =>
        new(AwsService.Lambda, operation, HttpMethod.Get, path, query);

    private static List<KeyValuePair<string, string>> Qualifier(string? qualifier) =>
        qualifier is null ? [] : [new("Qualifier", qualifier)];

    private static string Required(string? value, string name) =>
        value ?? throw new InvalidDataException($"Lambda answer lacks '{name}'.");
}
