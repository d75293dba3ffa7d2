namespace Remediator.Core.Diagnosis;

/// <summary>Which log a catalogued line is read from.</summary>
public enum CatalogueLog
{
    /// <summary>REST and WebSocket execution logs (<c>API-Gateway-Execution-Logs_{apiId}/{stage}</c>), after the request-id prefix.</summary>
    ExecutionLog,

    /// <summary>HTTP API access logs, in a field of the recommended JSON format or at the end of a Common Log Format line.</summary>
    AccessLog,
}
