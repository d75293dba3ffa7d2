using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Remediator.Aws.Signing;
using Remediator.Sandbox.Accounts;
using Remediator.Sandbox.Auth;
using Remediator.Sandbox.Faults;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Http;

/// <summary>A handler for requests outside the AWS APIs (admin endpoints, the API Gateway data plane).</summary>
internal interface ISideChannel
{
    /// <summary>True when this channel serves the request.</summary>
    bool Matches(SandboxRequest request);

    /// <summary>Serves the request.</summary>
    Task<SandboxResponse> HandleAsync(SandboxRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// The single middleware: reads the request, hands admin and data-plane paths to their channels, and for AWS
/// calls authenticates, picks the account the signing key acts in, resolves the operation, counts it, applies
/// injected faults and runs it under that account's lock.
/// </summary>
internal sealed class SandboxDispatcher(
    SandboxAccounts accounts,
    RequestAuthenticator authenticator,
    FaultInjector faults,
    IReadOnlyList<ISideChannel> channels,
    Func<CancellationToken, Task> persistAsync,
    Action<SandboxExchange>? record = null)
{
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        var request = await ReadAsync(context, accounts.Home.Env.Ids.Guid(), cancellationToken).ConfigureAwait(false);
        var channel = channels.FirstOrDefault(c => c.Matches(request));
        SandboxResponse response;
        ServiceCall? call = null;
        FaultRule? lost = null;
        try
        {
            if (channel is null)
            {
                (response, call, lost) = await HandleAwsAsync(request, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                response = await channel.HandleAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A sandbox bug must still reach the client as an AWS-shaped 500 naming the cause, not an empty reply.
            response = Reply.Error(AwsProtocol.RestJson, null, new ServiceError(500, "InternalFailure", $"Sandbox internal error: {ex.GetType().Name}: {ex.Message}"), request.RequestId);
        }

        if (record is not null && call is not null)
        {
            var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.RawPath;
            var headers = new Dictionary<string, string>(response.Headers, StringComparer.OrdinalIgnoreCase) { [AwsHeaders.RequestId] = request.RequestId };
            if (response.Body.Length > 0)
            {
                headers["Content-Type"] = response.ContentType;
            }

            record(new SandboxExchange(call.Service, call.Operation, request.Method, rawTarget, request.Headers, request.Body, response.Status, headers, response.Body));
        }

        if (lost is not null)
        {
            // Applied, and the answer never leaves: what a crash or a dropped connection looks like to the caller.
            faults.AnswerLost?.Invoke(lost);
            context.Abort();
            return;
        }

        await WriteAsync(context, response, request.RequestId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(SandboxResponse Response, ServiceCall? Call, FaultRule? Lost)> HandleAwsAsync(SandboxRequest request, CancellationToken cancellationToken)
    {
        var signingName = RequestAuthenticator.ScopeService(request);
        var found = accounts.Home.Services.Find(request, signingName);
        if (found is null)
        {
            return (Reply.Error(AwsProtocol.RestJson, null, new ServiceError(400, "UnrecognizedServiceException", $"The sandbox does not emulate the service '{signingName}'."), request.RequestId), null, null);
        }

        var (service, call) = found.Value;

        var auth = authenticator.Authenticate(request, service.Protocol);
        if (auth.Error is not null)
        {
            return (Reply.Error(service.Protocol, service.XmlNamespace, auth.Error, request.RequestId), null, null);
        }

        // Every account serves the same services; the key decides whose resources the call sees.
        var account = accounts.Find(auth.Caller!.AccountId) ?? accounts.Home;
        request = request with { Caller = auth.Caller };
        if (!ReferenceEquals(account, accounts.Home))
        {
            (service, call) = account.Services.Find(request, signingName)!.Value;
        }

        var env = account.Env;

        if (call is null)
        {
            return (Reply.Error(service.Protocol, service.XmlNamespace, ServiceDirectory.UnknownOperation(service, request), request.RequestId), null, null);
        }

        env.State.Count(call.Key);
        if (!account.Quotas.TryAdmit(service.Name, call.Operation))
        {
            env.State.Count("throttled:" + call.Key);
            return (Reply.Error(service.Protocol, service.XmlNamespace, FaultErrors.For(service.Name, call.Operation, FaultKind.Throttle), request.RequestId), call, null);
        }

        var fault = faults.Take(service.Name, call.Operation);
        if (fault is { Kind: not FaultKind.Delay and not FaultKind.LoseAnswer })
        {
            return (Reply.Error(service.Protocol, service.XmlNamespace, FaultErrors.For(service.Name, call.Operation, fault.Kind), request.RequestId), call, null);
        }

        if (fault is { Kind: FaultKind.Delay })
        {
            await Task.Delay(TimeSpan.FromMilliseconds(fault.DelayMilliseconds), env.Clock, cancellationToken).ConfigureAwait(false);
        }

        ServiceResult result;
        lock (env.State.Gate)
        {
            result = service.Execute(call, request);
        }

        if (result.Response is not null && !IsReadOnly(call.Operation))
        {
            await persistAsync(cancellationToken).ConfigureAwait(false);
        }

        return (result.Response ?? Reply.Error(service.Protocol, service.XmlNamespace, result.Error!, request.RequestId), call, fault is { Kind: FaultKind.LoseAnswer } ? fault : null);
    }

    private static bool IsReadOnly(string operation) =>
        operation.StartsWith("Get", StringComparison.Ordinal)
        || operation.StartsWith("List", StringComparison.Ordinal)
        || operation.StartsWith("Describe", StringComparison.Ordinal)
        || operation.StartsWith("Filter", StringComparison.Ordinal);

    private static async Task<SandboxRequest> ReadAsync(HttpContext context, string requestId, CancellationToken cancellationToken)
    {
        // The raw target keeps the path exactly as signed (e.g. %3A in function ARNs); Request.Path is decoded.
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = question < 0 ? rawTarget : rawTarget[..question];
        var rawQuery = question < 0 ? string.Empty : rawTarget[(question + 1)..];
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in context.Request.Headers)
        {
            headers.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v ?? string.Empty)));
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
        return new SandboxRequest(
            context.Request.Method.ToUpperInvariant(),
            rawPath,
            SandboxRequest.SplitPath(rawPath),
            AwsRequestSigner.ParseQuery(rawQuery),
            headers,
            body.ToArray(),
            requestId);
    }

    private static async Task WriteAsync(HttpContext context, SandboxResponse response, string requestId, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = response.Status;
        context.Response.Headers[AwsHeaders.RequestId] = requestId;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body.Length > 0)
        {
            context.Response.ContentType = response.ContentType;
            context.Response.ContentLength = response.Body.Length;
            await context.Response.Body.WriteAsync(response.Body, cancellationToken).ConfigureAwait(false);
        }
    }
}
