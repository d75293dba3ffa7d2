using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Lambda;

/// <summary>Finds the function, version or alias a call addresses, the way Lambda resolves names, ARNs and qualifiers.</summary>
internal sealed class FunctionLocator(SandboxEnvironment env)
{
    /// <summary>The function and qualifier addressed; null when there is none (see <see cref="LocateError"/>).</summary>
    public LocatedFunction? Locate(string functionName, string? qualifier) => Find(functionName, qualifier).Located;

    /// <summary>Why <see cref="Locate"/> found nothing, as Lambda says it.</summary>
    public ServiceError LocateError(string functionName, string? qualifier) =>
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
        if (!inThisAccount || !env.Data.Functions.TryGetValue(name.Name, out var function))
        {
            return (null, LambdaErrors.FunctionNotFound(FunctionName.Qualified(arn, qualifier)));
        }

        var known = qualifier is null or "$LATEST" || function.Versions.ContainsKey(qualifier) || function.Aliases.ContainsKey(qualifier);
        return known
            ? (new LocatedFunction(function, qualifier), null)
            : (null, LambdaErrors.FunctionNotFound(FunctionName.Qualified(arn, qualifier)));
    }
}
