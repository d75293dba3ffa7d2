namespace Remediator.Core.Diagnosis;

/// <summary>Bounds on what one finding carries, so a storm of 10,000 events still yields a small finding.</summary>
public static class DiagnosisLimits
{
    /// <summary>Request ids kept per finding (the first distinct ones seen).</summary>
    public const int MaxRequestIds = 10;

    /// <summary>Evidence lines kept per finding.</summary>
    public const int MaxEvidenceLines = 5;

    /// <summary>Characters kept of one evidence line; longer lines end with an ellipsis.</summary>
    public const int MaxEvidenceChars = 512;

    /// <summary>Characters kept of a logged path, route key or method.</summary>
    public const int MaxFieldChars = 1024;

    /// <summary>Longest request id accepted in a <c>(&lt;requestId&gt;) </c> prefix.</summary>
    public const int MaxRequestIdChars = 64;
}
