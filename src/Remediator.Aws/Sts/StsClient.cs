using Remediator.Aws.Endpoints;
using Remediator.Aws.Http;
using Remediator.Core.Ports;

namespace Remediator.Aws.Sts;

/// <summary>STS GetCallerIdentity over the query protocol (version 2011-06-15), regional endpoint.</summary>
public sealed class StsClient(AwsHttpClient http) : IStsClient
{
    /// <inheritdoc />
    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken)
    {
        var response = await http.SendAsync(AwsQuery.Request(AwsService.Sts, "GetCallerIdentity", "2011-06-15", []), cancellationToken).ConfigureAwait(false);
        return new CallerIdentity(
            AwsQuery.RequiredElement(response, "Account"),
            AwsQuery.RequiredElement(response, "Arn"),
            AwsQuery.RequiredElement(response, "UserId"));
    }
}
