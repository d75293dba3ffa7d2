namespace Remediator.Sandbox.Lambda;

/// <summary>A function and the qualifier a call addresses (null for the unqualified ARN).</summary>
internal sealed record LocatedFunction(FunctionRecord Function, string? Qualifier)
{
    /// <summary>Key of the resource policy this call reads or writes; unqualified and <c>$LATEST</c> share one.</summary>
    public string PolicyKey => Qualifier ?? "$LATEST";

    /// <summary>The ARN the call addresses, qualified when it names a qualifier.</summary>
    public string Arn => FunctionName.Qualified(Function.Configuration.FunctionArn, Qualifier);

    /// <summary>The configuration the qualifier shows: an alias shows its version's configuration under the alias ARN.</summary>
    public FunctionConfiguration Configuration => Qualifier switch
    {
        null or "$LATEST" => Function.Configuration,
        var version when Function.Versions.TryGetValue(version, out var published) => published,
        var alias => VersionConfiguration(Function, Function.Aliases[alias].FunctionVersion) with { FunctionArn = Arn },
    };

    /// <summary>The revision a policy change on this qualifier is conditional on.</summary>
    public string CurrentRevision => Qualifier switch
    {
        null or "$LATEST" => Function.Configuration.RevisionId,
        var version when Function.Versions.TryGetValue(version, out var published) => published.RevisionId,
        var alias => Function.Aliases[alias].RevisionId,
    };

    private static FunctionConfiguration VersionConfiguration(FunctionRecord function, string version) =>
        function.Versions.TryGetValue(version, out var published) ? published : function.Configuration;
}
