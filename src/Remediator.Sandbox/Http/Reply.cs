using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Xml.Linq;
using Remediator.Aws.Signing;

namespace Remediator.Sandbox.Http;

/// <summary>Builds success and error responses in the shape each protocol's clients parse.</summary>
internal static class Reply
{
    public const string JsonContentType = "application/json";
    public const string Json11ContentType = "application/x-amz-json-1.1";
    public const string Json10ContentType = "application/x-amz-json-1.0";
    public const string XmlContentType = "text/xml";

    /// <summary>A JSON body serialized with the sandbox's source-generated metadata.</summary>
    public static SandboxResponse Json<T>(AwsProtocol protocol, T value, JsonTypeInfo<T> info, int status = 200) =>
        new(status, ContentType(protocol), JsonSerializer.SerializeToUtf8Bytes(value, info), new Dictionary<string, string>());

    /// <summary>An empty JSON object (JSON 1.1 operations with no output members).</summary>
    public static SandboxResponse EmptyObject(AwsProtocol protocol) => SandboxResponse.Text(200, ContentType(protocol), "{}");

    /// <summary>A query-protocol success: <c>{Action}Response/{Action}Result</c> plus the request id.</summary>
    public static SandboxResponse QueryResult(string xmlNamespace, string action, IEnumerable<XElement> resultMembers, string requestId)
    {
        XNamespace ns = xmlNamespace;
        var document = new XElement(
            ns + (action + "Response"),
            new XElement(ns + (action + "Result"), resultMembers.Select(e => WithNamespace(e, ns))),
            new XElement(ns + "ResponseMetadata", new XElement(ns + "RequestId", requestId)));
        return SandboxResponse.Text(200, XmlContentType, document.ToString(SaveOptions.DisableFormatting));
    }

    /// <summary>An error in the protocol's shape, carrying the request id the way its clients read it.</summary>
    public static SandboxResponse Error(AwsProtocol protocol, string? xmlNamespace, ServiceError error, string requestId)
    {
        ArgumentNullException.ThrowIfNull(error);
        var response = protocol switch
        {
            AwsProtocol.RestJson => RestJsonError(error),
            AwsProtocol.Json11 or AwsProtocol.Json10 => JsonTargetError(protocol, error),
            _ => QueryError(xmlNamespace ?? string.Empty, error, requestId),
        };
        response = error.QueryError is null ? response : response.WithHeader("x-amzn-query-error", error.QueryError);
        return error.RetryAfter is null ? response : response.WithHeader(AwsHeaders.RetryAfter, error.RetryAfter);
    }

    private static SandboxResponse RestJsonError(ServiceError error)
    {
        var body = new JsonObject();
        foreach (var (key, value) in error.Extra)
        {
            body[key] = value?.DeepClone();
        }

        body[error.MessageKey] = error.Message;
        return SandboxResponse.Text(error.Status, JsonContentType, body.ToJsonString(), new Dictionary<string, string> { [AwsHeaders.ErrorType] = error.Code });
    }

    private static SandboxResponse JsonTargetError(AwsProtocol protocol, ServiceError error)
    {
        var body = new JsonObject { ["__type"] = error.Code };
        foreach (var (key, value) in error.Extra)
        {
            body[key] = value?.DeepClone();
        }

        body[error.MessageKey] = error.Message;
        return SandboxResponse.Text(error.Status, ContentType(protocol), body.ToJsonString());
    }

    private static SandboxResponse QueryError(string xmlNamespace, ServiceError error, string requestId)
    {
        XNamespace ns = xmlNamespace;
        var document = new XElement(
            ns + "ErrorResponse",
            new XElement(
                ns + "Error",
                new XElement(ns + "Type", error.SenderFault ? "Sender" : "Receiver"),
                new XElement(ns + "Code", error.Code),
                new XElement(ns + "Message", error.Message)),
            new XElement(ns + "RequestId", requestId));
        return SandboxResponse.Text(error.Status, XmlContentType, document.ToString(SaveOptions.DisableFormatting));
    }

    private static string ContentType(AwsProtocol protocol) => protocol switch
    {
        AwsProtocol.Json11 => Json11ContentType,
        AwsProtocol.Json10 => Json10ContentType,
        _ => JsonContentType,
    };

    private static XElement WithNamespace(XElement element, XNamespace ns)
    {
        var copy = new XElement(ns + element.Name.LocalName, element.Attributes());
        foreach (var node in element.Nodes())
        {
            copy.Add(node is XElement child ? WithNamespace(child, ns) : node);
        }

        return copy;
    }
}
