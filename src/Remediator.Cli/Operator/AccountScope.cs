using System.CommandLine;
using System.Text.RegularExpressions;

namespace Remediator.Cli.Operator;

/// <summary>
/// Where an account-wide command runs: <c>--accounts FILE|LIST</c> (twelve-digit ids, comma-separated, or a file with one
/// or more per line and <c>#</c> comments), <c>--role-name</c> (the role assumed in each) and <c>--regions</c> (comma-separated;
/// default the operator's own region). Each account × region is one target.
/// </summary>
internal sealed partial record AccountScope(IReadOnlyList<string> Accounts, string RoleName, IReadOnlyList<string>? Regions)
{
    /// <summary>The options, in the order commands list them.</summary>
    public sealed record Options(Option<string[]> Accounts, Option<string[]> RoleName, Option<string[]> Regions)
    {
        public static Options Create() => new(
            OperatorInput.Value("--accounts", "Run in these accounts: a file (one id per line, # comments) or a comma-separated list of 12-digit ids."),
            OperatorInput.Value("--role-name", "With --accounts: the IAM role (name, or path/name) to assume in each account."),
            OperatorInput.Value("--regions", "With --accounts: comma-separated regions (default: the current region)."));

        public IEnumerable<Option> All => [Accounts, RoleName, Regions];

        public Option<string[]>[] Values => [Accounts, RoleName, Regions];
    }

    /// <summary>The role to assume in <paramref name="accountId"/>, in <paramref name="partition"/>.</summary>
    public string RoleArn(string partition, string accountId) => $"arn:{partition}:iam::{accountId}:role/{RoleName}";

    /// <summary>
    /// The scope the command line asks for: null scope and null problem without <c>--accounts</c>; a problem for a bad
    /// id, file, role name or region, or for <c>--role-name</c>/<c>--regions</c> without <c>--accounts</c>.
    /// </summary>
    public static (AccountScope? Scope, string? Problem) Read(ParseResult parsed, Options options)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(options);
        string? accounts = OperatorInput.Single(parsed, options.Accounts);
        string? role = OperatorInput.Single(parsed, options.RoleName);
        string? regions = OperatorInput.Single(parsed, options.Regions);
        if (accounts is null)
        {
            return (null, role is not null ? "--role-name needs --accounts" : regions is not null ? "--regions needs --accounts" : null);
        }

        if (role is null)
        {
            return (null, "--accounts needs --role-name (the role to assume in each account)");
        }

        if (!RoleNamePattern().IsMatch(role))
        {
            return (null, $"--role-name \"{role}\" is not an IAM role name (1 to 64 of A-Z a-z 0-9 + = , . @ _ -, optionally after a path)");
        }

        (IReadOnlyList<string>? ids, string? problem) = Ids(accounts);
        if (problem is not null)
        {
            return (null, problem);
        }

        List<string>? regionList = null;
        if (regions is not null)
        {
            regionList = [.. regions.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];
            string? badRegion = regionList.FirstOrDefault(r => !Region().IsMatch(r));
            if (regionList.Count == 0 || badRegion is not null)
            {
                return (null, $"--regions: \"{badRegion ?? regions}\" is not a region");
            }

            if (regionList.Select(Core.Policy.AwsPartition.FromRegion).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                return (null, "--regions spans several partitions (aws, aws-cn, aws-us-gov): one set of credentials reaches one partition");
            }
        }

        return (new AccountScope(ids!, role, regionList), null);
    }

    /// <summary>The ids of a list or a file: a value that names an existing file is read as one.</summary>
    private static (IReadOnlyList<string>? Ids, string? Problem) Ids(string value)
    {
        IEnumerable<string> tokens;
        string source;
        if (File.Exists(value))
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(value);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return (null, $"--accounts: cannot read {value}: {ex.Message}");
            }

            tokens = lines.Select(line => line.Split('#')[0]).SelectMany(line => line.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            source = $" in {value}";
        }
        else
        {
            tokens = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            source = string.Empty;
        }

        List<string> ids = [.. tokens.Distinct(StringComparer.Ordinal)];
        if (ids.FirstOrDefault(id => !AccountId().IsMatch(id)) is { } bad)
        {
            return (null, $"--accounts: \"{bad}\"{source} is not a 12-digit account id (nor a file that exists)");
        }

        return ids.Count == 0 ? (null, $"--accounts names no account{source}") : (ids, null);
    }

    [GeneratedRegex(@"^\d{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountId();

    [GeneratedRegex(@"^(?:[\w+=,.@-]+/)*[\w+=,.@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleNamePattern();

    [GeneratedRegex(@"^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Region();
}
