using Remediator.Core.Observability;
using Remediator.Core.Ports;

namespace Remediator.Core.Engine;

/// <summary>The ports the engine talks to, built once by the composition root (Lambda host or CLI).</summary>
public sealed record EngineDependencies
{
    /// <summary>Lambda: policies, permissions, configuration, aliases, tags.</summary>
    public required ILambdaClient Lambda { get; init; }

    /// <summary>API Gateway v1 (REST).</summary>
    public required IApiGatewayClient RestApis { get; init; }

    /// <summary>API Gateway v2 (HTTP, WebSocket).</summary>
    public required IApiGatewayV2Client V2Apis { get; init; }

    /// <summary>CloudWatch Logs, for a request's context lines.</summary>
    public required ICloudWatchLogsClient Logs { get; init; }

    /// <summary>The remediation ledger (claims, outcomes, hourly breaker).</summary>
    public required ILedger Ledger { get; init; }

    /// <summary>SNS; notifications are sent only when this and a topic ARN are set.</summary>
    public ISnsPublisher? Notifications { get; init; }

    /// <summary>IAM, to name the account by its alias in notifications; none when null.</summary>
    public IIamClient? Iam { get; init; }

    /// <summary>OpsCenter; tickets become OpsItems only when this is set (<c>REMEDIATOR_TICKETS=opscenter</c>).</summary>
    public IOpsCenterClient? OpsCenter { get; init; }

    /// <summary>Where outcome log lines and metric documents go; none when null.</summary>
    public ILogSink? LogSink { get; init; }

    /// <summary>The clock (settle delay, ledger time, notification times).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
