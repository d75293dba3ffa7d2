using System.Text.RegularExpressions;
using System.Xml.Linq;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Iam;

/// <summary>
/// IAM (query protocol, <c>2010-05-08</c>), the account alias only: ListAccountAliases, CreateAccountAlias (an account
/// has at most one alias; a new one replaces it) and DeleteAccountAlias. IAM is global: clients sign for the
/// partition's region (us-east-1), whatever region the sandbox serves.
/// </summary>
internal sealed partial class IamService(SandboxEnvironment env) : IAwsService
{
    private static readonly string[] Operations = ["ListAccountAliases", "CreateAccountAlias", "DeleteAccountAlias"];

    public string SigningName => "iam";

    public string Name => "iam";

    public AwsProtocol Protocol => AwsProtocol.Query;

    public string? XmlNamespace => "https://iam.amazonaws.com/doc/2010-05-08/";

    public ServiceCall? Resolve(SandboxRequest request) =>
        FormBody.Action(request) is { } action && Operations.Contains(action)
            ? new ServiceCall(Name, action, new Dictionary<string, string>())
            : null;

    public ServiceResult Execute(ServiceCall call, SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(request);
        var form = FormBody.Parse(request);
        var aliases = env.Data.AccountAliases;
        switch (call.Operation)
        {
            case "ListAccountAliases":
                return Reply.QueryResult(
                    XmlNamespace!,
                    call.Operation,
                    [new XElement("IsTruncated", "false"), new XElement("AccountAliases", aliases.Select(a => new XElement("member", a)))],
                    request.RequestId);
            case "CreateAccountAlias":
                var alias = FormBody.Value(form, "AccountAlias");
                if (Invalid(alias) is { } invalid)
                {
                    return invalid;
                }

                // "Your AWS account can have only one alias": a new one replaces the old.
                aliases.Clear();
                aliases.Add(alias!);
                return Reply.QueryResult(XmlNamespace!, call.Operation, [], request.RequestId);
            default:
                var deleted = FormBody.Value(form, "AccountAlias");
                if (Invalid(deleted) is { } bad)
                {
                    return bad;
                }

                if (!aliases.Remove(deleted!))
                {
                    return new ServiceError(404, "NoSuchEntity", $"The account alias {deleted} cannot be found.");
                }

                return Reply.QueryResult(XmlNamespace!, call.Operation, [], request.RequestId);
        }
    }

    private static ServiceError? Invalid(string? alias) =>
        alias is null
            ? new ServiceError(400, "ValidationError", "1 validation error detected: Value null at 'accountAlias' failed to satisfy constraint: Member must not be null")
            : AliasPattern().IsMatch(alias)
                ? null
                : new ServiceError(400, "ValidationError", $"1 validation error detected: Value '{alias}' at 'accountAlias' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z0-9]([a-z0-9]|-(?!-)){{1,61}}[a-z0-9]$");

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9]$")]
    private static partial Regex AliasPattern();
}
