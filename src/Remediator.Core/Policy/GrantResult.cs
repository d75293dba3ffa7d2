using System.Diagnostics.CodeAnalysis;

namespace Remediator.Core.Policy;

/// <summary>A grant that passed every safety rule, or the rules it broke.</summary>
public sealed record GrantResult
{
    private GrantResult(PermissionGrant? grant, IReadOnlyList<GrantRefusal> refusals)
    {
        Grant = grant;
        Refusals = refusals;
    }

    public PermissionGrant? Grant { get; }

    public IReadOnlyList<GrantRefusal> Refusals { get; }

    [MemberNotNullWhen(true, nameof(Grant))]
    public bool IsSuccess => Grant is not null;

    internal static GrantResult Granted(PermissionGrant grant) => new(grant, []);

    internal static GrantResult Refused(IReadOnlyList<GrantRefusal> refusals) => new(null, refusals);
}
