using Remediator.Aws.Signing;
using Remediator.Emulation.Signing;
using Remediator.Sandbox.Accounts;
using Remediator.Sandbox.Http;

namespace Remediator.Sandbox.Auth;

/// <summary>Outcome of authenticating a request: the signing service it names and who signed it, or the error to answer.</summary>
internal sealed record AuthResult(string? Service, ServiceError? Error, SandboxCaller? Caller = null);

/// <summary>
/// Verifies SigV4 exactly as AWS does for these services (shared pure steps from Remediator.Aws.Signing) and
/// turns each failure into the error shape of the protocol the caller speaks.
/// </summary>
internal sealed class RequestAuthenticator(
    SandboxCredentials credentials,
    string region,
    TimeProvider clock,
    TimeSpan maxClockSkew)
{
    /// <summary>Checks the signature; <paramref name="protocol"/> decides the error shape.</summary>
    public AuthResult Authenticate(SandboxRequest request, AwsProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Header(AwsHeaders.Authorization);
        var signable = new SigV4Request(request.Method, request.RawPath, request.Query, request.Headers, SigV4.HashHex(request.Body));
        var now = clock.GetUtcNow();
        var result = SigV4Verifier.Verify(signable, authorization, key => credentials.Find(key)?.SecretAccessKey, now, maxClockSkew);
        var service = result.Authorization?.Service;
        switch (result.Failure)
        {
            // A global service (IAM) is signed for its partition's region, not the sandbox's.
            case SigV4Failure.None when result.Authorization!.Region != (service == Remediator.Aws.Endpoints.AwsService.Iam.SigningName ? Remediator.Aws.Endpoints.AwsService.Iam.SigningRegion(region) : region):
                return new(service, AuthErrors.BadSignature(protocol, $"Credential should be scoped to a valid region, not '{result.Authorization.Region}'. "));
            case SigV4Failure.None:
                return Session(request, protocol, service, credentials.Find(result.Authorization!.AccessKeyId)!, now);
            case SigV4Failure.MissingAuthorization:
                return new(null, AuthErrors.MissingToken(protocol));
            case SigV4Failure.UnknownAccessKey:
                return new(service, AuthErrors.UnknownAccessKey(protocol));
            case SigV4Failure.RequestExpired:
                AmzDate.TryParse(request.Header(AwsHeaders.AmzDate), out var signedAt);
                return new(service, AuthErrors.BadSignature(protocol, AuthErrors.ExpiredMessage(signedAt, now, maxClockSkew)));
            case SigV4Failure.SignatureMismatch:
                return new(service, AuthErrors.BadSignature(protocol, AuthErrors.SignatureMismatchMessage));
            default:
                var hasDate = AmzDate.TryParse(request.Header(AwsHeaders.AmzDate), out _);
                return result.Authorization is null || !hasDate
                    ? new(service, AuthErrors.Incomplete(protocol, AuthErrors.IncompleteMessage(authorization ?? string.Empty, hasDate)))
                    : new(service, AuthErrors.BadSignature(protocol, result.Message));
        }
    }

    /// <summary>
    /// Temporary keys are valid only with the session token they were issued with and until they expire (AWS answers
    /// both with its invalid-token error); long-term keys carry no token.
    /// </summary>
    private static AuthResult Session(SandboxRequest request, AwsProtocol protocol, string? service, SandboxKey key, DateTimeOffset now)
    {
        if (key.SessionToken is null)
        {
            return new(service, null, key.Caller);
        }

        var token = request.Header(AwsHeaders.SecurityToken);
        return string.Equals(token, key.SessionToken, StringComparison.Ordinal) && now < key.Expiration
            ? new(service, null, key.Caller)
            : new(service, AuthErrors.UnknownAccessKey(protocol));
    }

    /// <summary>The signing service named by the Authorization header, when it parses.</summary>
    public static string? ScopeService(SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SigV4Authorization.TryParse(request.Header(AwsHeaders.Authorization), out var auth) ? auth.Service : null;
    }
}
