using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Remediator.Aws.Composition;
using Remediator.Aws.Credentials;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Http;
using Remediator.Core.Ports;

namespace Remediator.Cli.Operator;

/// <summary>
/// The dead-letter queue through the official <c>AWSSDK.SQS</c> client, signing with the clients' credentials and
/// sending to the endpoint they resolve (<c>AWS_ENDPOINT_URL_SQS</c>, <c>AWS_ENDPOINT_URL</c>, the regional one),
/// with the wire clients' retry limits.
/// </summary>
internal sealed class SqsDeadLetterQueue : IDeadLetterQueue, IDisposable
{
    private readonly AmazonSQSClient client;
    private readonly string queueUrl;

    public SqsDeadLetterQueue(AwsClients clients, string queueUrl, AwsRetryOptions retry)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(retry);
        this.queueUrl = queueUrl;
        client = new AmazonSQSClient(new SdkCredentialsBridge(clients.Credentials), new AmazonSQSConfig
        {
            ServiceURL = clients.Endpoints.Resolve(AwsService.Sqs, clients.Region).ToString(),
            AuthenticationRegion = clients.Region,
            Timeout = retry.AttemptTimeout,
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = retry.MaxAttempts - 1,
        });
    }

    public async Task<IReadOnlyList<DeadLetter>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ReceiveMessageResponse response = await client.ReceiveMessageAsync(
            new ReceiveMessageRequest
            {
                QueueUrl = queueUrl,
                MaxNumberOfMessages = maxMessages,
                VisibilityTimeout = (int)visibilityTimeout.TotalSeconds,

                // Short polling, one second: an empty queue ends the redrive at once.
                WaitTimeSeconds = 1,
            },
            cancellationToken).ConfigureAwait(false);
        return [.. (response.Messages ?? []).Select(m => new DeadLetter(m.MessageId, m.ReceiptHandle, m.Body))];
    }

    public Task DeleteAsync(DeadLetter message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return client.DeleteMessageAsync(new DeleteMessageRequest { QueueUrl = queueUrl, ReceiptHandle = message.ReceiptHandle }, cancellationToken);
    }

    public void Dispose() => client.Dispose();
}
