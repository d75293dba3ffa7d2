using System.Net.Http.Headers;
using Polly;
using Polly.Retry;
using Remediator.Aws.Credentials;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Quotas;
using Remediator.Aws.Signing;
using Remediator.Core.Ports;

namespace Remediator.Aws.Http;

/// <summary>
/// The HTTP core every wire client shares: one pooled <see cref="HttpClient"/>, a fresh signed message per
/// attempt, a permit from the account quotas before each attempt (<see cref="AwsQuotas"/>), a per-attempt timeout,
/// and bounded retries with full-jitter backoff on throttling, 5xx and transient network errors (honouring
/// <c>Retry-After</c>); a call marked not idempotent is never repeated after a timeout or a lost answer.
/// </summary>
public sealed class AwsHttpClient
{
    private readonly HttpClient http;
    private readonly IAwsCredentialsProvider credentials;
    private readonly Func<AwsService, Uri> endpoints;
    private readonly TimeProvider timeProvider;
    private readonly AwsRetryOptions options;
    private readonly AwsQuotas? quotas;
    private ResiliencePipeline<AwsResponse>? pipeline;
    private ResiliencePipeline<AwsResponse>? onceSentPipeline;
    private ResiliencePipeline? attemptTimeout;

    /// <summary>
    /// Creates the core; <paramref name="endpoints"/> maps a service to its base URI in <paramref name="region"/>;
    /// <paramref name="quotas"/>, when given, paces every attempt (share one instance across a process).
    /// </summary>
    public AwsHttpClient(
        HttpClient http,
        IAwsCredentialsProvider credentials,
        string region,
        Func<AwsService, Uri> endpoints,
        AwsRetryOptions options,
        TimeProvider timeProvider,
        AwsQuotas? quotas = null)
    {
        this.http = http ?? throw new ArgumentNullException(nameof(http));
        this.credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        this.endpoints = endpoints ?? throw new ArgumentNullException(nameof(endpoints));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        Region = region;
        this.quotas = quotas;
    }

    /// <summary>The region requests are signed for.</summary>
    public string Region { get; }

    // Built by the first request, not the constructor: building validates the options through
    // System.ComponentModel.DataAnnotations (reflection), which a cold start that sends nothing (a Lambda
    // CONTROL_MESSAGE) should not pay for. A race builds two equivalent pipelines; one is kept.
    private ResiliencePipeline<AwsResponse> Pipeline =>
        Volatile.Read(ref pipeline) ?? Interlocked.CompareExchange(ref pipeline, BuildPipeline(options, timeProvider, idempotent: true), null) ?? pipeline!;

    private ResiliencePipeline<AwsResponse> OnceSentPipeline =>
        Volatile.Read(ref onceSentPipeline) ?? Interlocked.CompareExchange(ref onceSentPipeline, BuildPipeline(options, timeProvider, idempotent: false), null) ?? onceSentPipeline!;

    private ResiliencePipeline AttemptTimeout =>
        Volatile.Read(ref attemptTimeout)
        ?? Interlocked.CompareExchange(ref attemptTimeout, new ResiliencePipelineBuilder { TimeProvider = timeProvider }.AddTimeout(options.AttemptTimeout).Build(), null)
        ?? attemptTimeout!;

