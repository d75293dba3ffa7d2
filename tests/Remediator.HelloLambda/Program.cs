using System.Net.Http.Headers;

// Runs the loop the way a minimal custom runtime would: GET next, POST a constant response, repeat.
// No configuration, no JSON, no AWS clients: what is left is the cost of starting .NET and one HTTP client.
string? api = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
if (string.IsNullOrEmpty(api))
{
    await Console.Error.WriteLineAsync("AWS_LAMBDA_RUNTIME_API is not set.");
    return 2;
}

string runtime = $"http://{api}/2018-06-01/runtime/invocation/";
using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };
while (true)
{
    using HttpResponseMessage next = await http.GetAsync(new Uri(runtime + "next"));
    if (!next.IsSuccessStatusCode)
    {
        return 1;
    }

    string requestId = next.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").First();
    await next.Content.ReadAsByteArrayAsync();
    using var content = new StringContent("""{"hello":"world"}""");
    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    using HttpResponseMessage posted = await http.PostAsync(new Uri(runtime + Uri.EscapeDataString(requestId) + "/response"), content);
    if (!posted.IsSuccessStatusCode)
    {
        return 1;
    }
}
