using System.Net.Http.Headers;
using System.Text;
using Remediator.Aws.Credentials;
using Remediator.Aws.Signing;

namespace Remediator.Sandbox.Tests.TestSupport;

/// <summary>
/// Raw HTTP against the sandbox, signed with the project's own SigV4 signer; lets tests send exactly the bytes of
/// each protocol and break the signature on purpose.
/// </summary>
public sealed class SignedClient(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _http = new();

    public Uri BaseUrl { get; } = baseUrl;

    public static AwsCredentials TestCredentials { get; } = new("test", "test");

    public async Task<WireResponse> SendAsync(
        string service,
        HttpMethod method,
        string pathAndQuery,
        string? body = null,
        string contentType = "application/json",
        IEnumerable<(string Name, string Value)>? headers = null,
        AwsCredentials? credentials = null,
        DateTimeOffset? signedAt = null,
        string region = "us-east-1",
        bool sign = true)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUrl, pathAndQuery));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (sign)
        {
            var scope = new SigningScope(signedAt ?? DateTimeOffset.UtcNow, region, service);
            await AwsRequestSigner.SignAsync(request, credentials ?? TestCredentials, scope, CancellationToken.None);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var all = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new WireResponse((int)response.StatusCode, text, all);
    }

    /// <summary>A rest-json call (Lambda, API Gateway).</summary>
    public Task<WireResponse> RestAsync(string service, HttpMethod method, string pathAndQuery, string? json = null) =>
        SendAsync(service, method, pathAndQuery, json);

    /// <summary>A JSON 1.1 call (Logs, SSM): <c>POST /</c> with <c>X-Amz-Target</c>.</summary>
    public Task<WireResponse> JsonAsync(string service, string target, string json, AwsCredentials? credentials = null) =>
        SendAsync(service, HttpMethod.Post, "/", json, "application/x-amz-json-1.1", [("X-Amz-Target", target)], credentials);

    /// <summary>A query-protocol call (SNS, STS): form-encoded <c>POST /</c>.</summary>
    public Task<WireResponse> QueryAsync(string service, IEnumerable<(string Name, string Value)> form, AwsCredentials? credentials = null) =>
        SendAsync(
            service,
            HttpMethod.Post,
            "/",
            string.Join('&', form.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}")),
            "application/x-www-form-urlencoded; charset=utf-8",
            credentials: credentials);

    /// <summary>An unsigned call (data plane, admin endpoints).</summary>
    public Task<WireResponse> PlainAsync(HttpMethod method, string pathAndQuery, string? body = null, IEnumerable<(string Name, string Value)>? headers = null) =>
        SendAsync("none", method, pathAndQuery, body, headers: headers, sign: false);

    public void Dispose() => _http.Dispose();
}
