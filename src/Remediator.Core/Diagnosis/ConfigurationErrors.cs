namespace Remediator.Core.Diagnosis;

/// <summary>
/// Sorts the detail of an <c>Execution failed due to configuration error: </c> line by the documented texts
/// (docs/ARCHITECTURE.md, "Failure catalogue"). A new documented detail is one row here.
/// </summary>
internal static class ConfigurationErrors
{
    // Whole: the detail is the text, up to typography. Otherwise the detail starts with it (a value follows).
    private static readonly (string Text, bool Whole, ExecutionLineShape Shape)[] Rows =
    [
        (LogText.InvalidPermissionsDetail, true, ExecutionLineShape.InvalidPermissions),
        (LogText.AuthorizerErrorDetail, true, ExecutionLineShape.AuthorizerError),
        (LogText.MalformedProxyResponseDetail, true, ExecutionLineShape.MalformedProxyResponse),
        (LogText.RateExceededDetail, true, ExecutionLineShape.RateExceeded),
        (LogText.RoleNotAssumableDetail, false, ExecutionLineShape.RoleNotAssumable),
        (LogText.UnableToTransformRequestDetail, true, ExecutionLineShape.MappingTemplateFailure),
        (LogText.InvalidJsonInResponseDetail, false, ExecutionLineShape.AuthorizerResponseInvalid),
    ];

    /// <summary>The shape of the configuration error whose detail is <paramref name="detail"/>.</summary>
    public static ExecutionLineShape Classify(ReadOnlySpan<char> detail)
    {
        foreach ((string text, bool whole, ExecutionLineShape shape) in Rows)
        {
            if (whole ? Phrase.IsWhole(detail, text) : Phrase.StartsWith(detail, text) && detail.Length > text.Length)
            {
                return shape;
            }
        }

        return ExecutionLineShape.OtherConfigurationError;
    }
}
