namespace Remediator.Core.Verification;

/// <summary>Which of API Gateway's logs a batch claims to be, told by its log group as the diagnosis tells it.</summary>
public enum LogSourceKind
{
    /// <summary>REST and WebSocket execution logs, <c>API-Gateway-Execution-Logs_{apiId}/{stage}</c>.</summary>
    ExecutionLog,

    /// <summary>Access logs, in the log group the stage names as its destination.</summary>
    AccessLog,
}
