using System.Text;
using System.Xml;
using System.Xml.Linq;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Http;
using Remediator.Core.Ports;

namespace Remediator.Aws.Iam;

/// <summary>IAM ListAccountAliases over the query protocol (version 2010-05-08), at the partition's global endpoint.</summary>
public sealed class IamClient(AwsHttpClient http) : IIamClient
{
    /// <summary>An answer larger than this is not an alias list (IAM keeps one alias of at most 63 characters).</summary>
    private const int MaxResponseBytes = 64 * 1024;

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListAccountAliasesAsync(CancellationToken cancellationToken)
    {
        var request = AwsQuery.Request(AwsService.Iam, "ListAccountAliases", "2010-05-08", []) with { MaxResponseBytes = MaxResponseBytes };
        var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        XDocument document;
        try
        {
            document = XDocument.Parse(Encoding.UTF8.GetString(response.Body));
        }
        catch (XmlException e)
        {
            throw new InvalidDataException("Expected an XML answer with <AccountAliases>.", e);
        }

        var aliases = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "AccountAliases")
            ?? throw new InvalidDataException("XML answer lacks <AccountAliases>.");
        return [.. aliases.Elements().Where(e => e.Name.LocalName == "member").Select(e => e.Value)];
    }
}
