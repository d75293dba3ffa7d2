using Remediator.Sandbox.ApiGateway;

namespace Remediator.Sandbox.Tests.ApiGateway;

public sealed class StagePatchTests
{
    private static readonly Stage Base = new() { StageName = "prod", DeploymentId = "d1", Variables = new Dictionary<string, string> { ["alias"] = "live" } };

    public static TheoryData<string, string, string?, string?> Rejected => new()
    {
        { "move", "/variables/alias", "x", "Invalid patch operation" },
        { "replace", "/stageName", "x", "Invalid patch path" },
        { "replace", "/deploymentId", "unknown", "Invalid deployment identifier" },
        { "replace", "/*/*/logging/loglevel", "DEBUG", "Invalid method setting" },
        { "replace", "/tracingEnabled", "yes", "Invalid patch path" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Apply_InvalidOperation_ReturnsBadRequest(string op, string path, string? value, string? messageStart)
    {
        var result = StagePatch.Apply(Base, [new PatchOperation { Op = op, Path = path, Value = value }], id => id == "d1");

        Assert.Null(result.Stage);
        Assert.Equal("BadRequestException", result.Error!.Code);
        Assert.StartsWith(messageStart!, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_EscapedVariableAndMethodSetting_UnescapesTilde1()
    {
        var result = StagePatch.Apply(
            Base,
            [
                new PatchOperation { Op = "replace", Path = "/~1pets~1{id}/GET/logging/loglevel", Value = "error" },
                new PatchOperation { Op = "replace", Path = "/description", Value = "d" },
                new PatchOperation { Op = "replace", Path = "/deploymentId", Value = "d1" },
            ],
            id => id == "d1");

        Assert.Equal("ERROR", result.Stage!.MethodSettings["~1pets~1{id}/GET"].LoggingLevel);
        Assert.Equal("d", result.Stage.Description);
    }

    [Fact]
    public void Apply_RemoveLastVariable_LeavesNoVariables()
    {
        var result = StagePatch.Apply(Base, [new PatchOperation { Op = "remove", Path = "/variables/alias" }], _ => true);

        Assert.Null(result.Stage!.Variables);
    }
}
