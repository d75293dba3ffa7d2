using System.Text.Json;
using Remediator.Core.Engine;
using Remediator.Core.Notifications;
using static Remediator.Core.Tests.Notifications.NotificationOutcomes;

namespace Remediator.Core.Tests.Notifications;

public class ChatNotificationTests
{
    [Theory]
    [InlineData("fixed")]
    [InlineData("recommended")]
    [InlineData("ticket-role")]
    public void Format_Chat_IsACustomNotificationInThreadOfTheRootCause(string name)
    {
        EngineOutcome outcome = (name switch { "fixed" => Fixed, "recommended" => Recommended, _ => RoleTicket }) with
        {
            LedgerKey = new string('a', 64),
            OpsItemId = "oi-0a1b2c3d4e5f",
        };

        Notification notification = NotificationFormatter.Format(outcome);
        using JsonDocument chat = JsonDocument.Parse(notification.Chat);
        JsonElement root = chat.RootElement;

        // Amazon Q Developer in chat applications, custom notifications: version "1.0", source "custom", content, metadata.
        Assert.Equal(["version", "source", "content", "metadata"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("1.0", "custom"), (root.GetProperty("version").GetString(), root.GetProperty("source").GetString()));
        JsonElement content = root.GetProperty("content");
        Assert.Equal("client-markdown", content.GetProperty("textType").GetString());
        Assert.Equal(notification.Subject, content.GetProperty("title").GetString());
        Assert.Contains("`oi-0a1b2c3d4e5f`", content.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(content.GetProperty("nextSteps").EnumerateArray(), step => step.GetString()!.Contains("oi-0a1b2c3d4e5f", StringComparison.Ordinal));
        Assert.Contains(outcome.Reason.ToString(), content.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        JsonElement metadata = root.GetProperty("metadata");
        Assert.Equal(new string('a', 64), metadata.GetProperty("threadId").GetString());
        Assert.Equal(notification.Subject, metadata.GetProperty("summary").GetString());
        Assert.Equal(Pets, metadata.GetProperty("relatedResources")[0].GetString());
    }

    [Fact]
    public void Format_Fixed_NextStepsSayHowToUndoIt_RecommendedHowToApplyIt()
    {
        string fixedSteps = Steps(Fixed);
        string recommendedSteps = Steps(Recommended);

        Assert.Contains("`" + Fixed.RemovePermissionCommand + "`", fixedSteps, StringComparison.Ordinal);
        Assert.Contains("`" + Recommended.AddPermissionCommand + "`", recommendedSteps, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_HostileNames_NeverReachTheRenderedCard()
    {
        // Chat clients render markdown and mentions: a resource's own names and the log's words stay out of the card.
        string chat = NotificationFormatter.Format(Hostile with { OpsItemId = "oi-1 <!channel>", ApiId = "a1b2 <!here>" }).Chat;

        Assert.DoesNotContain("Remediator: fixed", chat, StringComparison.Ordinal);
        Assert.DoesNotContain("<!", chat, StringComparison.Ordinal);
        Assert.DoesNotContain("pets\u202E", chat, StringComparison.Ordinal);
    }

    private static string Steps(EngineOutcome outcome)
    {
        using JsonDocument chat = JsonDocument.Parse(NotificationFormatter.Format(outcome).Chat);
        return string.Join('\n', chat.RootElement.GetProperty("content").GetProperty("nextSteps").EnumerateArray().Select(s => s.GetString()));
    }
}
