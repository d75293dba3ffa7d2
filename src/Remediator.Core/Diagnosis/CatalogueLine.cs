namespace Remediator.Core.Diagnosis;

/// <summary>One documented log-line shape and the kind it is diagnosed as (docs/ARCHITECTURE.md, "Failure catalogue").</summary>
/// <param name="Id">Stable name; test fixtures and the filter-pattern fixture lines refer to it.</param>
/// <param name="Log">Where API Gateway writes the line.</param>
/// <param name="Evidence">How the line is recognised, for people (Markdown; the README's catalogue quotes it).</param>
/// <param name="Kind">What the line means.</param>
public sealed record CatalogueLine(string Id, CatalogueLog Log, string Evidence, FindingKind Kind);
