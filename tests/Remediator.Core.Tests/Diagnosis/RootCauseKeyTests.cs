using Remediator.Core.Diagnosis;

namespace Remediator.Core.Tests.Diagnosis;

public class RootCauseKeyTests
{
    [Fact]
    public void Fingerprint_KnownKey_IsPinned()
    {
        // Pinned (computed independently): ledger records are keyed on it, so a change orphans stored remediations.
        var key = RootCauseKey.Of(
            FindingKind.MissingInvokePermission, "a1b2c3d4e5", "prod", "GET", "/pets/42", null,
            "arn:aws:lambda:us-east-1:123456789012:function:pets-handler:prod");

        Assert.Equal("d6b334ee75ac916a4c08630c3d7a689314eadf684ae9625aab11a9770e3e393e", key.Fingerprint);
    }

    [Fact]
    public void Fingerprint_IsSixtyFourLowerCaseHexCharacters()
    {
        string fingerprint = RootCauseKey.Of(FindingKind.Unrecognized, null, null, null, null, null, null).Fingerprint;

        Assert.Matches("^[0-9a-f]{64}$", fingerprint);
    }

    [Fact]
    public void Of_WithRouteKey_DropsMethodAndPath()
    {
        var a = RootCauseKey.Of(FindingKind.MissingInvokePermission, "api", "s", "GET", "/pets/1", "GET /pets/{id}", null);
        var b = RootCauseKey.Of(FindingKind.MissingInvokePermission, "api", "s", "GET", "/pets/2", "GET /pets/{id}", null);

        Assert.Equal(a, b);
        Assert.Equal(a.Fingerprint, b.Fingerprint);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("a|b", "a")]
    [InlineData("ab", "a")]
    public void Fingerprint_DifferentValues_DoNotCollideThroughTheEncoding(string? stageA, string stageB)
    {
        var a = RootCauseKey.Of(FindingKind.FunctionError, "api", stageA, null, null, null, null);
        var b = RootCauseKey.Of(FindingKind.FunctionError, "api", stageB, null, null, null, null);

        Assert.NotEqual(a.Fingerprint, b.Fingerprint);
    }

    [Fact]
    public void Fingerprint_EveryComponentMatters()
    {
        RootCauseKey[] keys =
        [
            RootCauseKey.Of(FindingKind.FunctionError, "api", "s", "GET", "/p", null, "arn"),
            RootCauseKey.Of(FindingKind.HandlerNotFound, "api", "s", "GET", "/p", null, "arn"),
            RootCauseKey.Of(FindingKind.FunctionError, "api2", "s", "GET", "/p", null, "arn"),
            RootCauseKey.Of(FindingKind.FunctionError, "api", "s2", "GET", "/p", null, "arn"),
            RootCauseKey.Of(FindingKind.FunctionError, "api", "s", "PUT", "/p", null, "arn"),
            RootCauseKey.Of(FindingKind.FunctionError, "api", "s", "GET", "/q", null, "arn"),
            RootCauseKey.Of(FindingKind.FunctionError, "api", "s", "GET", "/p", null, "arn2"),
            RootCauseKey.Of(FindingKind.FunctionError, "api", "s", "GET", "/p", "GET /p", "arn"),
        ];

        Assert.Equal(keys.Length, keys.Select(k => k.Fingerprint).Distinct().Count());
    }
}
