using System.Diagnostics.CodeAnalysis;
using Remediator.Aws.Signing;

namespace Remediator.Emulation.Signing;

/// <summary>
/// The parts of an <c>Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...</c> header, as a
/// receiver reads them (the signer writes the header with <see cref="SigV4.AuthorizationHeader"/>).
/// </summary>
public sealed record SigV4Authorization(
    string AccessKeyId,
    string Date,
    string Region,
    string Service,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    /// <summary>The credential scope named by the header.</summary>
    public string CredentialScope => $"{Date}/{Region}/{Service}/{SigV4.Terminator}";

    /// <summary>Formats the header value.</summary>
    public override string ToString() =>
        $"{SigV4.Algorithm} Credential={AccessKeyId}/{CredentialScope}, SignedHeaders={string.Join(';', SignedHeaders)}, Signature={Signature}";

    /// <summary>Parses a header value; false for any other algorithm or a missing or malformed part.</summary>
    public static bool TryParse(string? header, [NotNullWhen(true)] out SigV4Authorization? authorization)
    {
        authorization = null;
        if (header is null || !header.StartsWith(SigV4.Algorithm + " ", StringComparison.Ordinal))
        {
            return false;
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in header[(SigV4.Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return false;
            }

            var value = part[(eq + 1)..];
            switch (part[..eq])
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
                default: return false;
            }
        }

        // Credential is access-key/date/region/service/aws4_request; the key itself never contains '/'.
        var scope = credential?.Split('/');
        if (scope is not { Length: 5 } || scope[4] != SigV4.Terminator || scope.Any(s => s.Length == 0)
            || string.IsNullOrEmpty(signedHeaders) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        authorization = new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], signedHeaders.Split(';'), signature);
        return true;
    }
}
