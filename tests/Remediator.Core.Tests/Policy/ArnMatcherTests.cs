using Remediator.Core.Policy;

namespace Remediator.Core.Tests.Policy;

public class ArnMatcherTests
{
    private const string Api = "arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5";

    [Theory]
    // The IAM user guide's example: StringLike would match across colons, ArnLike does not.
    [InlineData("arn:aws:someservice:*:111122223333:finance/*", "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt", false)]
    [InlineData("arn:aws:someservice:*:111122223333:finance/*", "arn:aws:someservice:us-east-2:111122223333:finance/document.txt", true)]
    [InlineData("*", "not even an arn", true)]
    [InlineData(Api + "/*/GET/pets", Api + "/prod/GET/pets", true)]
    [InlineData(Api + "/*/GET/pets", Api + "/prod/GET/pets/1", false)]
    [InlineData(Api + "/*/*", Api + "/prod/GET/pets/1", true)]
    [InlineData(Api + "/*", Api + "/authorizers/abc123", true)]
    // '*' stays inside its component: it cannot swallow the account.
    [InlineData("arn:aws:execute-api:us-east-1:*", "arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/prod/GET/", false)]
    [InlineData("arn:aws:execute-api:us-east-1:*:*", "arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/prod/GET/", true)]
    [InlineData("arn:aws:execute-api:*:111122223333:*/*", Api + "/prod/GET/x", true)]
    [InlineData("arn:aws:execute-api:us-east-?:111122223333:a1b2c3d4e5/*", Api + "/prod/GET/x", true)]
    // Case-sensitive per component (IAM user guide: ArnEquals/ArnLike are case-sensitive).
    [InlineData(Api + "/*/get/pets", Api + "/prod/GET/pets", false)]
    // The sixth component keeps its colons: function:name:qualifier.
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:f:*", "arn:aws:lambda:us-east-1:111122223333:function:f:prod", true)]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:f:*", "arn:aws:lambda:us-east-1:111122223333:function:f", false)]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:f", "arn:aws:lambda:us-east-1:111122223333:function:f:prod", false)]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:*", "arn:aws:lambda:us-east-1:111122223333:function:f:prod", true)]
    // Not an ARN on either side: no match.
    [InlineData("arn:aws:execute-api", "arn:aws:execute-api", false)]
    [InlineData(Api + "/*", "a1b2c3d4e5/prod/GET/", false)]
    public void IsMatch_ComparesSixComponentsSeparately(string pattern, string value, bool expected) =>
        Assert.Equal(expected, ArnMatcher.IsMatch(pattern, value));
}
