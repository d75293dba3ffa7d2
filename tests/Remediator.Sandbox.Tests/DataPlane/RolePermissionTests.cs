using Remediator.Sandbox.DataPlane;

namespace Remediator.Sandbox.Tests.DataPlane;

/// <summary>The sandbox's model of an identity policy: which invoked ARNs a role's declaration covers.</summary>
public sealed class RolePermissionTests
{
    private const string Role = "arn:aws:iam::000000000000:role/apigw-invoke";
    private const string Pets = "arn:aws:lambda:us-east-1:000000000000:function:pets";

    [Theory]
    [InlineData(Pets, Pets, true)]
    [InlineData(Pets, Pets + ":live", false)]
    [InlineData(Pets + ":*", Pets + ":live", true)]
    [InlineData(Pets + ":*", Pets, false)]
    [InlineData(Pets + "*", Pets, true)]
    [InlineData(Pets + "*", Pets + ":7", true)]
    [InlineData(Pets + "*", Pets + "-admin", true)]
    [InlineData("arn:aws:lambda:*:000000000000:function:pets", Pets, true)]
    [InlineData("arn:aws:lambda:us-east-?:000000000000:function:pets", Pets, true)]
    [InlineData("arn:aws:lambda:us-east-?:000000000000:function:pets", "arn:aws:lambda:us-east-10:000000000000:function:pets", false)]
    [InlineData("arn:aws:lambda:us-east-1:*:function:pets", "arn:aws:lambda:us-east-1:111122223333:function:pets", true)]
    [InlineData("arn:aws:lambda:us-east-1:000000000000:function:Pets", Pets, false)]
    [InlineData("arn:aws:lambda:us-east-1:000000000000:function:p.ts", Pets, false)]
    [InlineData("arn:aws:lambda:us-east-1:000000000000:function:cats", Pets, false)]
    public void Covers_FunctionPattern_MatchesLikeAnIamResource(string pattern, string invoked, bool expected)
    {
        Assert.Equal(expected, new RolePermission(Role, pattern).Covers(Role, invoked));
    }

    [Theory]
    [InlineData("arn:aws:iam::000000000000:role/other")]
    [InlineData("arn:aws:iam::000000000000:role/APIGW-INVOKE")]
    [InlineData("arn:aws:iam::111122223333:role/apigw-invoke")]
    public void Covers_AnotherRole_IsFalse(string role)
    {
        Assert.False(new RolePermission(Role, "*:*:*:*:*:*").Covers(role, Pets));
    }

    [Theory]
    [InlineData(Role, Pets, null)]
    [InlineData(Role, Pets + "*", null)]
    [InlineData(null, Pets, "roleArn")]
    [InlineData("apigw-invoke", Pets, "roleArn")]
    [InlineData("arn:aws:iam::000000000000:user/alice", Pets, "roleArn")]
    [InlineData(Role, null, "functionArn")]
    [InlineData(Role, "pets", "functionArn")]
    [InlineData(Role, "arn:aws:sns:us-east-1:000000000000:topic", "functionArn")]
    public void Problem_Declaration_NamesTheBadField(string? role, string? function, string? field)
    {
        var problem = RolePermission.Problem(role, function);

        if (field is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.StartsWith(field + " must be", problem, StringComparison.Ordinal);
        }
    }
}
