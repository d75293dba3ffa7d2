namespace Remediator.Core.Ports;

/// <summary>A new OpsItem; the text is already cleaned and within OpsCenter's bounds.</summary>
/// <param name="Title">Title (1-1024 characters).</param>
/// <param name="Description">Description (Markdown, 1-2048 characters).</param>
/// <param name="Source">Origin; must not start with aws, amazon or amzn.</param>
/// <param name="Severity"><c>1</c> (critical) to <c>4</c> (low).</param>
/// <param name="Category"><c>Availability</c>, <c>Cost</c>, <c>Performance</c>, <c>Recovery</c> or <c>Security</c>.</param>
/// <param name="DedupString">Written to <c>/aws/dedup</c>: while an OpsItem with it is Open or InProgress, OpsCenter opens no other.</param>
/// <param name="ResourceArns">Written to <c>/aws/resources</c> (at most 100).</param>
/// <param name="OperationalData">Remediator's own operational data (keys must not start with aws, amazon, amzn or ssm).</param>
public sealed record OpsItemDraft(
    string Title,
    string Description,
    string Source,
    string Severity,
    string Category,
    string DedupString,
    IReadOnlyList<string> ResourceArns,
    IReadOnlyDictionary<string, OpsItemData> OperationalData);
