using System.Globalization;
using System.Text.RegularExpressions;

namespace Remediator.Sandbox.DataPlane;

/// <summary>
/// Renders a stage's access-log format by substituting <c>$context.*</c> variables, as API Gateway does (values
/// are inserted as-is; unknown or empty variables print <c>-</c>).
/// </summary>
internal static partial class AccessLogFormatter
{
    /// <summary>The format the README recommends for HTTP APIs, used when a stage names no format.</summary>
    public const string RecommendedFormat =
        "{\"requestId\":\"$context.requestId\",\"apiId\":\"$context.apiId\",\"stage\":\"$context.stage\",\"routeKey\":\"$context.routeKey\","
        + "\"httpMethod\":\"$context.httpMethod\",\"path\":\"$context.path\",\"status\":\"$context.status\","
        + "\"integrationStatus\":\"$context.integration.integrationStatus\",\"integrationErrorMessage\":\"$context.integrationErrorMessage\","
        + "\"errorMessage\":\"$context.error.message\",\"errorResponseType\":\"$context.error.responseType\"}";

    public static string Render(string format, IReadOnlyDictionary<string, string?> context)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(context);
        return Variable().Replace(format, m =>
        {
            var value = context.GetValueOrDefault(m.Value[1..]);
            return string.IsNullOrEmpty(value) ? "-" : value;
        });
    }

    /// <summary>The <c>$context.requestTime</c> form: <c>21/Nov/2026:05:51:30 +0000</c>.</summary>
    public static string RequestTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\$context(\.[A-Za-z0-9_]+)+")]
    private static partial Regex Variable();
}
