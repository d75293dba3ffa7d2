using System.Text;
using System.Text.Json;
using Remediator.Core.Engine;
using Remediator.Core.Notifications;
using Remediator.Core.Ports;
using static Remediator.Core.Tests.Notifications.NotificationOutcomes;

namespace Remediator.Core.Tests.Notifications;

public class NotificationEnvelopeTests
{
    [Fact]
    public void ToSnsMessage_IsOneMessagePerProtocol()
    {
        Notification notification = NotificationFormatter.Format(Fixed);

        SnsMessage message = notification.ToSnsMessage("arn:aws:sns:us-east-1:123456789012:remediator", NotificationKey.ForSummary("123456789012", "us-east-1", DateTimeOffset.UnixEpoch));
        using JsonDocument envelope = JsonDocument.Parse(message.Message);

        Assert.Equal("json", message.MessageStructure);
        Assert.Equal(["default", "email", "https", "sqs", "lambda"], envelope.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            [notification.Body, notification.Body, notification.Chat, notification.Document, notification.Document],
            envelope.RootElement.EnumerateObject().Select(p => p.Value.GetString()));
        Assert.Equal(notification.Attributes, message.Attributes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Format_TextOfAnySize_KeepsTheWholeMessageWithinSnsLimit(int charBytes)
    {
        // Evidence lines of one-byte (escaped quotes: two bytes in JSON) or three-byte characters, far beyond the limit.
        string unit = charBytes == 1 ? "\"q\" " : "中";
        EngineOutcome outcome = Fixed with { Verified = [.. Enumerable.Repeat(string.Concat(Enumerable.Repeat(unit, 2000)), 50)] };

        Notification notification = NotificationFormatter.Format(outcome);
        SnsMessage message = notification.ToSnsMessage("topic", NotificationKey.ForSummary("123456789012", "us-east-1", DateTimeOffset.UnixEpoch));

        int bytes = Encoding.UTF8.GetByteCount(message.Message);
        int budget = NotificationLimits.MessageBudget(notification.Subject, notification.Attributes);
        Assert.InRange(bytes, budget - (budget / 100), budget);
        Assert.EndsWith(UntrustedText.TruncationMarker, notification.Body, StringComparison.Ordinal);
        Assert.Empty(NotificationSchema.Errors(notification.Document));
    }

    [Fact]
    public void Format_Severity_FollowsWhatFailed()
    {
        Assert.Equal(
            ["info", "high", "medium"],
            new[] { Fixed, Recommended, RoleTicket with { Finding = NotificationOutcomes.Finding with { Kind = Remediator.Core.Diagnosis.FindingKind.FunctionError } } }
                .Select(o => NotificationFormatter.Format(o).Attributes[NotificationAttributes.Severity]));
    }

    [Theory]
    [InlineData("team-pets", "team-pets")]
    [InlineData("Platform Team: pets/api @ops", "Platform Team: pets/api @ops")]
    [InlineData("équipe", null)]
    [InlineData("team\nx", null)]
    [InlineData("", null)]
    public void Format_Owner_IsAnAttributeOnlyInARoutableShape(string owner, string? expected)
    {
        IReadOnlyDictionary<string, string> attributes = NotificationFormatter.Format(Fixed with { Owner = owner }).Attributes;

        Assert.Equal(expected, attributes.GetValueOrDefault(NotificationAttributes.Owner));
    }
}
