using Remediator.Aws.Signing;

namespace Remediator.Sandbox.Http;

/// <summary>
/// Finds the services a request can be for: by the credential scope's signing name when it is signed, else by
/// its shape (target header, path, form action), so even an unsigned request gets its protocol's error shape.
/// </summary>
internal sealed class ServiceDirectory(IReadOnlyList<IAwsService> services)
{
    public IReadOnlyList<IAwsService> All { get; } = services;

    /// <summary>The service and call for a request, or the best service to answer an error with.</summary>
    public (IAwsService Service, ServiceCall? Call)? Find(SandboxRequest request, string? signingName)
    {
        ArgumentNullException.ThrowIfNull(request);
        var candidates = signingName is null
            ? All.Where(s => s.Name == Guess(request)).ToList()
            : All.Where(s => s.SigningName == signingName).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        foreach (var service in candidates)
        {
            if (service.Resolve(request) is { } call)
            {
                return (service, call);
            }
        }

        return (candidates[0], null);
    }

    /// <summary>The error for a request no operation of the service matches.</summary>
    public static ServiceError UnknownOperation(IAwsService service, SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(request);
        return service.Protocol switch
        {
            AwsProtocol.Json11 or AwsProtocol.Json10 => new ServiceError(400, "UnknownOperationException", $"Operation {request.Header(AwsHeaders.Target)} is not supported by the sandbox."),
            AwsProtocol.Query => new ServiceError(400, "InvalidAction", $"The action {FormBody.Action(request)} is not valid for this web service."),
            _ => new ServiceError(404, "UnknownOperationException", $"No {service.Name} operation matches {request.Method} {request.RawPath} in the sandbox."),
        };
    }

    private static string Guess(SandboxRequest request)
    {
        var target = request.Header(AwsHeaders.Target) ?? string.Empty;
        if (target.StartsWith("Logs_", StringComparison.Ordinal))
        {
            return "logs";
        }

        if (target.StartsWith("AmazonSSM.", StringComparison.Ordinal))
        {
            return "ssm";
        }

        if (target.StartsWith("AmazonSQS.", StringComparison.Ordinal))
        {
            return "sqs";
        }

        var first = request.Segments.Count > 0 ? request.Segments[0] : string.Empty;
        return first switch
        {
            "2015-03-31" or "2017-03-31" => "lambda",
            "restapis" or "tags" => "apigateway",
            "v2" => "apigatewayv2",
            _ => FormBody.Parse(request).FirstOrDefault(p => p.Key == "Version").Value switch
            {
                "2011-06-15" => "sts",
                "2010-05-08" => "iam",
                _ => "sns",
            },
        };
    }
}
