using System.Xml.Linq;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Sts;

/// <summary>STS (query protocol, <c>2011-06-15</c>): GetCallerIdentity for the account's root.</summary>
internal sealed class StsService(SandboxEnvironment env) : IAwsService
{
    public string SigningName => "sts";

    public string Name => "sts";

    public AwsProtocol Protocol => AwsProtocol.Query;

    public string? XmlNamespace => "https://sts.amazonaws.com/doc/2011-06-15/";

    public ServiceCall? Resolve(SandboxRequest request) =>
        FormBody.Action(request) == "GetCallerIdentity" ? new ServiceCall(Name, "GetCallerIdentity", new Dictionary<string, string>()) : null;

    public ServiceResult Execute(ServiceCall call, SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Reply.QueryResult(
            XmlNamespace!,
            "GetCallerIdentity",
            [
                new XElement("UserId", env.AccountId),
                new XElement("Account", env.AccountId),
                new XElement("Arn", $"arn:aws:iam::{env.AccountId}:root"),
            ],
            request.RequestId);
    }
}
