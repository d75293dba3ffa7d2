using Remediator.Core.Diagnosis;
using Remediator.Core.Tests.Support;

namespace Remediator.Core.Tests.Diagnosis;

/// <summary>One realistic batch per catalogued message and API type (docs/ARCHITECTURE.md, "Failure catalogue").</summary>
public class DiagnoserCatalogueTests
{
    private const string Rest = "a1b2c3d4e5";
    private const string Http = "h7g6f5e4d3";
    private const string Functions = "arn:aws:lambda:us-east-1:123456789012:function:";

    public static TheoryData<string, FindingKind, ApiType, string?, string?, string?, string?, string?, string?, int> Catalogue => new()
    {
        // fixture, kind, api type, api id, stage, method, path, route key, function hint, occurrences
        { "rest-missing-permission-info.json", FindingKind.MissingInvokePermission, ApiType.Rest, Rest, "prod", "GET", "/pets/42", null, Functions + "pets-handler:prod", 1 },
        { "rest-missing-permission-error.json", FindingKind.MissingInvokePermission, ApiType.Unknown, Rest, "prod", null, null, null, null, 3 },
        { "rest-authorizer-permission-info.json", FindingKind.AuthorizerInvokePermission, ApiType.Unknown, Rest, "prod", null, null, null, Functions + "token-authorizer", 1 },
        { "rest-authorizer-permission-error.json", FindingKind.AuthorizerInvokePermission, ApiType.Unknown, Rest, "prod", null, null, null, null, 1 },
        { "rest-malformed-proxy-response.json", FindingKind.MalformedProxyResponse, ApiType.Rest, Rest, "prod", "POST", "/orders", null, Functions + "orders-handler", 1 },
        { "rest-package-permission-denied.json", FindingKind.PackagePermissionDenied, ApiType.Rest, Rest, "prod", "GET", "/reports", null, Functions + "reports-handler", 1 },
        { "rest-handler-missing-on-module.json", FindingKind.HandlerNotFound, ApiType.Rest, Rest, "prod", "GET", "/reports", null, Functions + "reports-handler", 1 },
        { "rest-unable-to-import-module.json", FindingKind.HandlerNotFound, ApiType.Rest, Rest, "prod", "GET", "/reports", null, Functions + "reports-handler", 1 },
        { "rest-node-handler-not-found.json", FindingKind.HandlerNotFound, ApiType.Rest, Rest, "prod", "GET", "/reports", null, Functions + "reports-handler", 1 },
        { "rest-function-error.json", FindingKind.FunctionError, ApiType.Rest, Rest, "prod", "GET", "/reports", null, Functions + "reports-handler", 1 },
        { "rest-integration-timeout.json", FindingKind.IntegrationTimeout, ApiType.Rest, Rest, "prod", "GET", "/slow", null, Functions + "slow-handler", 1 },
        { "websocket-missing-permission-info.json", FindingKind.MissingInvokePermission, ApiType.WebSocket, "w9x8y7z6v5", "production", null, null, "$connect", Functions + "chat-onconnect", 1 },
        { "http-json-missing-permission.json", FindingKind.MissingInvokePermission, ApiType.Http, Http, "$default", "GET", "/pets/42", "GET /pets/{id}", null, 3 },
        { "http-json-authorizer-permission.json", FindingKind.AuthorizerInvokePermission, ApiType.Http, Http, "$default", "GET", "/admin", "GET /admin", null, 1 },
        { "http-clf-missing-permission.json", FindingKind.MissingInvokePermission, ApiType.Http, null, null, "GET", null, "GET /pets/{id}", null, 2 },
        { "http-clf-authorizer-permission.json", FindingKind.AuthorizerInvokePermission, ApiType.Http, null, null, "POST", null, "POST /orders", null, 1 },
        { "rest-throttled-rate-exceeded.json", FindingKind.FunctionThrottled, ApiType.Unknown, Rest, "prod", null, null, null, null, 1 },
        { "rest-throttled-behind-malformed.json", FindingKind.FunctionThrottled, ApiType.Rest, Rest, "dev", "GET", "/hello", null, Functions + "lambda-ngrok-dev-hello", 1 },
        { "rest-role-not-assumable.json", FindingKind.CredentialsRoleNotAssumable, ApiType.Unknown, Rest, "prod", null, null, null, null, 1 },
        { "rest-authorizer-role-not-assumable.json", FindingKind.AuthorizerCredentialsRoleNotAssumable, ApiType.Unknown, Rest, "prod", null, null, null, null, 1 },
        { "rest-authorizer-invalid-json.json", FindingKind.AuthorizerConfiguration, ApiType.Unknown, Rest, "prod", null, null, null, "arn:aws:lambda:us-east-1:770646514888:function:Authorize-Registrations-Lambda", 1 },
        { "rest-mapping-template.json", FindingKind.IntegrationConfiguration, ApiType.Unknown, Rest, "prod", null, null, null, null, 1 },
        { "rest-node-malformed-handler.json", FindingKind.HandlerNotFound, ApiType.Rest, Rest, "prod", "GET", "/permissions", null, Functions + "generateUserPermissions", 1 },
        { "rest-python-malformed-handler.json", FindingKind.HandlerNotFound, ApiType.Unknown, Rest, "prod", null, null, null, null, 1 },
        { "rest-unrecognized-output-mapping.json", FindingKind.Unrecognized, ApiType.Rest, Rest, "prod", "GET", "/reports", null, null, 1 },
        { "http-json-function-error.json", FindingKind.FunctionError, ApiType.Http, Http, "$default", "GET", "/getStuff", "ANY /", null, 1 },
        { "http-json-permission-typographic.json", FindingKind.MissingInvokePermission, ApiType.Http, Http, "$default", "GET", "/items/7", "GET /items/{id}", null, 1 },
        { "http-clf-role-not-assumable.json", FindingKind.CredentialsRoleNotAssumable, ApiType.Http, null, null, "POST", null, "POST /start-step-function", null, 1 },
    };

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void Diagnose_CataloguedFixture_YieldsExactlyTheExpectedFinding(
        string fixture, FindingKind kind, ApiType apiType, string? apiId, string? stage, string? method, string? path,
        string? routeKey, string? functionArn, int occurrences)
    {
        DiagnosisResult result = Diagnoser.Diagnose(Fixtures.Message(fixture));

        Finding finding = Assert.Single(result.Findings);
        Assert.Equal(kind, finding.Kind);
        Assert.Equal(apiType, finding.ApiType);
        Assert.Equal(apiId, finding.ApiId);
        Assert.Equal(stage, finding.Stage);
        Assert.Equal(method, finding.HttpMethod);
        Assert.Equal(path, finding.ResourcePath);
        Assert.Equal(routeKey, finding.RouteKey);
        Assert.Equal(functionArn, finding.FunctionArn);
        Assert.Equal(occurrences, finding.Occurrences);
        Assert.Equal(occurrences, finding.RequestIds.Count);
        Assert.NotEmpty(finding.Evidence);
        Assert.True(finding.FirstTimestamp <= finding.LastTimestamp);
    }

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void Diagnose_CataloguedFixture_AccountsForEveryEvent(
        string fixture, FindingKind kind, ApiType apiType, string? apiId, string? stage, string? method, string? path,
        string? routeKey, string? functionArn, int occurrences)
    {
        _ = (kind, apiType, apiId, stage, method, path, routeKey, functionArn);
        var batch = Fixtures.Message(fixture);

        DiagnosisResult result = Diagnoser.Diagnose(batch);

        Assert.Equal(batch.LogEvents.Count, result.EventsRead);
        Assert.Equal(result.EventsRead, result.Dispositions.Total);
        Assert.True(result.Dispositions.Evidence >= occurrences);
    }

