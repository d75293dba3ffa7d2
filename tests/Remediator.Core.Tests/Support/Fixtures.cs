using Remediator.Core.Intake;

namespace Remediator.Core.Tests.Support;

/// <summary>Reads fixture files copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static string Path(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    public static byte[] Bytes(string relative) => File.ReadAllBytes(Path(relative));

    /// <summary>Decodes a decoded-message fixture from <c>Fixtures/messages</c>, failing the test on an intake error.</summary>
    public static LogBatch Message(string name) => Decode($"messages/{name}");

    /// <summary>Decodes a Lambda payload fixture from <c>Fixtures/payloads</c>.</summary>
    public static LogBatch Payload(string name) => Decode($"payloads/{name}");

    private static LogBatch Decode(string relative)
    {
        IntakeResult result = SubscriptionPayloadDecoder.Decode(Bytes(relative));
        Assert.True(result.IsSuccess, $"{relative}: {result.Error}");
        return result.Batch!;
    }
}
