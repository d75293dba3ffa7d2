using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Sqs;

/// <summary>
/// SQS over the JSON protocol AWSSDK.SQS 4.x and current AWS CLIs speak (<c>POST /</c>,
/// <c>X-Amz-Target: AmazonSQS.{Operation}</c>, <c>application/x-amz-json-1.0</c>; botocore's sqs model: protocol
/// json, jsonVersion 1.0, targetPrefix AmazonSQS): standard queues with CreateQueue, GetQueueUrl, SendMessage,
/// ReceiveMessage (visibility timeout) and DeleteMessage. Queue URLs are <c>{endpoint}/{account}/{name}</c>.
/// </summary>
internal sealed class SqsService(SandboxEnvironment env) : IAwsService
{
    private const int DefaultVisibilitySeconds = 30;

    private static readonly string[] Operations = ["CreateQueue", "GetQueueUrl", "SendMessage", "ReceiveMessage", "DeleteMessage"];

    public string SigningName => "sqs";

    public string Name => "sqs";

    public AwsProtocol Protocol => AwsProtocol.Json10;

    public string? XmlNamespace => null;

    private Dictionary<string, QueueRecord> Queues => env.Data.Queues;

    public ServiceCall? Resolve(SandboxRequest request) => JsonTarget.Resolve(request, Name, "AmazonSQS", Operations);

    public ServiceResult Execute(ServiceCall call, SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Operation switch
        {
            "CreateQueue" => CreateQueue(request),
            "GetQueueUrl" => GetQueueUrl(request),
            "SendMessage" => SendMessage(request),
            "ReceiveMessage" => ReceiveMessage(request),
            _ => DeleteMessage(request),
        };
    }

    private ServiceResult CreateQueue(SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.QueueNameRequest, out var input, out var error))
        {
            return Serialization(error);
        }

        if (input.QueueName is not { Length: > 0 and <= 80 } name || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return new ServiceError(400, "InvalidParameterValue", "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }

        Queues.TryAdd(name, new QueueRecord { Name = name });
        return Reply.Json(Protocol, new QueueUrlResponse(UrlOf(request, name)), SandboxJson.Context.QueueUrlResponse);
    }

    private ServiceResult GetQueueUrl(SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.QueueNameRequest, out var input, out var error))
        {
            return Serialization(error);
        }

        return input.QueueName is { } name && Queues.ContainsKey(name)
            ? Reply.Json(Protocol, new QueueUrlResponse(UrlOf(request, name)), SandboxJson.Context.QueueUrlResponse)
            : NoSuchQueue();
    }

    private ServiceResult SendMessage(SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.SendMessageRequest, out var input, out var error))
        {
            return Serialization(error);
        }

        if (QueueOf(input.QueueUrl) is not { } queue)
        {
            return NoSuchQueue();
        }

        if (string.IsNullOrEmpty(input.MessageBody) || Encoding.UTF8.GetByteCount(input.MessageBody) > 1024 * 1024)
        {
            return new ServiceError(400, "InvalidParameterValue", "The message body must be 1 byte to 1 MiB long.");
        }

        var message = new QueuedMessage { MessageId = env.Ids.Guid(), Body = input.MessageBody };
        queue.Messages.Add(message);
        return Reply.Json(Protocol, new SendMessageResponse(message.MessageId, Md5(message.Body)), SandboxJson.Context.SendMessageResponse);
    }

    private ServiceResult ReceiveMessage(SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.ReceiveMessageRequest, out var input, out var error))
        {
            return Serialization(error);
        }

        if (QueueOf(input.QueueUrl) is not { } queue)
        {
            return NoSuchQueue();
        }

        int max = input.MaxNumberOfMessages ?? 1;
        if (max is < 1 or > 10)
        {
            return new ServiceError(400, "InvalidParameterValue", "Value for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
        }

        long now = env.Now.ToUnixTimeMilliseconds();
        long visibleAt = now + (1000L * (input.VisibilityTimeout ?? DefaultVisibilitySeconds));
        var received = new List<ReceivedMessage>();
        foreach (QueuedMessage message in queue.Messages.Where(m => m.VisibleAt <= now).Take(max))
        {
            message.ReceiveCount++;
            message.VisibleAt = visibleAt;
            message.ReceiptHandle = env.Ids.Alphanumeric(64);
            received.Add(new ReceivedMessage(message.MessageId, message.ReceiptHandle, Md5(message.Body), message.Body));
        }

        return Reply.Json(Protocol, new ReceiveMessageResponse(received), SandboxJson.Context.ReceiveMessageResponse);
    }

    private ServiceResult DeleteMessage(SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.DeleteMessageRequest, out var input, out var error))
        {
            return Serialization(error);
        }

        if (QueueOf(input.QueueUrl) is not { } queue)
        {
            return NoSuchQueue();
        }

        int index = queue.Messages.FindIndex(m => m.ReceiptHandle is not null && m.ReceiptHandle == input.ReceiptHandle);
        if (index < 0)
        {
            return new ServiceError(400, "ReceiptHandleIsInvalid", $"The input receipt handle \"{input.ReceiptHandle}\" is not a valid receipt handle.");
        }

        queue.Messages.RemoveAt(index);
        return Reply.EmptyObject(Protocol);
    }

    // The URL names the account and the queue; its host is whatever endpoint the client used.
    private string UrlOf(SandboxRequest request, string name) =>
        $"http://{request.Header("Host") ?? "localhost"}/{env.AccountId}/{name}";

    private QueueRecord? QueueOf(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out Uri? parsed))
        {
            return null;
        }

        string[] segments = parsed.AbsolutePath.Trim('/').Split('/');
        return segments is [var account, var name] && account == env.AccountId && Queues.TryGetValue(name, out QueueRecord? queue) ? queue : null;
    }

    // SQS's own integrity check is an MD5 of the body, which the SDKs verify on every send and receive.
#pragma warning disable CA5351
    private static string Md5(string body) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)));
#pragma warning restore CA5351

    // AWS's JSON error for a missing queue, with the query-protocol code SDKs that keep the old names read.
    private static ServiceError NoSuchQueue() =>
        new ServiceError(400, "com.amazonaws.sqs#QueueDoesNotExist", "The specified queue does not exist.") { QueryError = "AWS.SimpleQueueService.NonExistentQueue;Sender" };

    private static ServiceError Serialization(string error) => new(400, "com.amazonaws.sqs#InvalidParameterValue", error);
}
