using Remediator.Sandbox.Http;

namespace Remediator.Sandbox.Lambda;

/// <summary>A function and the qualifier a call addresses (null for the unqualified ARN).</summary>
internal sealed record LocatedFunction(FunctionRecord Function, string? Qualifier)
{
    /// <summary>Key of the resource policy this call reads or writes; unqualified and <c>$LATEST</c> share one.</summary>
    public string PolicyKey => Qualifier ?? "$LATEST";

    /// <summary>The ARN the call addresses, qualified when it names a qualifier.</summary>
    public string Arn => FunctionName.Qualified(Function.Configuration.FunctionArn, Qualifier);
}

internal sealed partial class LambdaService
{
    private LocatedFunction? Locate(string functionName, string? qualifier) => Find(functionName, qualifier).Located;

    private ServiceError LocateError(string functionName, string? qualifier) =>
        Find(functionName, qualifier).Error ?? LambdaErrors.FunctionNotFound(functionName);

    /// <summary>Resolves a name or ARN plus an optional <c>Qualifier</c> parameter the way Lambda does.</summary>
    private (LocatedFunction? Located, ServiceError? Error) Find(string functionName, string? queryQualifier)
    {
        if (!FunctionName.TryParse(functionName, out var name))
        {
            return (null, LambdaErrors.Validation($"1 validation error detected: Value '{functionName}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern"));
        }

        if (name.Qualifier is not null && !string.IsNullOrEmpty(queryQualifier) && name.Qualifier != queryQualifier)
        {
            return (null, LambdaErrors.InvalidParameter("The derived qualifier from the function name does not match the specified qualifier."));
        }

        var qualifier = string.IsNullOrEmpty(queryQualifier) ? name.Qualifier : queryQualifier;
        var arn = FunctionName.Arn(name.Region ?? env.Region, name.AccountId ?? env.AccountId, name.Name);
        var inThisAccount = (name.AccountId ?? env.AccountId) == env.AccountId && (name.Region ?? env.Region) == env.Region;
        if (!inThisAccount || !Data.Functions.TryGetValue(name.Name, out var function))
        {
            return (null, LambdaErrors.FunctionNotFound(FunctionName.Qualified(arn, qualifier)));
        }

        var known = qualifier is null or "$LATEST" || function.Versions.ContainsKey(qualifier) || function.Aliases.ContainsKey(qualifier);
        return known
            ? (new LocatedFunction(function, qualifier), null)
            : (null, LambdaErrors.FunctionNotFound(FunctionName.Qualified(arn, qualifier)));
    }

    /// <summary>The configuration a qualifier shows: an alias shows its version's configuration under the alias ARN.</summary>
    private static FunctionConfiguration ConfigurationOf(LocatedFunction located)
    {
        var function = located.Function;
        return located.Qualifier switch
        {
            null or "$LATEST" => function.Configuration,
            var version when function.Versions.TryGetValue(version, out var published) => published,
            var alias => VersionConfiguration(function, function.Aliases[alias].FunctionVersion) with { FunctionArn = located.Arn },
        };
    }

    private static FunctionConfiguration VersionConfiguration(FunctionRecord function, string version) =>
        function.Versions.TryGetValue(version, out var published) ? published : function.Configuration;

    /// <summary>The revision a policy change on this qualifier is conditional on.</summary>
    private static string CurrentRevision(LocatedFunction located)
    {
        var function = located.Function;
        return located.Qualifier switch
        {
            null or "$LATEST" => function.Configuration.RevisionId,
            var version when function.Versions.TryGetValue(version, out var published) => published.RevisionId,
            var alias => function.Aliases[alias].RevisionId,
        };
    }

    /// <summary>Gives the addressed function, version or alias a new revision id (every policy change does).</summary>
    private string NewRevision(LocatedFunction located)
    {
        var function = located.Function;
        var revision = env.Ids.Guid();
        switch (located.Qualifier)
        {
            case null or "$LATEST":
                function.Configuration = function.Configuration with { RevisionId = revision };
                break;
            case var version when function.Versions.TryGetValue(version, out var published):
                function.Versions[version] = published with { RevisionId = revision };
                break;
            case var alias:
                function.Aliases[alias] = function.Aliases[alias] with { RevisionId = revision };
                break;
        }

        return revision;
    }
}
