using Remediator.Sandbox.Faults;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Faults;

/// <summary>Injected faults: each service's own throttle and 5xx shapes, counts, delays, the HTTP endpoint.</summary>
public sealed class FaultInjectorTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly SignedClient _client = sandbox.Client;

    public static TheoryData<string, FaultKind, int, string> Shapes => new()
    {
        { "lambda", FaultKind.Throttle, 429, "TooManyRequestsException" },
        { "lambda", FaultKind.ServerError, 500, "ServiceException" },
        { "apigateway", FaultKind.Throttle, 429, "TooManyRequestsException" },
        { "logs", FaultKind.Throttle, 400, "ThrottlingException" },
        { "logs", FaultKind.ServerError, 500, "ServiceUnavailableException" },
        { "ssm", FaultKind.ServerError, 500, "InternalServerError" },
        { "sns", FaultKind.Throttle, 400, "Throttling" },
        { "sts", FaultKind.ServerError, 500, "InternalFailure" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Take_ArmedRule_FailsNextCallWithServiceShapeThenRecovers(string service, FaultKind kind, int status, string code)
    {
        sandbox.Server.Faults.Clear();
        var (operation, call) = Call(service);
        sandbox.Server.Faults.Add(new FaultRule(service, operation, kind));

        var failed = await call();
        var recovered = await call();

        Assert.Equal(status, failed.Status);
        Assert.Equal(code, failed.ErrorCode);
        Assert.True(recovered.Status is >= 200 and < 300, recovered.Body);
    }

    [Fact]
    public async Task Take_CountOfTwo_FailsExactlyTwoCalls()
    {
        sandbox.Server.Faults.Clear();
        sandbox.Server.Faults.Add(new FaultRule("sts", "GetCallerIdentity", FaultKind.Throttle, Count: 2));
        var (_, call) = Call("sts");

        var statuses = new[] { (await call()).Status, (await call()).Status, (await call()).Status };

        Assert.Equal([400, 400, 200], statuses);
    }

    [Fact]
    public async Task Take_LambdaThrottle_SendsRetryAfterAndReason()
    {
        sandbox.Server.Faults.Clear();
        sandbox.Server.Faults.Add(new FaultRule("lambda", "*", FaultKind.Throttle));

        var response = await Call("lambda").Call();

        Assert.Equal("1", response.Header("Retry-After"));
        Assert.Equal("CallerRateLimitExceeded", response.Json.GetProperty("Reason").GetString());
    }

    [Fact]
    public async Task Take_Delay_ServesCallNormallyAfterWaiting()
    {
        sandbox.Server.Faults.Clear();
        sandbox.Server.Faults.Add(new FaultRule("sts", "GetCallerIdentity", FaultKind.Delay, DelayMilliseconds: 50));

        var response = await Call("sts").Call();

        Assert.Equal(200, response.Status);
        Assert.Empty(sandbox.Server.Faults.Pending());
    }

    [Fact]
    public async Task FaultsEndpoint_PostedRule_AppliesAndIsListedUntilUsed()
    {
        sandbox.Server.Faults.Clear();

        var posted = await _client.PlainAsync(HttpMethod.Post, "/_sandbox/faults", """{"service":"ssm","operation":"DescribeOpsItems","kind":"Throttle","count":1}""");
        var listed = await _client.PlainAsync(HttpMethod.Get, "/_sandbox/faults");
        var failed = await Call("ssm").Call();
        var after = await _client.PlainAsync(HttpMethod.Get, "/_sandbox/faults");

        Assert.Equal(201, posted.Status);
        Assert.Equal("DescribeOpsItems", listed.Json[0].GetProperty("operation").GetString());
        Assert.Equal("ThrottlingException", failed.ErrorCode);
        Assert.Equal("[]", after.Body);
    }

    [Fact]
    public async Task FaultsEndpoint_InvalidRule_Returns400()
    {
        var response = await _client.PlainAsync(HttpMethod.Post, "/_sandbox/faults", """{"service":"ssm","operation":"X","kind":"Throttle","count":0}""");

        Assert.Equal(400, response.Status);
    }

    [Fact]
    public void Add_ZeroCount_Throws()
    {
        var faults = new FaultInjector();

        Assert.Throws<ArgumentException>(() => faults.Add(new FaultRule("lambda", "GetPolicy", FaultKind.Throttle, Count: 0)));
    }

    private (string Operation, Func<Task<WireResponse>> Call) Call(string service) => service switch
    {
        "lambda" => ("ListFunctions", () => _client.RestAsync("lambda", HttpMethod.Get, "/2015-03-31/functions")),
        "apigateway" => ("GetRestApis", () => _client.RestAsync("apigateway", HttpMethod.Get, "/restapis")),
        "logs" => ("DescribeLogGroups", () => _client.JsonAsync("logs", "Logs_20140328.DescribeLogGroups", "{}")),
        "ssm" => ("DescribeOpsItems", () => _client.JsonAsync("ssm", "AmazonSSM.DescribeOpsItems", "{}")),
        "sns" => ("CreateTopic", () => _client.QueryAsync("sns", [("Action", "CreateTopic"), ("Name", "faults")])),
        _ => ("GetCallerIdentity", () => _client.QueryAsync("sts", [("Action", "GetCallerIdentity"), ("Version", "2011-06-15")])),
    };
}