    /// <summary>
    /// A handler for the one shared <see cref="HttpClient"/>: pooled connections recycled every few minutes
    /// so DNS changes are seen, and no client-wide timeout (each attempt has its own).
    /// </summary>
    public static HttpClient CreatePooledHttpClient() =>
        new(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>Sends with retries; a final non-2xx answer is thrown as its <see cref="Core.Ports.AwsServiceException"/>.</summary>
    public async Task<AwsResponse> SendAsync(AwsRequest request, CancellationToken cancellationToken)
    {
        var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        return response.Error is { } error ? throw error : response;
    }

    /// <summary>Sends with retries and returns the final answer even when it is an error (for error bodies with data).</summary>
    public async Task<AwsResponse> SendRawAsync(AwsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await (request.Idempotent ? Pipeline : OnceSentPipeline).ExecuteAsync(
            static (state, token) => state.Client.PacedAttemptAsync(state.Request, token),
            (Client: this, Request: request),
            cancellationToken).ConfigureAwait(false);
    }

    // The wait for a permit comes before the attempt's own clock starts: a busy quota is not a timed-out call.
    private async ValueTask<AwsResponse> PacedAttemptAsync(AwsRequest request, CancellationToken cancellationToken)
    {
        if (quotas is not null)
        {
            await quotas.AcquireAsync(request.Service, request.Operation, cancellationToken).ConfigureAwait(false);
        }

        return await AttemptTimeout.ExecuteAsync(
            static (state, token) => state.Client.AttemptAsync(state.Request, token),
            (Client: this, Request: request),
            cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<AwsResponse> AttemptAsync(AwsRequest request, CancellationToken cancellationToken)
    {
        var current = await credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        using var message = BuildMessage(request);
        var scope = new SigningScope(timeProvider.GetUtcNow(), request.Service.SigningRegion(Region), request.Service.SigningName);
        await AwsRequestSigner.SignAsync(message, current, scope, cancellationToken).ConfigureAwait(false);
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await ReadBoundedAsync(response.Content, Math.Min(options.MaxResponseBytes, request.MaxResponseBytes ?? int.MaxValue), cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = string.Join(',', header.Value);
        }

        var status = (int)response.StatusCode;
        var error = response.IsSuccessStatusCode
            ? null
            : AwsErrorParser.Parse(request.Service.SigningName, request.Operation, status, headers, body, RetryAfter(response.Headers.RetryAfter));
        return new AwsResponse(status, body, headers, error);
    }

    private HttpRequestMessage BuildMessage(AwsRequest request)
    {
        var endpoint = endpoints(request.Service);
        var basePath = endpoint.AbsolutePath.TrimEnd('/');
        var query = request.Query is { Count: > 0 } parameters ? "?" + AwsPath.Query(parameters) : string.Empty;
        var uri = new Uri($"{endpoint.Scheme}://{endpoint.Authority}{basePath}{request.Path}{query}");
        var message = new HttpRequestMessage(request.Method, uri);
        message.Headers.UserAgent.Add(new ProductInfoHeaderValue("remediator", "1.0"));
        foreach (var (name, value) in request.Headers ?? [])
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            if (request.ContentType is { } contentType)
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        return message;
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - timeProvider.GetUtcNow(),
        _ => null,
    };

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            throw new InvalidDataException($"AWS response of {content.Headers.ContentLength} bytes exceeds the {maxBytes}-byte limit.");
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new InvalidDataException($"AWS response exceeds the {maxBytes}-byte limit.");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    // A call that is not idempotent is repeated only when it cannot have been applied: after an error answer or a
    // failure to connect, never after a timeout or a lost answer.
    private static ResiliencePipeline<AwsResponse> BuildPipeline(AwsRetryOptions options, TimeProvider timeProvider, bool idempotent)
    {
        var builder = new ResiliencePipelineBuilder<AwsResponse> { TimeProvider = timeProvider };
        if (options.MaxAttempts > 1)
        {
            var backoff = options.EffectiveBackoff;
            builder.AddRetry(new RetryStrategyOptions<AwsResponse>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: { } exception } => AwsRetryClassifier.IsTransient(exception, args.Context.CancellationToken)
                        && (idempotent || AwsRetryClassifier.NeverSent(exception)),
                    { Result.Error: { } error } => TransientAwsErrors.IsTransient(error),
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(backoff(args.AttemptNumber, args.Outcome.Result?.Error?.RetryAfter)),
            });
        }

        // Each attempt gets its own clock (AttemptTimeout, inside the retry); the caller's token still ends everything.
        return builder.Build();
    }
}
