namespace Remediator.Benchmarks.ColdStart;

/// <summary>What one process start measured, in milliseconds from <c>Process.Start</c>.</summary>
/// <param name="FirstPollMs">Until the first <c>GET .../invocation/next</c> reached the fake (init done); null if none came.</param>
/// <param name="FirstResultMs">Until the first post for the served invocation (or the init error) reached the fake.</param>
/// <param name="ResultKind"><c>response</c>, <c>error</c>, <c>init error</c>, or <c>none</c> when nothing came in time.</param>
/// <param name="CpuMs">CPU time the process had used when its first post arrived (all its live threads, user and
/// system; Linux only, else null). Steadier than wall time on a shared machine: waiting for a core is not in it.</param>
internal sealed record ColdStartSample(double? FirstPollMs, double? FirstResultMs, string ResultKind, double? CpuMs = null);
