namespace Remediator.Core.Audit;

/// <summary>
/// Lambda's quota on a function's resource-based policy: 20 KB per policy (the function's own, and each version's and
/// alias's), not adjustable. Lambda refuses a change past it with <c>PolicyLengthExceededException</c>, "The final
/// policy size (N) is bigger than the limit (20480)", counting the bytes of the policy document.
/// </summary>
public static class PolicyLimits
{
    /// <summary>The limit, in bytes of the policy document as GetPolicy returns it.</summary>
    public const int PolicySizeLimitBytes = 20480;

    /// <summary>The audit reports a policy larger than this: 80% of the limit.</summary>
    public const int ReportAboveBytes = PolicySizeLimitBytes * 4 / 5;
}
