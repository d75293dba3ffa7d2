namespace Remediator.Core.Diagnosis;

/// <summary>Sorts a customer function error into the catalogue by its detail and the logged response body.</summary>
internal static class CustomerErrors
{
    private const string HandlerNotFoundType = "\"errorType\":\"" + LogText.RuntimeHandlerNotFound + "\"";
    private const string ImportModuleErrorType = "\"errorType\":\"" + LogText.RuntimeImportModuleError + "\"";

    public static FindingKind Classify(ReadOnlySpan<char> detail, string? responseBodyLine)
    {
        if (detail.Contains(LogText.PythonPackagePermissionDenied, StringComparison.Ordinal)
            || detail.Contains(LogText.NodePackagePermissionDenied, StringComparison.Ordinal))
        {
            return FindingKind.PackagePermissionDenied;
        }

        if (IsMissingHandler(detail)
            || detail.StartsWith(LogText.UnableToImportModule, StringComparison.Ordinal)
            || detail.Contains(LogText.RuntimeHandlerNotFound, StringComparison.Ordinal))
        {
            return FindingKind.HandlerNotFound;
        }

        // Node reports a missing handler only through the error type in the response body.
        if (responseBodyLine is not null
            && (responseBodyLine.Contains(HandlerNotFoundType, StringComparison.Ordinal)
                || responseBodyLine.Contains(ImportModuleErrorType, StringComparison.Ordinal)))
        {
            return FindingKind.HandlerNotFound;
        }

        return FindingKind.FunctionError;
    }

    // "Handler 'handler' missing on module 'index'"
    private static bool IsMissingHandler(ReadOnlySpan<char> detail) =>
        detail.StartsWith(LogText.HandlerMissingPrefix, StringComparison.Ordinal)
        && detail.Contains(LogText.HandlerMissingInfix, StringComparison.Ordinal);
}
