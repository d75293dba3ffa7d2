using System.Globalization;

namespace Remediator.Aws.Signing;

/// <summary>When, where and for which service a signature is valid.</summary>
public sealed record SigningScope(DateTimeOffset Timestamp, string Region, string Service)
{
    /// <summary>The format of <see cref="AmzDate"/>, the <c>X-Amz-Date</c> header.</summary>
    public const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The <c>X-Amz-Date</c> form of <see cref="Timestamp"/>: <c>yyyyMMddTHHmmssZ</c>.</summary>
    public string AmzDate => Timestamp.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);

    /// <summary>The day of the scope: <c>yyyyMMdd</c>.</summary>
    public string Date => Timestamp.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary><c>{date}/{region}/{service}/aws4_request</c>.</summary>
    public string CredentialScope => $"{Date}/{Region}/{Service}/{SigV4.Terminator}";
}
