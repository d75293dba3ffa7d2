namespace Remediator.Core.Intake;

/// <summary>What an EventBridge event asks Remediator to audit.</summary>
public enum ControlPlaneEventKind
{
    /// <summary>A CloudTrail record of an API Gateway change (a deployment, a stage, an HTTP/WebSocket integration or route): audit that API and stage.</summary>
    Deployment,

    /// <summary>The scheduled sweep: audit every API and stage of the region, then send one digest.</summary>
    Schedule,
}
