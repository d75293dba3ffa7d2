using Remediator.Core.Intake;

namespace Remediator.Core.Diagnosis;

/// <summary>
/// Diagnoses a batch from <c>API-Gateway-Execution-Logs_{apiId}/{stage}</c>: groups lines by request id, reads
/// context and failure lines, and turns each failed request into one occurrence.
/// </summary>
internal sealed class ExecutionLogDiagnosis
{
    private readonly string apiId;
    private readonly string stage;
    private readonly Dictionary<string, RequestTrace> traces = new(StringComparer.Ordinal);

    // Looks request ids up by span, so only a request's first line allocates its id.
    private readonly Dictionary<string, RequestTrace>.AlternateLookup<ReadOnlySpan<char>> tracesBySpan;
    private readonly List<RequestTrace> order = [];
    private int unprefixed;

    public ExecutionLogDiagnosis(string apiId, string stage)
    {
        this.apiId = apiId;
        this.stage = stage;
        tracesBySpan = traces.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public void Read(LogEvent logEvent)
    {
        ReadOnlySpan<char> line = logEvent.Message;
        if (!ExecutionLine.TrySplit(line, out ReadOnlySpan<char> requestId, out ReadOnlySpan<char> text))
        {
            unprefixed++;
            return;
        }

        RequestTrace trace = TraceFor(requestId);
        trace.Events++;
        ExecutionLineShape shape = ExecutionLine.Classify(text);
        switch (shape)
        {
            case ExecutionLineShape.HttpMethodAndPath:
                if (trace.HttpMethod is null && ExecutionLine.TryReadMethodAndPath(text, out string method, out string path))
                {
                    trace.HttpMethod = method;
                    trace.ResourcePath = path;
                }

                break;
            case ExecutionLineShape.WebSocketRoute:
                if (trace.RouteKey is null && ExecutionLine.TryReadRouteKey(text, out string routeKey))
                {
                    trace.RouteKey = routeKey;
                }

                break;
            case ExecutionLineShape.EndpointRequestUri:
                trace.CurrentFunctionArn = LambdaInvokeUri.TryGetFunctionArn(text[LogText.EndpointRequestUriPrefix.Length..]);
                break;
            case ExecutionLineShape.SendingRequestTo:
                trace.CurrentFunctionArn = LambdaInvokeUri.TryGetFunctionArn(text[LogText.SendingRequestToPrefix.Length..]);
                break;
            case ExecutionLineShape.EndpointResponseHeaders:
                trace.SawResponseHeaders = true;
                if (LambdaThrottle.HeadersSayThrottled(text[LogText.EndpointResponseHeadersPrefix.Length..]))
                {
                    trace.ThrottledHeaders ??= logEvent;
                }

                break;
            case ExecutionLineShape.EndpointResponseBody:
                trace.ResponseBody ??= logEvent;
                break;
            case ExecutionLineShape.InvalidPermissions:
                NoteFailingFunction(trace);
                trace.InvalidPermissions ??= logEvent;
                break;
            case ExecutionLineShape.MalformedProxyResponse:
                NoteFailingFunction(trace);
                trace.MalformedResponse ??= logEvent;
                break;
            case ExecutionLineShape.CustomerFunctionError:
                NoteFailingFunction(trace);
                trace.CustomerError ??= logEvent;
                break;
            case ExecutionLineShape.RateExceeded:
            case ExecutionLineShape.LambdaThrottled:
                NoteFailingFunction(trace);
                (trace.ThrottleLines ??= []).Add(logEvent);
                break;
            case ExecutionLineShape.TimeoutError:
                NoteFailingFunction(trace);
                trace.Timeout ??= logEvent;
                break;
            case ExecutionLineShape.RoleNotAssumable:
                NoteFailingFunction(trace);
                trace.RoleNotAssumable ??= logEvent;
                break;
            case ExecutionLineShape.MappingTemplateFailure:
            case ExecutionLineShape.AuthorizerResponseInvalid:
                NoteFailingFunction(trace);
                trace.Configuration ??= (logEvent, shape);
                break;
            case ExecutionLineShape.AuthorizerError:
                trace.AuthorizerError ??= logEvent;
                (trace.OtherFailures ??= []).Add(logEvent);
                break;
            case ExecutionLineShape.OtherConfigurationError:
            case ExecutionLineShape.AuthorizerConfigurationException:
            case ExecutionLineShape.MethodCompleted5xx:
                (trace.OtherFailures ??= []).Add(logEvent);
                break;
            default:
                break;
        }
    }

    /// <summary>Turns failed requests into occurrences and reports where every event went.</summary>
    public EventDispositions Finish(FindingAccumulator findings)
    {
        int evidence = 0, context = 0, unrelated = unprefixed;
        foreach (RequestTrace trace in order)
        {
            int used = AddOccurrence(trace, findings);
            if (used == 0)
            {
                unrelated += trace.Events;
            }
            else
            {
                evidence += used;
                context += trace.Events - used;
            }
        }

        return new EventDispositions(evidence, context, unrelated, 0);
    }

    // The invoke-URI line just before the first failure names the function that failed: the authorizer's
    // when the authorizer failed, the integration's otherwise.
    private static void NoteFailingFunction(RequestTrace trace)
    {
        if (!trace.HasCataloguedFailure)
        {
            trace.FailureFunctionArn = trace.CurrentFunctionArn;
        }
    }

    private RequestTrace TraceFor(ReadOnlySpan<char> requestId)
    {
        if (!tracesBySpan.TryGetValue(requestId, out RequestTrace? trace))
        {
            trace = new RequestTrace(requestId.ToString());
            traces.Add(trace.RequestId, trace);
            order.Add(trace);
        }

        return trace;
    }

    /// <summary>Adds the request's occurrence, if it failed; returns how many of its events are evidence.</summary>
    private int AddOccurrence(RequestTrace trace, FindingAccumulator findings)
    {
        FindingKind kind;
        LogEvent[] evidence;
        LogEvent? extra = null;
        string? functionArn = trace.FailureFunctionArn;
        if (trace.InvalidPermissions is { } denied)
        {
            // "Invalid permissions" followed by "Authorizer error" means the authorizer's function was refused.
            (kind, evidence) = trace.AuthorizerError is { } authorizer
                ? (FindingKind.AuthorizerInvokePermission, new[] { denied, authorizer })
                : (FindingKind.MissingInvokePermission, [denied]);
        }
        else if (trace.RoleNotAssumable is { } role)
        {
            // The same pairing: a role API Gateway cannot assume, then "Authorizer error", is the authorizer's role.
            (kind, evidence) = trace.AuthorizerError is { } authorizer
                ? (FindingKind.AuthorizerCredentialsRoleNotAssumable, new[] { role, authorizer })
                : (FindingKind.CredentialsRoleNotAssumable, [role]);
        }
        else if (trace.ThrottleLines is { } throttled)
        {
            (kind, evidence, extra) = (FindingKind.FunctionThrottled, [.. throttled], trace.ResponseBody);
        }
        else if (trace.MalformedResponse is { } unreadable && trace.ThrottledBehindMalformedResponse)
        {
            // API Gateway could not read Lambda's throttling answer as a proxy response: the function never ran.
            evidence = trace.ThrottledHeaders is { } headers ? [unreadable, headers] : [unreadable];
            (kind, extra) = (FindingKind.FunctionThrottled, trace.ResponseBody);
        }
        else if (trace.MalformedResponse is { } malformed)
        {
            (kind, evidence, extra) = (FindingKind.MalformedProxyResponse, [malformed], trace.ResponseBody);
        }
        else if (trace.CustomerError is { } customer)
        {
            kind = CustomerErrors.Classify(ExecutionLine.CustomerErrorDetail(customer.Message), trace.ResponseBody?.Message);
            evidence = [customer];
        }
        else if (trace.Timeout is { } timeout)
        {
            (kind, evidence) = (FindingKind.IntegrationTimeout, [timeout]);
        }
        else if (trace.Configuration is { } configuration)
        {
            kind = configuration.Shape == ExecutionLineShape.AuthorizerResponseInvalid
                ? FindingKind.AuthorizerConfiguration
                : FindingKind.IntegrationConfiguration;
            evidence = [configuration.Line];
        }
        else if (trace.OtherFailures is { } others)
        {
            (kind, evidence, functionArn) = (FindingKind.Unrecognized, [.. others], trace.CurrentFunctionArn);
        }
        else
        {
            return 0;
        }

        findings.Add(new Occurrence(
            kind, trace.ApiType, apiId, stage, trace.HttpMethod, trace.ResourcePath, trace.RouteKey, functionArn,
            trace.RequestId, evidence, extra));
        return evidence.Length;
    }
}