    [Fact]
    public void Diagnose_FullInfoPermissionFailure_SeparatesEvidenceFromContext()
    {
        DiagnosisResult result = Diagnoser.Diagnose(Fixtures.Message("rest-missing-permission-info.json"));

        // 16 lines for the request: one failure line is the evidence, the other 15 are its context.
        Assert.Equal(new EventDispositions(Evidence: 1, Context: 15, Unrelated: 0, Control: 0), result.Dispositions);
        Assert.Equal(
            ["(7c4e0a9e-3b1f-4d2a-9f6e-1a2b3c4d5e6f) Execution failed due to configuration error: Invalid permissions on Lambda function"],
            result.Findings[0].Evidence);
        Assert.Equal(["7c4e0a9e-3b1f-4d2a-9f6e-1a2b3c4d5e6f"], result.Findings[0].RequestIds);
    }

    [Fact]
    public void Diagnose_AuthorizerFailure_CountsBothFailureLinesAsEvidence()
    {
        DiagnosisResult result = Diagnoser.Diagnose(Fixtures.Message("rest-authorizer-permission-error.json"));

        Finding finding = Assert.Single(result.Findings);
        Assert.Equal(2, finding.Evidence.Count);
        Assert.EndsWith("Invalid permissions on Lambda function", finding.Evidence[0], StringComparison.Ordinal);
        Assert.EndsWith("Authorizer error", finding.Evidence[1], StringComparison.Ordinal);
        Assert.Equal(new EventDispositions(2, 1, 0, 0), result.Dispositions);
    }

