using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Remediator.Deployment.Tests.Support;
using Remediator.Deployment.Tests.Template;

namespace Remediator.Deployment.Tests.Organization;

/// <summary>
/// The policies the central account puts on its alert topic and on that topic's key: anyone may publish (or encrypt
/// that topic's messages) only as a principal of the organization; nothing else is granted to anyone outside the
/// topic's own account.
/// </summary>
public partial class CentralTopicPolicyTests
{
    public const string TopicPolicyPath = "deploy/central-topic-policy.json";
    public const string KeyPolicyPath = "deploy/central-topic-key-policy.json";
    private const string OrgIdPlaceholder = "o-exampleorgid";
    private const string TopicPlaceholder = "arn:aws:sns:us-east-1:111122223333:remediator-alerts";

    public static TheoryData<string> Policies() => [TopicPolicyPath, KeyPolicyPath];

    [Fact]
    public void TopicPolicy_AllowsOnlyPublishToTheTopicFromTheOrganization()
    {
        var statement = Assert.Single(Statements(TopicPolicyPath));

        Assert.Equal("Allow", JsonTree.Text(statement["Effect"]));
        Assert.Equal(["sns:Publish"], JsonTree.AsList(statement["Action"]).Select(JsonTree.Text));
        Assert.Equal([TopicPlaceholder], JsonTree.AsList(statement["Resource"]).Select(JsonTree.Text));
        Assert.Matches(TopicArn(), TopicPlaceholder);
        Assert.True(OrganizationOnly(statement), statement.ToJsonString());
    }

    [Fact]
    public void KeyPolicy_LetsTheOrganizationEncryptOnlyTheCentralTopicsMessages()
    {
        var statements = Statements(KeyPolicyPath);
        var outside = Assert.Single(statements, s => WildcardPrincipal(s["Principal"]));

        Assert.Equal(["kms:Decrypt", "kms:GenerateDataKey*"], JsonTree.AsList(outside["Action"]).Select(JsonTree.Text).Order(StringComparer.Ordinal));
        Assert.True(OrganizationOnly(outside), outside.ToJsonString());
        Assert.Equal(TopicPlaceholder, JsonTree.Text(outside["Condition"]!["StringEquals"]!["kms:EncryptionContext:aws:sns:topicArn"]));

        // The other statement is the key's administration by the account that owns it (and the topic).
        var own = Assert.Single(statements, s => !WildcardPrincipal(s["Principal"]));
        Assert.Equal("arn:aws:iam::111122223333:root", JsonTree.Text(own["Principal"]!["AWS"]));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Policy_NoStatementGrantsAWildcardPrincipalWithoutTheOrganizationCondition(string path)
    {
        var statements = Statements(path);

        Assert.NotEmpty(statements);
        Assert.All(statements, s =>
        {
            Assert.Equal("Allow", JsonTree.Text(s["Effect"]));
            Assert.False(s.ContainsKey("NotPrincipal") || s.ContainsKey("NotAction") || s.ContainsKey("NotResource"), $"{path}: Not* elements grant everything else");
            Assert.True(!WildcardPrincipal(s["Principal"]) || OrganizationOnly(s), $"{path}: {s.ToJsonString()} lets anyone in");
        });
    }

    [Theory]
    [InlineData("""{"Effect":"Allow","Principal":"*","Action":"sns:Publish","Resource":"x"}""", false)]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":["*"]},"Action":"sns:Publish","Resource":"x","Condition":{"StringLike":{"aws:PrincipalOrgID":"o-*"}}}""", false)]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sns:Publish","Resource":"x","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-exampleorgid"},"Bool":{"aws:SecureTransport":"true"}}}""", true)]
    [InlineData("""{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sns:Publish","Resource":"x","Condition":{"StringEquals":{"aws:PrincipalOrgID":["o-exampleorgid","o-otherorgid1"]}}}""", false)]
    public void OrganizationOnly_RecognisesOnlyAnExactOrganizationCondition(string statement, bool expected)
    {
        // The check above can fail: a bare wildcard, a pattern or a second organization is not "the organization".
        var parsed = JsonNode.Parse(statement)!.AsObject();

        Assert.True(WildcardPrincipal(parsed["Principal"]));
        Assert.Equal(expected, OrganizationOnly(parsed));
    }

    private static List<JsonObject> Statements(string path) =>
        [.. JsonTree.AsList(JsonNode.Parse(File.ReadAllText(RepositoryRoot.File(path)))!["Statement"]).Select(s => s!.AsObject())];

    private static bool WildcardPrincipal(JsonNode? principal) => principal switch
    {
        JsonValue value => JsonTree.Text(value) == "*",
        JsonObject obj => obj.Any(p => JsonTree.AsList(p.Value).Any(v => JsonTree.Text(v).Contains('*', StringComparison.Ordinal))),
        _ => false,
    };

    // Exactly one organization id, compared exactly, whatever else the condition adds.
    private static bool OrganizationOnly(JsonObject statement) =>
        statement["Condition"]?["StringEquals"]?["aws:PrincipalOrgID"] is JsonValue org
        && JsonTree.Text(org) == OrgIdPlaceholder
        && OrgId().IsMatch(OrgIdPlaceholder)
        && !statement["Condition"]!.AsObject().Where(c => c.Key != "StringEquals").Any(c => c.Value!.AsObject().ContainsKey("aws:PrincipalOrgID"));

    [GeneratedRegex("^o-[a-z0-9]{10,32}$")]
    private static partial Regex OrgId();

    [GeneratedRegex(@"^arn:aws:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]+$")]
    private static partial Regex TopicArn();
}
