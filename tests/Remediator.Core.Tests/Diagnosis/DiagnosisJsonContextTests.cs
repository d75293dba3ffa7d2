using System.Text.Json;
using Remediator.Core.Diagnosis;
using Remediator.Core.Tests.Support;

namespace Remediator.Core.Tests.Diagnosis;

public class DiagnosisJsonContextTests
{
    [Fact]
    public void Serialize_Finding_WritesCamelCaseFieldsAndEnumNames()
    {
        Finding finding = Assert.Single(Diagnoser.Diagnose(Fixtures.Message("websocket-missing-permission-info.json")).Findings);

        using JsonDocument json = JsonDocument.Parse(JsonSerializer.Serialize(finding, DiagnosisJsonContext.Default.Finding));

        JsonElement root = json.RootElement;
        Assert.Equal(
            ["kind", "apiType", "apiId", "stage", "httpMethod", "resourcePath", "routeKey", "functionArn", "requestIds",
             "occurrences", "firstTimestamp", "lastTimestamp", "evidence", "fingerprint"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("MissingInvokePermission", root.GetProperty("kind").GetString());
        Assert.Equal("WEBSOCKET", root.GetProperty("apiType").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("httpMethod").ValueKind);
        Assert.Equal("$connect", root.GetProperty("routeKey").GetString());
        Assert.Equal(finding.Fingerprint, root.GetProperty("fingerprint").GetString());
        Assert.Equal(finding.FirstTimestamp, root.GetProperty("firstTimestamp").GetDateTimeOffset());
    }

    [Theory]
    [InlineData(ApiType.Rest, "\"REST\"")]
    [InlineData(ApiType.Http, "\"HTTP\"")]
    [InlineData(ApiType.WebSocket, "\"WEBSOCKET\"")]
    [InlineData(ApiType.Unknown, "\"UNKNOWN\"")]
    public void Serialize_ApiType_UsesUpperCaseNames(ApiType type, string json)
    {
        Finding finding = new(FindingKind.Unrecognized, type, null, null, null, null, null, null, [], 1,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []);

        Assert.Contains("\"apiType\":" + json, JsonSerializer.Serialize(finding, DiagnosisJsonContext.Default.Finding), StringComparison.Ordinal);
    }
}
