using System.Text.Json;
using Remediator.Core.Audit;
using Remediator.Core.Engine;
using Remediator.Core.Notifications;
using static Remediator.Core.Tests.Notifications.NotificationOutcomes;

namespace Remediator.Core.Tests.Notifications;

/// <summary>
/// Every message names the account, and its alias when one was read, in every protocol and in the attributes, so a
/// central topic's subscribers see where it happened; and no message carries more attributes than reach a raw-delivery
/// SQS subscription.
/// </summary>
public class AccountNamingTests
{
    private const string Alias = "payments-prod";
    private static readonly DateTimeOffset Hour = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    // Every attribute an outcome can carry: kind, API, function, account and alias, OpsItem and owner.
    private static readonly EngineOutcome Everything = Fixed with { AccountAlias = Alias, OpsItemId = "oi-0a1b2c3d4e5f", Owner = "team-payments" };

    public static TheoryData<string> Messages() => ["outcome", "summary", "digest"];

    [Theory]
    [MemberData(nameof(Messages))]
    public void EveryMessage_NamesTheAccountAndItsAliasInTheAttributesTextCardAndDocument(string kind)
    {
        Notification notification = Message(kind, Alias);
        using JsonDocument document = JsonDocument.Parse(notification.Document);

        Assert.Equal("123456789012", notification.Attributes[NotificationAttributes.AccountId]);
        Assert.Equal(Alias, notification.Attributes[NotificationAttributes.AccountAlias]);
        Assert.Contains("ccount 123456789012 (payments-prod), region us-east-1", notification.Body, StringComparison.Ordinal);
        Assert.Contains(Alias, notification.Chat, StringComparison.Ordinal);
        Assert.Equal(Alias, document.RootElement.GetProperty("accountAlias").GetString());
        Assert.Equal("123456789012", document.RootElement.GetProperty("accountId").GetString());
        Assert.Empty(NotificationSchema.Errors(notification.Document));
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void WithoutAnAlias_TheMessageNamesTheAccountAloneAndTheDocumentSaysNull(string kind)
    {
        Notification notification = Message(kind, null);
        using JsonDocument document = JsonDocument.Parse(notification.Document);

        Assert.False(notification.Attributes.ContainsKey(NotificationAttributes.AccountAlias));
        Assert.Contains("ccount 123456789012, region us-east-1", notification.Body, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("accountAlias").ValueKind);
        Assert.Empty(NotificationSchema.Errors(notification.Document));
    }

    [Theory]
    [InlineData("Payments")]
    [InlineData("-payments")]
    [InlineData("payments-")]
    [InlineData("pay--ments")]
    [InlineData("ab")]
    [InlineData("payments\nRemediator: fixed")]
    [InlineData("payments prod")]
    public void AnAliasOfAnotherShape_IsLeftOutEverywhere(string alias)
    {
        Notification notification = Message("outcome", alias);
        using JsonDocument document = JsonDocument.Parse(notification.Document);

        Assert.Null(SafeIdentifiers.AccountAlias(alias));
        Assert.False(notification.Attributes.ContainsKey(NotificationAttributes.AccountAlias));
        Assert.Contains("Account 123456789012, region us-east-1", notification.Body, StringComparison.Ordinal);
        Assert.Equal(notification.Chat, NotificationFormatter.Format(Everything with { AccountAlias = null }).Chat);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("accountAlias").ValueKind);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("payments-prod-01")]
    [InlineData("0-1")]
    public void AnAliasOfIamsShape_IsKept(string alias) => Assert.Equal(alias, SafeIdentifiers.AccountAlias(alias));

    [Fact]
    public void TheFullestOutcome_CarriesEveryAttributeAndNoMoreThanSqsRawDeliveryTakes()
    {
        Notification notification = NotificationFormatter.Format(Everything);

        Assert.Equal(
            ["accountAlias", "accountId", "apiId", "functionName", "kind", "opsItemId", "outcome", "owner", "reason", "severity"],
            notification.Attributes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(NotificationLimits.MaxAttributes, notification.Attributes.Count);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void NoMessage_HasMoreThanTenAttributes(string kind)
    {
        Assert.Equal(10, NotificationLimits.MaxAttributes);
        Assert.InRange(Message(kind, Alias).Attributes.Count, 1, NotificationLimits.MaxAttributes);
    }

    [Fact]
    public void TheAttributeNames_AreAtMostTen()
    {
        // Every attribute name NotificationAttributes declares (the rest of its constants are values): a new one must
        // take the place of another, or some raw-delivery SQS subscriber would get no message at all.
        string[] names =
        [
            NotificationAttributes.Outcome, NotificationAttributes.Reason, NotificationAttributes.Kind, NotificationAttributes.ApiId,
            NotificationAttributes.FunctionName, NotificationAttributes.AccountId, NotificationAttributes.AccountAlias,
            NotificationAttributes.Severity, NotificationAttributes.Owner, NotificationAttributes.OpsItemId,
        ];
        string[] values = [NotificationAttributes.SummaryOutcome, NotificationAttributes.NotificationCapReason];
        int declared = typeof(NotificationAttributes).GetFields().Count(f => f.IsLiteral);

        Assert.Equal(declared, names.Length + values.Length);
        Assert.True(names.Length <= NotificationLimits.MaxAttributes);
        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
    }

    private static Notification Message(string kind, string? alias) => kind switch
    {
        "outcome" => NotificationFormatter.Format(Everything with { AccountAlias = alias }),
        "summary" => NotificationFormatter.FormatSummary(new SuppressedNotifications(3, 2, Hour, "123456789012", "us-east-1") { AccountAlias = alias }),
        _ => SweepDigestFormatter.Format(new SweepDigest("event-1", Hour, "123456789012", "us-east-1", new AuditReport([], [], [], 1, 1), [Everything])
        {
            AccountAlias = alias,
        }),
    };
}
