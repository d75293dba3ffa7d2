using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Remediator.Cli.Tests.TestSupport;

/// <summary>
/// A DynamoDB endpoint on loopback whose table does not exist: every request is answered with DynamoDB's
/// <c>ResourceNotFoundException</c>, which the AWS SDK throws as a service exception and does not retry.
/// </summary>
internal sealed class MissingTableDynamoDb : IDisposable
{
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes(
        """{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}""");

    private readonly HttpListener listener = new();
    private int requests;

    public MissingTableDynamoDb()
    {
        Endpoint = $"http://127.0.0.1:{FreePort()}/";
        listener.Prefixes.Add(Endpoint);
        listener.Start();
        _ = ServeAsync();
    }

    public string Endpoint { get; }

    public int Requests => Volatile.Read(ref requests);

    public void Dispose() => listener.Close();

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // Closed by Dispose.
                return;
            }

            Interlocked.Increment(ref requests);
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/x-amz-json-1.0";
            await context.Response.OutputStream.WriteAsync(Answer);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
