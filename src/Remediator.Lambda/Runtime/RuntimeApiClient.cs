using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Remediator.Lambda.Runtime;

/// <summary><see cref="IRuntimeApiClient"/> over HTTP to <c>http://$AWS_LAMBDA_RUNTIME_API/2018-06-01</c>.</summary>
public sealed class RuntimeApiClient : IRuntimeApiClient
{
    private static readonly MediaTypeHeaderValue ErrorContentType = new(RuntimeApiConstants.ErrorContentType);

    // Error messages end up in Lambda's console and in invoke results, never in HTML: keep quotes and
    // '+' readable instead of \u0027-style escapes.
    private static readonly RuntimeApiJsonContext Json = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private readonly HttpClient _http;
    private readonly string _baseAddress;

    /// <summary>Creates a client for the Runtime API at <paramref name="hostAndPort"/> (the value of
    /// <c>AWS_LAMBDA_RUNTIME_API</c>), over an HTTP client made by <see cref="CreateHttpClient"/>.</summary>
    public RuntimeApiClient(HttpClient http, string hostAndPort)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrWhiteSpace(hostAndPort);
        _http = http;
        _baseAddress = "http://" + hostAndPort.Trim();
    }

    /// <summary>An HTTP client fit for the Runtime API.</summary>
    public static HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            // The Runtime API is on the local host: a proxy configured for the function's outbound calls
            // (HTTP_PROXY and friends) must never see it.
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };

        // No timeout: GET /next blocks until Lambda has an event, and between events the environment is
        // frozen. Wall-clock time passes while frozen, so any client timeout would fire spuriously on
        // thaw and abandon a poll that Lambda may already have answered. Lambda's own deadline bounds
        // everything else.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <inheritdoc />
    public async Task<Invocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await _http
            .GetAsync(_baseAddress + RuntimeApiConstants.NextPath, HttpCompletionOption.ResponseContentRead, cancellationToken)
            .ConfigureAwait(false);
        await EnsureSuccessAsync(response, "next invocation", cancellationToken).ConfigureAwait(false);

        HttpResponseHeaders headers = response.Headers;
        string requestId = RequiredHeader(headers, RuntimeApiConstants.RequestIdHeader);
        string deadlineText = RequiredHeader(headers, RuntimeApiConstants.DeadlineHeader);
        if (!long.TryParse(deadlineText, NumberStyles.None, CultureInfo.InvariantCulture, out long deadlineMs)
            || deadlineMs > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            throw new RuntimeApiException(
                $"Header {RuntimeApiConstants.DeadlineHeader} is not epoch milliseconds: '{deadlineText}'.");
        }

        string functionArn = RequiredHeader(headers, RuntimeApiConstants.FunctionArnHeader);
        string? traceId = OptionalHeader(headers, RuntimeApiConstants.TraceIdHeader);
        byte[] payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new Invocation(requestId, DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs), functionArn, traceId, payload);
    }

    /// <inheritdoc />
    public Task SendResponseAsync(string requestId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);

        // PostAsync owns the content (the request disposes it): no state machine of its own here, one less
        // to JIT on a cold start.
        var content = new ReadOnlyMemoryContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return PostAsync(RuntimeApiConstants.ResponsePath(requestId), content, "response", cancellationToken);
    }

    /// <inheritdoc />
    public Task SendErrorAsync(string requestId, RuntimeError error, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        return PostErrorAsync(RuntimeApiConstants.ErrorPath(requestId), error, "invocation error", cancellationToken);
    }

    /// <inheritdoc />
    public Task SendInitErrorAsync(RuntimeError error, CancellationToken cancellationToken) =>
        PostErrorAsync(RuntimeApiConstants.InitErrorPath, error, "init error", cancellationToken);

    private async Task PostErrorAsync(string path, RuntimeError error, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(
            new RuntimeErrorBody(error.ErrorMessage, error.ErrorType, error.StackTrace),
            Json.RuntimeErrorBody);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = ErrorContentType;
        await PostAsync(path, content, what, cancellationToken, error.ErrorType).ConfigureAwait(false);
    }

    /// <summary>Posts <paramref name="content"/> and disposes it (with the request), whatever happens.</summary>
    private async Task PostAsync(
        string path, HttpContent content, string what, CancellationToken cancellationToken, string? errorType = null)
    {
        using HttpContent owned = content;
        using var request = new HttpRequestMessage(HttpMethod.Post, _baseAddress + path) { Content = content };
        if (errorType is not null)
        {
            // Header values must be ASCII; an exception type name always is, but stay safe for others.
            request.Headers.TryAddWithoutValidation(RuntimeApiConstants.ErrorTypeHeader, AsciiOnly(errorType));
        }

        using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, what, cancellationToken).ConfigureAwait(false);
    }

    // Success completes synchronously, without a state machine; only a refusal reads the body.
    private static Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken) =>
        response.IsSuccessStatusCode ? Task.CompletedTask : ThrowRefusedAsync(response, what, cancellationToken);

    private static async Task ThrowRefusedAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new RuntimeApiException(
            $"Runtime API refused the {what}: HTTP {(int)response.StatusCode} {body}", (int)response.StatusCode);
    }

    private static string RequiredHeader(HttpResponseHeaders headers, string name) =>
        OptionalHeader(headers, name)
        ?? throw new RuntimeApiException($"The next invocation lacks the {name} header.");

    private static string? OptionalHeader(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out IEnumerable<string>? values)
        && values.FirstOrDefault() is { Length: > 0 } value
            ? value
            : null;

    private static string AsciiOnly(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            builder.Append(c is >= ' ' and <= '~' ? c : '_');
        }

        return builder.ToString();
    }
}
