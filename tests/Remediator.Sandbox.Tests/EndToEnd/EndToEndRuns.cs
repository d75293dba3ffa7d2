using Remediator.Core.Engine;

namespace Remediator.Sandbox.Tests.EndToEnd;

/// <summary>Hands the delivered subscription payloads to an engine, one invocation each, as Lambda would.</summary>
internal static class EndToEndRuns
{
    public static async Task<IReadOnlyList<EngineOutcome>> RemediateAsync(SandboxAccount account, RemediationEngine engine)
    {
        var outcomes = new List<EngineOutcome>();
        int invocation = 0;
        foreach (string payload in account.TakePayloads())
        {
            EngineResult result = await engine.ProcessAsync(payload, $"invocation-{++invocation}", CancellationToken.None);
            Assert.Null(result.IntakeError);
            Assert.Equal(result.EventsRead, result.Dispositions.Total);
            outcomes.AddRange(result.Outcomes);
        }

        return outcomes;
    }
}
