using System.Text;
using System.Text.Json.Nodes;
using Remediator.Core.Intake;

namespace Remediator.Core.Tests.Intake;

public class EventBridgeEventReaderTests
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "events", name));

    private static Result<ControlPlaneEvent, IntakeError> ReadEdited(string name, Action<JsonNode> edit)
    {
        JsonNode node = JsonNode.Parse(Fixture(name))!;
        edit(node);
        return EventBridgeEventReader.Read(Encoding.UTF8.GetBytes(node.ToJsonString()));
    }

    [Theory]
    [InlineData("rest-create-deployment.json", "CreateDeployment", null)]
    [InlineData("rest-create-deployment-stage.json", "CreateDeployment", "prod")]
    [InlineData("rest-update-stage.json", "UpdateStage", "prod")]
    [InlineData("v2-create-stage.json", "CreateStage", "live")]
    [InlineData("v2-create-integration.json", "CreateIntegration", null)]
    public void Read_CloudTrailRecordOfAnApiGatewayChange_ScopesTheAuditToItsApiAndStage(string fixture, string eventName, string? stage)
    {
        Result<ControlPlaneEvent, IntakeError> read = EventBridgeEventReader.Read(Fixture(fixture));

        Assert.True(read.IsSuccess, read.IsSuccess ? null : read.Error.ToString());
        Assert.Equal((ControlPlaneEventKind.Deployment, eventName, "a1b2c3d4e5", stage, "123456789012", "us-east-1"),
            (read.Value.Kind, read.Value.EventName, read.Value.ApiId, read.Value.Stage, read.Value.Account, read.Value.Region));
        Assert.Null(read.Value.ErrorCode);
    }

    [Fact]
    public void Read_Schedule_IsTheSweep()
    {
        Result<ControlPlaneEvent, IntakeError> read = EventBridgeEventReader.Read(Fixture("schedule.json"));

        Assert.True(read.IsSuccess);
        Assert.Equal((ControlPlaneEventKind.Schedule, null, null), (read.Value.Kind, read.Value.ApiId, read.Value.Stage));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 18, 0, 0, TimeSpan.Zero), read.Value.Time);
    }

    [Fact]
    public void Read_FailedCall_CarriesItsErrorCode()
    {
        Result<ControlPlaneEvent, IntakeError> read = ReadEdited("rest-update-stage.json", node => node["detail"]!["errorCode"] = "NotFoundException");

        Assert.True(read.IsSuccess);
        Assert.Equal("NotFoundException", read.Value.ErrorCode);
    }

    [Fact]
    public void Read_UserIdentity_IsCleanedForPeople()
    {
        Result<ControlPlaneEvent, IntakeError> read = ReadEdited("rest-update-stage.json", node => node["detail"]!["userIdentity"]!["arn"] = "arn:aws:iam::123456789012:user/x\u202Eevil\nSubject: hi");

        Assert.True(read.IsSuccess);
        Assert.DoesNotContain('\n', read.Value.Actor!);
        Assert.DoesNotContain('\u202E', read.Value.Actor!);
    }

    [Theory]
    [InlineData("rest-update-stage.json", "PutIntegration", false)]
    [InlineData("rest-update-stage.json", "UpdateIntegration", false)]
    [InlineData("rest-update-stage.json", "DeleteStage", false)]
    [InlineData("rest-update-stage.json", "CreateDeployment", true)]
    [InlineData("v2-create-stage.json", "UpdateIntegration", true)]
    [InlineData("v2-create-stage.json", "UpdateRoute", true)]
    [InlineData("v2-create-stage.json", "DeleteRoute", false)]
    public void Read_CallName_SaysWhetherItChangesWhatStagesServe(string fixture, string eventName, bool changes)
    {
        Result<ControlPlaneEvent, IntakeError> read = ReadEdited(fixture, node => node["detail"]!["eventName"] = eventName);

        Assert.True(read.IsSuccess);
        Assert.Equal(changes, read.Value.ChangesWhatStagesServe);
    }

    public static TheoryData<string, Action<JsonNode>, IntakeErrorCode> Refused() => new()
    {
        { "rest-update-stage.json", n => n["detail-type"] = "EC2 Instance State-change Notification", IntakeErrorCode.InvalidValue },
        { "rest-update-stage.json", n => n["source"] = "aws.lambda", IntakeErrorCode.InvalidValue },
        { "rest-update-stage.json", n => n["detail"]!["eventSource"] = "lambda.amazonaws.com", IntakeErrorCode.MissingField },
        { "rest-update-stage.json", n => n["detail"]!["requestParameters"]!["restApiId"] = "a1b2*", IntakeErrorCode.InvalidValue },
        { "rest-update-stage.json", n => n["detail"]!["requestParameters"]!["stageName"] = "prod/../x", IntakeErrorCode.InvalidValue },
        { "rest-update-stage.json", n => n["detail"]!["requestParameters"]!["apiId"] = "b1", IntakeErrorCode.MissingField },
        { "rest-update-stage.json", n => n["detail"]!.AsObject().Remove("requestParameters"), IntakeErrorCode.MissingField },
        { "rest-update-stage.json", n => n["account"] = "12345", IntakeErrorCode.InvalidValue },
        { "rest-update-stage.json", n => n["region"] = "us east", IntakeErrorCode.InvalidValue },
        { "rest-update-stage.json", n => n["time"] = "yesterday", IntakeErrorCode.InvalidValue },
        { "schedule.json", n => n.AsObject().Remove("id"), IntakeErrorCode.MissingField },
        { "schedule.json", n => n["source"] = "aws.apigateway", IntakeErrorCode.InvalidValue },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Read_EventOutsideWhatTheRulesDeliver_IsATypedRefusal(string fixture, Action<JsonNode> edit, IntakeErrorCode code)
    {
        Result<ControlPlaneEvent, IntakeError> read = ReadEdited(fixture, edit);

        Assert.False(read.IsSuccess);
        Assert.Equal(code, read.Error.Code);
    }

    [Theory]
    [InlineData("{\"detail-type\":")]
    [InlineData("{\"detail-type\":\"Scheduled Event\",\"detail-type\":1}")]
    [InlineData("[\"detail-type\"]")]
    public void Read_BrokenJson_IsATypedRefusal(string payload)
    {
        Assert.False(EventBridgeEventReader.Read(Encoding.UTF8.GetBytes(payload)).IsSuccess);
    }

    [Theory]
    [InlineData("{\"awslogs\":{\"data\":\"x\"}}", false)]
    [InlineData("{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[{\"message\":\"\\\"detail-type\\\"\"}]}", false)]
    [InlineData("{\"version\":\"0\",\"detail-type\":\"Scheduled Event\"}", true)]
    [InlineData("not json", false)]
    public void IsEventBridgeEvent_LooksAtTopLevelKeysOnly(string payload, bool expected)
    {
        Assert.Equal(expected, EventBridgeEventReader.IsEventBridgeEvent(Encoding.UTF8.GetBytes(payload)));
    }
}
