using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Remediator.Sandbox.Accounts;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Sts;

/// <summary>
/// STS (query protocol, <c>2011-06-15</c>): <c>GetCallerIdentity</c> names whoever signed the call (an account's root or
/// a role session), and <c>AssumeRole</c> issues temporary keys that act in the role's account. The sandbox does not
/// evaluate trust policies: any caller may assume a role its account lists (<see cref="SandboxAccountOptions.Roles"/>);
/// a role it does not list, or an account it does not serve, is refused as AWS refuses an untrusted caller.
/// </summary>
internal sealed partial class StsService(SandboxEnvironment env, SandboxAccounts accounts) : IAwsService
{
    /// <summary>A role's maximum session duration unless configured otherwise (AWS's default, one hour).</summary>
    private const int MaxSessionSeconds = 3600;

    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public string SigningName => "sts";

    public string Name => "sts";

    public AwsProtocol Protocol => AwsProtocol.Query;

    public string? XmlNamespace => "https://sts.amazonaws.com/doc/2011-06-15/";

    public ServiceCall? Resolve(SandboxRequest request)
    {
        var action = FormBody.Action(request);
        return action is "GetCallerIdentity" or "AssumeRole" ? new ServiceCall(Name, action, new Dictionary<string, string>()) : null;
    }

    public ServiceResult Execute(ServiceCall call, SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(request);
        var caller = request.Caller ?? SandboxCaller.Root(env.AccountId);
        return call.Operation == "AssumeRole" ? AssumeRole(FormBody.Parse(request), caller, request.RequestId) : Identity(caller, request.RequestId);
    }

    private ServiceResult Identity(SandboxCaller caller, string requestId) =>
        Reply.QueryResult(
            XmlNamespace!,
            "GetCallerIdentity",
            [new XElement("UserId", caller.UserId), new XElement("Account", caller.AccountId), new XElement("Arn", caller.Arn)],
            requestId);

    private ServiceResult AssumeRole(IReadOnlyList<KeyValuePair<string, string>> form, SandboxCaller caller, string requestId)
    {
        var roleArn = FormBody.Value(form, "RoleArn");
        var session = FormBody.Value(form, "RoleSessionName");
        var durationText = FormBody.Value(form, "DurationSeconds");
        if (roleArn is null || roleArn.Length < 20 || RoleArn().Match(roleArn) is not { Success: true } arn)
        {
            return Invalid($"Value '{roleArn}' at 'roleArn' failed to satisfy constraint: Member must be a valid role ARN");
        }

        if (session is null || !SessionName().IsMatch(session))
        {
            return Invalid($"Value '{session}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64");
        }

        var duration = 3600;
        if (durationText is not null && (!int.TryParse(durationText, NumberStyles.None, CultureInfo.InvariantCulture, out duration) || duration < 900))
        {
            return Invalid($"Value '{durationText}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900");
        }

        if (duration > MaxSessionSeconds)
        {
            return Invalid("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }

        var accountId = arn.Groups["account"].Value;
        var roleName = arn.Groups["name"].Value;
        var target = accounts.Find(accountId);
        if (arn.Groups["partition"].Value != "aws" || target is null || !target.Roles.Contains(roleName))
        {
            return new ServiceError(403, "AccessDenied", $"User: {caller.Arn} is not authorized to perform: sts:AssumeRole on resource: {roleArn}");
        }

        var roleId = "AROA" + Derived(roleArn, 17);
        var assumed = new SandboxCaller(accountId, $"arn:aws:sts::{accountId}:assumed-role/{roleName}/{session}", $"{roleId}:{session}");
        var accessKeyId = "ASIA" + env.Ids.FromAlphabet(Upper, 16);
        var secret = env.Ids.FromAlphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40);
        var token = "FwoGZXIvYXdzE" + env.Ids.FromAlphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 200);
        var expiration = env.NowSeconds.AddSeconds(duration);
        accounts.Credentials.AddSession(accessKeyId, secret, token, assumed, expiration);
        return Reply.QueryResult(
            XmlNamespace!,
            "AssumeRole",
            [
                new XElement(
                    "Credentials",
                    new XElement("AccessKeyId", accessKeyId),
                    new XElement("SecretAccessKey", secret),
                    new XElement("SessionToken", token),
                    new XElement("Expiration", expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))),
                new XElement("AssumedRoleUser", new XElement("AssumedRoleId", assumed.UserId), new XElement("Arn", assumed.Arn)),
            ],
            requestId);
    }

    private static ServiceError Invalid(string message) => new(400, "ValidationError", message);

    /// <summary>A stable id for a role (AWS's role ids do not change while the role exists).</summary>
    private static string Derived(string roleArn, int length)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(roleArn));
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Upper[hash[i] % Upper.Length];
        }

        return new string(chars);
    }

    [GeneratedRegex(@"^arn:(?<partition>aws|aws-cn|aws-us-gov):iam::(?<account>\d{12}):role/(?:[\x21-\x7E]*/)?(?<name>[\w+=,.@-]{1,64})$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArn();

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex SessionName();
}
