using System.Security.Cryptography;
using System.Text;
using Remediator.Aws.Signing;

namespace Remediator.Emulation.Signing;

/// <summary>Checks an incoming request's SigV4 signature with the same pure steps the signer uses.</summary>
public static class SigV4Verifier
{
    /// <summary>
    /// Verifies <paramref name="request"/>, whose <see cref="SigV4Request.Headers"/> hold every header received
    /// (only those named in <c>SignedHeaders</c> are used) and whose path is the raw wire path.
    /// </summary>
    public static SigV4Verification Verify(
        SigV4Request request,
        string? authorizationHeader,
        Func<string, string?> secretForAccessKey,
        DateTimeOffset now,
        TimeSpan maxClockSkew,
        bool encodePath = true,
        bool normalizePath = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(secretForAccessKey);
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return Fail(SigV4Failure.MissingAuthorization, "Missing Authentication Token", null);
        }

        if (!SigV4Authorization.TryParse(authorizationHeader, out var auth))
        {
            return Fail(SigV4Failure.Malformed, "Authorization header is not a valid AWS4-HMAC-SHA256 header.", null);
        }

        var amzDate = request.Headers.FirstOrDefault(h => h.Key.Equals(AwsHeaders.AmzDate, StringComparison.OrdinalIgnoreCase)).Value;
        if (!AmzDate.TryParse(amzDate, out var timestamp))
        {
            return Fail(SigV4Failure.Malformed, "X-Amz-Date is missing or not in yyyyMMddTHHmmssZ form.", auth);
        }

        var scope = new SigningScope(timestamp, auth.Region, auth.Service);
        if (scope.Date != auth.Date)
        {
            return Fail(SigV4Failure.Malformed, $"Credential should be scoped to a valid date: '{scope.Date}'.", auth);
        }

        var signed = new HashSet<string>(auth.SignedHeaders, StringComparer.Ordinal);
        var headers = request.Headers.Where(h => signed.Contains(h.Key.ToLowerInvariant())).ToList();
        var present = headers.Select(h => h.Key.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        if (!signed.Contains("host") || !signed.SetEquals(present))
        {
            return Fail(SigV4Failure.Malformed, "SignedHeaders must include host and name only headers present in the request.", auth);
        }

        if ((now - timestamp).Duration() > maxClockSkew)
        {
            return Fail(SigV4Failure.RequestExpired, $"Signature expired: {amzDate} is too far from the current time.", auth);
        }

        var secret = secretForAccessKey(auth.AccessKeyId);
        if (secret is null)
        {
            return Fail(SigV4Failure.UnknownAccessKey, "The security token included in the request is invalid.", auth);
        }

        var expected = SigV4.Sign(request with { Headers = headers }, scope, secret, encodePath, normalizePath);
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(auth.Signature));
        return matches
            ? new SigV4Verification(SigV4Failure.None, "OK", auth)
            : Fail(SigV4Failure.SignatureMismatch, "The request signature we calculated does not match the signature you provided.", auth);
    }

    private static SigV4Verification Fail(SigV4Failure failure, string message, SigV4Authorization? auth) => new(failure, message, auth);
}
