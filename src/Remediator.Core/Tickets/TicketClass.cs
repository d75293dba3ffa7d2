using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;

namespace Remediator.Core.Tickets;

/// <summary>An OpsItem's severity, category and title phrase, by what failed (docs/ARCHITECTURE.md, "Tickets").</summary>
/// <param name="Severity"><c>2</c> (high) when API Gateway cannot reach the function at all; <c>3</c> (medium) when the function itself fails or the failure is unrecognised.</param>
/// <param name="Category"><c>Security</c> when the fix is a trust decision or the logs contradict the control plane; else <c>Availability</c>.</param>
/// <param name="Phrase">What is wrong, for the title.</param>
public sealed record TicketClass(string Severity, string Category, string Phrase)
{
    /// <summary>The class of an outcome of <paramref name="reason"/> about a finding of <paramref name="kind"/>.</summary>
    public static TicketClass Of(OutcomeReason reason, FindingKind? kind)
    {
        string severity = kind is FindingKind.MissingInvokePermission or FindingKind.AuthorizerInvokePermission ? "2" : "3";
        string category = reason is OutcomeReason.OwnershipUnproven or OutcomeReason.LogControlPlaneMismatch or OutcomeReason.ExplicitDeny or OutcomeReason.WriteDenied
            ? "Security"
            : "Availability";
        string phrase = reason switch
        {
            OutcomeReason.RoleBasedIntegration => "The integration's role may not invoke",
            OutcomeReason.CrossAccountFunction => "API Gateway may not invoke another account's function",
            OutcomeReason.FunctionNotFound => "The integration names a missing function",
            OutcomeReason.AliasNotFound => "The integration names a missing alias",
            OutcomeReason.ExplicitDeny => "The function policy denies API Gateway",
            OutcomeReason.LogControlPlaneMismatch => "The logs and the control plane disagree about",
            OutcomeReason.ProxyResponse => "Malformed proxy response from",
            OutcomeReason.PackagePermissions => "Unreadable deployment package of",
            OutcomeReason.Handler => "Handler not found in",
            OutcomeReason.FunctionError => "Function error in",
            OutcomeReason.UnrecognizedFailure => "Unrecognised 5xx reaching",
            OutcomeReason.FunctionThrottled => "Lambda throttles",
            OutcomeReason.IntegrationTimeout => "Integration timeout reaching",
            OutcomeReason.RoleTrust => "API Gateway cannot assume the role to reach",
            OutcomeReason.IntegrationConfiguration => "Mapping template or authorizer answer fails before",
            OutcomeReason.Unresolvable => "Unresolved failure reaching",
            _ => "API Gateway may not invoke",
        };
        return new TicketClass(severity, category, phrase);
    }
}