    [Fact]
    public void Diagnose_MalformedProxyResponse_QuotesTheLoggedResponseBody()
    {
        DiagnosisResult result = Diagnoser.Diagnose(Fixtures.Message("rest-malformed-proxy-response.json"));

        Finding finding = Assert.Single(result.Findings);
        Assert.Contains(
            finding.Evidence,
            line => line.EndsWith(
                "Endpoint response body before transformations: {\"statusCode\": 200, \"headers\": {\"Content-Type\": \"application/json\"}, \"body\": {\"orderId\": \"A-1001\"}}",
                StringComparison.Ordinal));
    }

    [Fact]
    public void Diagnose_FunctionError_KeepsTheLambdaRequestIdInTheEvidence()
    {
        DiagnosisResult result = Diagnoser.Diagnose(Fixtures.Message("rest-function-error.json"));

        Assert.EndsWith(
            "Task timed out after 10.00 seconds. Lambda request id: 71952965-d5cc-4974-ae08-6e2138b2275c",
            Assert.Single(Assert.Single(result.Findings).Evidence),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_InterleavedRequests_AttributesContextToTheRightRequest()
    {
        DiagnosisResult result = Diagnoser.Diagnose(Fixtures.Message("rest-interleaved.json"));

        Assert.Collection(
            result.Findings,
            permission =>
            {
                Assert.Equal(FindingKind.MissingInvokePermission, permission.Kind);
                Assert.Equal(("GET", "/pets/7"), (permission.HttpMethod, permission.ResourcePath));
                Assert.Equal(Functions + "pets-handler:prod", permission.FunctionArn);
                Assert.Equal(["b1111111-1111-4111-8111-111111111111"], permission.RequestIds);
            },
            malformed =>
            {
                Assert.Equal(FindingKind.MalformedProxyResponse, malformed.Kind);
                Assert.Equal(("POST", "/orders"), (malformed.HttpMethod, malformed.ResourcePath));
                Assert.Equal(Functions + "orders-handler", malformed.FunctionArn);
                Assert.Equal(["b2222222-2222-4222-8222-222222222222"], malformed.RequestIds);
            });

        // Each failed request has one evidence line (16 and 21 lines in all); the healthy request's 23 are unrelated.
        Assert.Equal(new EventDispositions(Evidence: 2, Context: 15 + 20, Unrelated: 23, Control: 0), result.Dispositions);
    }

    [Fact]
    public void Diagnose_ControlMessage_YieldsNoFindingAndCountsItsEvents()
    {
        DiagnosisResult result = Diagnoser.Diagnose(Fixtures.Message("control-message.json"));

        Assert.Empty(result.Findings);
        Assert.Equal(new EventDispositions(0, 0, 0, Control: 1), result.Dispositions);
    }

    [Fact]
    public void Diagnose_HttpJsonAccessLog_CountsOnlyFailingLinesAsEvidence()
    {
        DiagnosisResult result = Diagnoser.Diagnose(Fixtures.Message("http-json-missing-permission.json"));

        Assert.Equal(new EventDispositions(Evidence: 3, Context: 0, Unrelated: 2, Control: 0), result.Dispositions);
        Assert.Equal(["Vw7x5hKPoAMEbZw=", "Vw7x7gq0IAMEb4g=", "Vw7y0EzKoAMEJhQ="], result.Findings[0].RequestIds);
    }
}
