using System.Globalization;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Lambda;

/// <summary>PublishVersion: a numbered snapshot of <c>$LATEST</c>, with its own (empty) resource policy.</summary>
// AWS behaviour (Lambda API reference, PublishVersion): RevisionId and CodeSha256 are preconditions on $LATEST,
// checked in that order, and nothing is published when code and configuration are unchanged since the last
// version: that version is returned instead.
internal sealed class LambdaVersions(SandboxEnvironment env)
{
    private const AwsProtocol Protocol = AwsProtocol.RestJson;

    private readonly FunctionLocator _functions = new(env);

    public ServiceResult PublishVersion(ServiceCall call, SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.PublishVersionRequest, out var input, out var error))
        {
            return LambdaErrors.BadContent(error);
        }

        if (_functions.Locate(call["FunctionName"], null) is not { Qualifier: null } located)
        {
            return _functions.LocateError(call["FunctionName"], null);
        }

        var function = located.Function;
        var latest = function.Configuration;
        if (input.RevisionId is not null && input.RevisionId != latest.RevisionId)
        {
            return LambdaErrors.RevisionMismatch();
        }

        if (input.CodeSha256 is not null && input.CodeSha256 != latest.CodeSha256)
        {
            return LambdaErrors.InvalidParameter(
                $"CodeSHA256 ({input.CodeSha256}) is different from current CodeSHA256 in $LATEST ({latest.CodeSha256}). Please try again with the CodeSHA256 in $LATEST.");
        }

        var published = LastPublished(function) is { } last && Unchanged(last, latest)
            ? last
            : Publish(env, function, input.Description);
        return Reply.Json(Protocol, published, SandboxJson.Context.FunctionConfiguration, 201);
    }

    /// <summary>Stores the next version of <paramref name="function"/> (1 for the first) and returns it.</summary>
    public static FunctionConfiguration Publish(SandboxEnvironment env, FunctionRecord function, string? description)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(function);
        var number = (function.Versions.Count == 0 ? 0 : function.Versions.Keys.Max(int.Parse)) + 1;
        var version = number.ToString(CultureInfo.InvariantCulture);
        var latest = function.Configuration;
        var configuration = latest with
        {
            Version = version,
            FunctionArn = FunctionName.Qualified(latest.FunctionArn, version),
            Description = description ?? latest.Description,
            RevisionId = env.Ids.Guid(),
        };
        function.Versions[version] = configuration;
        return configuration;
    }

    private static FunctionConfiguration? LastPublished(FunctionRecord function) =>
        function.Versions.Count == 0 ? null : function.Versions[function.Versions.Keys.MaxBy(int.Parse)!];

    // Code and configuration as $LATEST has them; the version's own number, ARN, revision and description aside.
    private static bool Unchanged(FunctionConfiguration published, FunctionConfiguration latest) =>
        published with { Version = latest.Version, FunctionArn = latest.FunctionArn, RevisionId = latest.RevisionId, Description = latest.Description } == latest;
}
