using System.Globalization;
using Remediator.Aws.Signing;

namespace Remediator.Emulation.Signing;

/// <summary>Reads the <c>X-Amz-Date</c> header the signer writes (<see cref="SigningScope.AmzDate"/>).</summary>
public static class AmzDate
{
    /// <summary>Parses an <c>X-Amz-Date</c> value; false when it is not exactly <c>yyyyMMddTHHmmssZ</c>.</summary>
    public static bool TryParse(string? value, out DateTimeOffset timestamp) =>
        DateTimeOffset.TryParseExact(
            value,
            SigningScope.AmzDateFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out timestamp);
}
