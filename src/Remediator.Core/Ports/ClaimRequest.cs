namespace Remediator.Core.Ports;

/// <summary>One invocation's attempt to take the lease on a root-cause key.</summary>
/// <param name="Key">The root-cause key (non-empty, at most 1024 characters).</param>
/// <param name="Holder">Who asks: unique per invocation (a retried invocation may reuse it to take back its lease).</param>
/// <param name="LeaseDuration">How long the lease lasts; cover the whole pass, settle time included.</param>
/// <param name="Occurrences">How many log events this sighting stands for; 0 for a claim that is no sighting (nothing counted, <c>lastSeen</c> kept).</param>
public sealed record ClaimRequest(string Key, string Holder, TimeSpan LeaseDuration, long Occurrences = 1);
