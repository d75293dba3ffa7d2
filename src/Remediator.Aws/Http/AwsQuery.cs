using System.Text;
using System.Xml;
using System.Xml.Linq;
using Remediator.Aws.Endpoints;

namespace Remediator.Aws.Http;

/// <summary>The query protocol (SNS, STS): form-encoded POST in, XML out.</summary>
public static class AwsQuery
{
    /// <summary>Content type of query-protocol requests.</summary>
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    /// <summary>A POST / with <c>Action</c>, <c>Version</c> and the given parameters, percent-encoded as SigV4 does.</summary>
    public static AwsRequest Request(AwsService service, string action, string version, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var all = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", version) };
        all.AddRange(parameters);
        return new AwsRequest(service, action, HttpMethod.Post, "/", Body: Encoding.UTF8.GetBytes(AwsPath.Query(all)), ContentType: ContentType);
    }

    /// <summary>The text of the first element named <paramref name="localName"/> (any namespace); a protocol error if absent.</summary>
    public static string RequiredElement(AwsResponse response, string localName)
    {
        ArgumentNullException.ThrowIfNull(response);
        XDocument document;
        try
        {
            document = XDocument.Parse(Encoding.UTF8.GetString(response.Body));
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"Expected an XML answer with <{localName}>.", e);
        }

        return document.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value
            ?? throw new InvalidDataException($"XML answer lacks <{localName}>.");
    }
}
