using System.Globalization;
using Remediator.Core.Intake;

namespace Remediator.Benchmarks;

/// <summary>
/// A realistic REST execution-log batch: INFO-level request sequences (long header and body lines, short
/// status lines), mostly healthy, with a permission storm, malformed responses and function errors mixed in.
/// Deterministic for a given seed, so every run measures the same bytes.
/// </summary>
internal static class RealisticBatch
{
    private const string ApiId = "a1b2c3d4e5";
    private const string Stage = "prod";
    private const string Account = "123456789012";
    private const string Region = "us-east-1";

    public static LogBatch Create(int eventCount = 10_000, int seed = 20251121)
    {
        var random = new Random(seed);
        var events = new List<LogEvent>(eventCount + 32);
        long timestamp = 1763703252000;
        int request = 0;
        while (events.Count < eventCount)
        {
            string requestId = Guid(random);
            int roll = random.Next(100);
            (string method, string resource, string path, string function) = roll switch
            {
                < 8 => ("GET", "/pets/{id}", "/pets/" + random.Next(1, 4), "pets-handler:prod"),
                < 10 => ("DELETE", "/pets/{id}", "/pets/" + random.Next(1, 4), "pets-handler:prod"),
                _ => Route(random),
            };
            string outcome = roll switch { < 10 => "permission", < 13 => "malformed", < 15 => "function-error", _ => "ok" };
            foreach (string line in Request(requestId, method, resource, path, function, outcome, random))
            {
                timestamp += random.Next(0, 3);
                events.Add(new LogEvent(EventId(timestamp, events.Count), timestamp, $"({requestId}) {line}"));
            }

            request++;
        }

        events.RemoveRange(eventCount, events.Count - eventCount);
        return new LogBatch(
            SubscriptionMessageType.DataMessage, Account, $"API-Gateway-Execution-Logs_{ApiId}/{Stage}",
            "e369853df766fa44e1ed0ff613f563bd", ["remediator"], events.ToArray());
    }

    private static (string, string, string, string) Route(Random random) => random.Next(4) switch
    {
        0 => ("GET", "/pets", "/pets", "pets-handler:prod"),
        1 => ("POST", "/orders", "/orders", "orders-handler"),
        2 => ("GET", "/orders/{id}", "/orders/" + random.Next(1000, 9999), "orders-handler"),
        _ => ("GET", "/reports", "/reports", "reports-handler"),
    };

    private static IEnumerable<string> Request(
        string id, string method, string resource, string path, string function, string outcome, Random random)
    {
        string arn = $"arn:aws:lambda:{Region}:{Account}:function:{function}";
        string uri = $"https://lambda.{Region}.amazonaws.com/2015-03-31/functions/{arn}/invocations";
        string trace = $"Root=1-{random.Next():x8}-{random.NextInt64():x16}{random.Next():x8}";
        yield return $"Extended Request Id: {Token(random, 16)}=";
        yield return $"Verifying Usage Plan for request: {id}. API Key:  API Stage: {ApiId}/{Stage}";
        yield return $"API Key  authorized because method '{method} {resource}' does not require API Key. Request will not contribute to throttle or quota limits";
        yield return $"Usage Plan check succeeded for API Key  and API Stage {ApiId}/{Stage}";
        yield return $"Starting execution for request: {id}";
        yield return $"HTTP Method: {method}, Resource Path: {path}";
        yield return "Method request path: {}";
        yield return "Method request query string: {}";
        yield return $"Method request headers: {{Accept=application/json, User-Agent=okhttp/4.12.0, X-Amzn-Trace-Id={trace}, X-Forwarded-For=203.0.113.{random.Next(1, 254)}}}";
        yield return "Method request body before transformations: ";
        yield return $"Endpoint request URI: {uri}";
        yield return $"Endpoint request headers: {{x-amzn-lambda-integration-tag={id}, Authorization=****{Token(random, 6)}, X-Amz-Date=20251121T053412Z, x-amzn-apigateway-api-id={ApiId}, User-Agent=AmazonAPIGateway_{ApiId}, X-Amz-Security-Token={Token(random, 24)} [TRUNCATED]";
        yield return $"Endpoint request body after transformations: {{\"resource\":\"{resource}\",\"path\":\"{path}\",\"httpMethod\":\"{method}\" [TRUNCATED]";
        yield return $"Sending request to {uri}";
        if (outcome == "permission")
        {
            yield return "Execution failed due to configuration error: Invalid permissions on Lambda function";
            yield return "Method completed with status: 500";
            yield break;
        }

        string lambdaId = Guid(random);
        yield return $"Received response. Status: 200, Integration latency: {random.Next(5, 300)} ms";
        yield return $"Endpoint response headers: {{Date=Fri, 21 Nov 2025 05:34:12 GMT, Content-Type=application/json, Content-Length={random.Next(40, 900)}, x-amzn-RequestId={lambdaId}}}";
        switch (outcome)
        {
            case "malformed":
                yield return "Endpoint response body before transformations: {\"statusCode\": 200, \"body\": {\"ok\": true}}";
                yield return "Execution failed due to configuration error: Malformed Lambda proxy response";
                yield return "Method completed with status: 502";
                break;
            case "function-error":
                yield return "Endpoint response body before transformations: {\"errorMessage\":\"division by zero\",\"errorType\":\"ZeroDivisionError\"}";
                yield return $"Lambda execution failed with status 200 due to customer function error: division by zero. Lambda request id: {lambdaId}";
                yield return "Method completed with status: 502";
                break;
            default:
                yield return "Endpoint response body before transformations: {\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\"{\\\"ok\\\":true}\"}";
                yield return "Method response body after transformations: {\"ok\":true}";
                yield return "Successfully completed execution";
                yield return "Method completed with status: 200";
                break;
        }

        yield return $"AWS Integration Endpoint RequestId : {lambdaId}";
    }

    private static string Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static string Token(Random random, int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        return string.Create(length, random, (span, r) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });
    }

    private static string EventId(long timestamp, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{timestamp}{index:D8}").PadLeft(56, '3');
}
