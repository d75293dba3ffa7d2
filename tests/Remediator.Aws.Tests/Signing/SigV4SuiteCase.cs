using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Remediator.Aws.Signing;

namespace Remediator.Aws.Tests.Signing;

/// <summary>One case of Fixtures/Signing/sigv4-cases.json (derived from the AWS SigV4 test suite).</summary>
public sealed record SigV4SuiteCase(
    string Name,
    SigV4Request Request,
    bool Normalize,
    string ExpectedCanonicalRequest,
    string ExpectedStringToSign,
    string ExpectedSignature)
{
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    public static readonly SigningScope Scope = new(
        DateTimeOffset.Parse("2015-08-30T12:36:00Z", CultureInfo.InvariantCulture), "us-east-1", "service");

    private static readonly Lazy<IReadOnlyDictionary<string, SigV4SuiteCase>> All = new(Load);

    public static IEnumerable<object[]> Names => All.Value.Keys.Order(StringComparer.Ordinal).Select(n => new object[] { n });

    public static SigV4SuiteCase Get(string name) => All.Value[name];

    private static Dictionary<string, SigV4SuiteCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Signing", "sigv4-cases.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        Assert.Equal(AccessKeyId, root.GetProperty("accessKeyId").GetString());
        Assert.Equal(SecretAccessKey, root.GetProperty("secretAccessKey").GetString());
        return root.GetProperty("cases").EnumerateArray().Select(Parse).ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    private static SigV4SuiteCase Parse(JsonElement c)
    {
        var body = c.GetProperty("body").GetString() ?? string.Empty;
        var request = new SigV4Request(
            c.GetProperty("method").GetString()!,
            c.GetProperty("path").GetString()!,
            Pairs(c.GetProperty("query")),
            Pairs(c.GetProperty("headers")),
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))));
        return new SigV4SuiteCase(
            c.GetProperty("name").GetString()!,
            request,
            c.GetProperty("normalize").GetBoolean(),
            Lines(c.GetProperty("expectedCanonicalRequest")),
            Lines(c.GetProperty("expectedStringToSign")),
            c.GetProperty("expectedSignature").GetString()!);
    }

    private static List<KeyValuePair<string, string>> Pairs(JsonElement array) =>
        array.EnumerateArray().Select(p => new KeyValuePair<string, string>(p[0].GetString()!, p[1].GetString()!)).ToList();

    private static string Lines(JsonElement array) => string.Join('\n', array.EnumerateArray().Select(l => l.GetString()));
}
