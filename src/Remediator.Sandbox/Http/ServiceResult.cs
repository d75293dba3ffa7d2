namespace Remediator.Sandbox.Http;

/// <summary>What an operation produced: a response, or an AWS error the dispatcher renders per protocol.</summary>
internal sealed record ServiceResult(SandboxResponse? Response, ServiceError? Error)
{
    public static implicit operator ServiceResult(SandboxResponse response) => FromResponse(response);

    public static implicit operator ServiceResult(ServiceError error) => FromError(error);

    public static ServiceResult FromResponse(SandboxResponse response) => new(response, null);

    public static ServiceResult FromError(ServiceError error) => new(null, error);
}
