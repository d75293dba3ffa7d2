using System.Text.Json;
using Remediator.Sandbox.Scenarios;

namespace Remediator.Sandbox.Tests.Scenarios;

public class StageVariableOutageTests
{
    [Fact]
    public async Task CallApiAsync_FunctionNamedByStageVariableLacksPermission_Answers500AndDeliversTheExecutionLog()
    {
        await using StageVariableOutage outage = await StageVariableOutage.StartAsync(CancellationToken.None);
        await outage.CreateFunctionAsync("pets-prod", CancellationToken.None);
        string apiId = await outage.CreateApiAsync("pets-prod", CancellationToken.None);

        (int status, _) = await outage.CallApiAsync(apiId, "/pets/42", CancellationToken.None);

        Assert.Equal(500, status);
        Assert.Single(outage.DeliveredPayloads);
        JsonElement delivery = Assert.Single(outage.State().GetProperty("subscriptionDeliveries").EnumerateArray());
        Assert.Equal($"API-Gateway-Execution-Logs_{apiId}/{StageVariableOutage.Stage}", delivery.GetProperty("logGroup").GetString());
        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:${stageVariables.petsFunction}", outage.IntegrationFunction);
    }

    [Fact]
    public async Task CreateTopicAsync_NewTopic_ReturnsItsArn()
    {
        await using StageVariableOutage outage = await StageVariableOutage.StartAsync(CancellationToken.None);

        string arn = await outage.CreateTopicAsync("remediator", CancellationToken.None);

        Assert.Equal("arn:aws:sns:us-east-1:000000000000:remediator", arn);
    }
}
