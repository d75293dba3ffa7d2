namespace Remediator.Core.Diagnosis;

/// <summary>Sorts a customer function error into the catalogue by its detail and the logged response body.</summary>
internal static class CustomerErrors
{
    private const string HandlerNotFoundType = "\"errorType\":\"" + LogText.RuntimeHandlerNotFound + "\"";
    private const string ImportModuleErrorType = "\"errorType\":\"" + LogText.RuntimeImportModuleError + "\"";
    private const string MalformedHandlerNameType = "\"errorType\":\"" + LogText.RuntimeMalformedHandlerName + "\"";

    public static FindingKind Classify(ReadOnlySpan<char> detail, string? responseBodyLine)
    {
        if (detail.Contains(LogText.PythonPackagePermissionDenied, StringComparison.Ordinal)
            || detail.Contains(LogText.NodePackagePermissionDenied, StringComparison.Ordinal))
        {
            return FindingKind.PackagePermissionDenied;
        }

        if (IsMissingHandler(detail)
            || IsBadHandler(detail)
            || detail.StartsWith(LogText.UnableToImportModule, StringComparison.Ordinal)
            || detail.Contains(LogText.RuntimeHandlerNotFound, StringComparison.Ordinal)
            || detail.Contains(LogText.RuntimeMalformedHandlerName, StringComparison.Ordinal))
        {
            return FindingKind.HandlerNotFound;
        }

        // Node reports a missing or malformed handler only through the error type in the response body.
        if (responseBodyLine is not null
            && (responseBodyLine.Contains(HandlerNotFoundType, StringComparison.Ordinal)
                || responseBodyLine.Contains(ImportModuleErrorType, StringComparison.Ordinal)
                || responseBodyLine.Contains(MalformedHandlerNameType, StringComparison.Ordinal)))
        {
            return FindingKind.HandlerNotFound;
        }

        return FindingKind.FunctionError;
    }

    // Runtime.MalformedHandlerName: Node says "Bad handler", Python "Bad handler 'name': not enough values to unpack ...".
    private static bool IsBadHandler(ReadOnlySpan<char> detail) =>
        detail.StartsWith(LogText.BadHandler, StringComparison.Ordinal)
        && (detail.Length == LogText.BadHandler.Length || detail[LogText.BadHandler.Length] is '.' or ' ' or ':');

    // "Handler 'handler' missing on module 'index'"
    private static bool IsMissingHandler(ReadOnlySpan<char> detail) =>
        detail.StartsWith(LogText.HandlerMissingPrefix, StringComparison.Ordinal)
        && detail.Contains(LogText.HandlerMissingInfix, StringComparison.Ordinal);
}
