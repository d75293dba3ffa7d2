using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Ownership;
using Remediator.Core.Policy;

namespace Remediator.Core.Tests.Ownership;

public class OwnershipProofTests
{
    private const string ApiId = "a1b2c3d4e5";
    private const string StackA = "arn:aws:cloudformation:us-east-1:123456789012:stack/pets/0a1b2c3d-1111-2222-3333-444455556666";
    private const string StackB = "arn:aws:cloudformation:us-east-1:123456789012:stack/admin/9f8e7d6c-1111-2222-3333-444455556666";
    private const OwnershipProofs Both = OwnershipProofs.Stack | OwnershipProofs.Tag;

    private static readonly ApiTarget Api = new("us-east-1", "123456789012", ApiId);
    private static readonly LambdaFunctionArn Function = LambdaFunctionArn.Parse("arn:aws:lambda:us-east-1:123456789012:function:pets-prod:live").Value!;

    // Pinned: operators tag their functions with these, and CloudFormation sets the stack tag.
    [Fact]
    public void TagNames_ArePinned()
    {
        Assert.Equal("aws:cloudformation:stack-id", OwnershipProof.StackIdTag);
        Assert.Equal("remediator:managed", OwnershipProof.ManagedTag);
        Assert.Equal("true", OwnershipProof.AnyApi);
    }

    // apiStack / functionStack: the aws:cloudformation:stack-id tags (null = absent); managed: remediator:managed on
    // the function (null = absent); expected: the proof that holds, or null when nothing proves ownership.
    [Theory]
    [InlineData(StackA, StackA, null, Both, OwnershipProofs.Stack)]
    [InlineData(StackA, StackA, null, OwnershipProofs.Stack, OwnershipProofs.Stack)]
    [InlineData(StackA, StackA, null, OwnershipProofs.Tag, null)]
    [InlineData(StackA, StackB, null, Both, null)]
    [InlineData(null, StackA, null, Both, null)]
    [InlineData(StackA, null, null, Both, null)]
    [InlineData(null, null, null, Both, null)]
    [InlineData("", "", null, Both, null)]
    [InlineData(" ", " ", null, Both, null)]
    [InlineData(StackA, StackA + " ", null, Both, null)]
    [InlineData(StackA, "ARN:AWS:CLOUDFORMATION:US-EAST-1:123456789012:STACK/PETS/0A1B2C3D-1111-2222-3333-444455556666", null, Both, null)]
    [InlineData(null, null, "true", Both, OwnershipProofs.Tag)]
    [InlineData(null, null, "TRUE", Both, OwnershipProofs.Tag)]
    [InlineData(null, null, " True ", Both, OwnershipProofs.Tag)]
    [InlineData(null, null, "true", OwnershipProofs.Stack, null)]
    [InlineData(null, null, "true", OwnershipProofs.Tag, OwnershipProofs.Tag)]
    [InlineData(null, null, "yes", Both, null)]
    [InlineData(null, null, "1", Both, null)]
    [InlineData(null, null, "*", Both, null)]
    [InlineData(null, null, "truely", Both, null)]
    [InlineData(null, null, ApiId, Both, OwnershipProofs.Tag)]
    [InlineData(null, null, "zz11yy22xx " + ApiId, Both, OwnershipProofs.Tag)]
    [InlineData(null, null, ApiId + " zz11yy22xx", Both, OwnershipProofs.Tag)]
    [InlineData(null, null, "  zz11yy22xx   " + ApiId + "  ", Both, OwnershipProofs.Tag)]
    [InlineData(null, null, "zz11yy22xx\u00a0" + ApiId, Both, OwnershipProofs.Tag)]
    [InlineData(null, null, "true " + ApiId, Both, OwnershipProofs.Tag)]
    [InlineData(null, null, "zz11yy22xx", Both, null)]
    [InlineData(null, null, "zz11yy22xx qq33ww44ee", Both, null)]
    [InlineData(null, null, "A1B2C3D4E5", Both, null)]
    [InlineData(null, null, ApiId + "x", Both, null)]
    [InlineData(null, null, "x" + ApiId, Both, null)]
    [InlineData(null, null, "a1b2c3d4e", Both, null)]
    [InlineData(null, null, "zz11yy22xx," + ApiId, Both, null)]
    [InlineData(null, null, "", Both, null)]
    [InlineData(null, null, "   ", Both, null)]
    [InlineData(StackA, StackB, ApiId, Both, OwnershipProofs.Tag)]
    [InlineData(StackA, StackA, ApiId, Both, OwnershipProofs.Stack)]
    [InlineData(StackA, StackA, "true", OwnershipProofs.None, OwnershipProofs.None)]
    [InlineData(null, null, null, OwnershipProofs.None, OwnershipProofs.None)]
    public void Evaluate_Table(string? apiStack, string? functionStack, string? managed, OwnershipProofs accepted, OwnershipProofs? expected)
    {
        OwnershipResult result = OwnershipProof.Evaluate(accepted, Api, Function, Tags(stack: apiStack), Tags(stack: functionStack, managed: managed));

        Assert.Equal(expected is not null, result.IsProven);
        Assert.Equal(expected ?? OwnershipProofs.None, result.Proof);
        Assert.Equal(result.IsProven, result.Refusal is null);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
    }

    [Fact]
    public void Evaluate_ManagedTagKeyInOtherCase_IsNotTheTag()
    {
        var functionTags = new Dictionary<string, string> { ["Remediator:Managed"] = ApiId };

        Assert.False(OwnershipProof.Evaluate(Both, Api, Function, Tags(), functionTags).IsProven);
    }

    [Fact]
    public void Evaluate_StackTagOnlyInAnotherKeyCase_IsNotTheStackTag()
    {
        var upper = new Dictionary<string, string> { ["AWS:CloudFormation:Stack-Id"] = StackA };

        Assert.False(OwnershipProof.Evaluate(Both, Api, Function, upper, upper).IsProven);
    }

    [Fact]
    public void Evaluate_FunctionInAnotherAccount_IsNeverProven()
    {
        LambdaFunctionArn foreign = LambdaFunctionArn.Parse("arn:aws:lambda:us-east-1:999999999999:function:pets-prod").Value!;

        OwnershipResult result = OwnershipProof.Evaluate(Both, Api, foreign, Tags(stack: StackA), Tags(stack: StackA, managed: "true"));

        Assert.False(result.IsProven);
        Assert.Contains("never proven across accounts", result.Detail, StringComparison.Ordinal);
        Assert.Empty(result.OptInCommands);
    }

    [Fact]
    public void Evaluate_Proven_SaysWhichProofInOneSentence()
    {
        Assert.Equal(
            $"function pets-prod and API {ApiId} belong to the same CloudFormation stack ({StackA})",
            OwnershipProof.Evaluate(Both, Api, Function, Tags(stack: StackA), Tags(stack: StackA)).Detail);
        Assert.Equal(
            "function pets-prod is tagged remediator:managed=true: its owner lets every API of account 123456789012 call it",
            OwnershipProof.Evaluate(Both, Api, Function, Tags(), Tags(managed: "true")).Detail);
        Assert.Equal(
            $"function pets-prod is tagged remediator:managed naming API {ApiId}",
            OwnershipProof.Evaluate(Both, Api, Function, Tags(), Tags(managed: "other00001 " + ApiId)).Detail);
    }

    [Fact]
    public void Evaluate_None_IsProvenWithoutAProofAndSaysSo()
    {
        OwnershipResult result = OwnershipProof.Evaluate(OwnershipProofs.None, Api, Function, Tags(), Tags());

        Assert.True(result.IsProven);
        Assert.Equal(OwnershipProofs.None, result.Proof);
        Assert.StartsWith("REMEDIATOR_OWNERSHIP is none", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UnprovenWithBothProofs_ExplainsEachAndGivesTheTagCommand()
    {
        OwnershipResult result = OwnershipProof.Evaluate(Both, Api, Function, Tags(), Tags());

        Assert.Equal(
            $"nothing proves that the owner of function pets-prod wants API {ApiId} to call it: neither function pets-prod nor API {ApiId} carries an aws:cloudformation:stack-id tag; function pets-prod has no remediator:managed tag",
            result.Detail);
        Assert.Equal(
            [$"aws lambda tag-resource --resource arn:aws:lambda:us-east-1:123456789012:function:pets-prod --tags remediator:managed={ApiId} --region us-east-1"],
            result.OptInCommands);
        Assert.Contains("same CloudFormation stack", result.OptIn, StringComparison.Ordinal);
        Assert.Equal(new Decision(RemediationOutcome.Recommended, OutcomeReason.OwnershipUnproven, result.Detail), result.Refusal);
    }

    [Fact]
    public void Evaluate_TagNamingOtherApis_CommandKeepsThemAndAddsThisOne()
    {
        OwnershipResult result = OwnershipProof.Evaluate(Both, Api, Function, Tags(stack: StackA), Tags(stack: StackB, managed: " zz11yy22xx  qq33ww44ee "));

        Assert.Contains("function pets-prod and API a1b2c3d4e5 belong to different CloudFormation stacks", result.Detail, StringComparison.Ordinal);
        Assert.Contains("the remediator:managed tag of function pets-prod names other APIs only (zz11yy22xx, qq33ww44ee)", result.Detail, StringComparison.Ordinal);
        Assert.Equal(
            [$"aws lambda tag-resource --resource arn:aws:lambda:us-east-1:123456789012:function:pets-prod --tags 'remediator:managed=zz11yy22xx qq33ww44ee {ApiId}' --region us-east-1"],
            result.OptInCommands);
    }

    [Fact]
    public void Evaluate_EmptyManagedTag_SaysSo()
    {
        OwnershipResult result = OwnershipProof.Evaluate(OwnershipProofs.Tag, Api, Function, Tags(), Tags(managed: " "));

        Assert.Equal($"nothing proves that the owner of function pets-prod wants API {ApiId} to call it: the remediator:managed tag of function pets-prod is empty", result.Detail);
        Assert.DoesNotContain("CloudFormation", result.OptIn, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LongForeignList_IsCutInTheSentence()
    {
        string list = string.Join(' ', Enumerable.Range(0, 8).Select(i => $"api{i:D7}"));

        string detail = OwnershipProof.Evaluate(OwnershipProofs.Tag, Api, Function, Tags(), Tags(managed: list)).Detail;

        Assert.EndsWith("names other APIs only (api0000000, api0000001, api0000002, api0000003, api0000004 and 3 more)", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ListWithNoRoomLeft_GivesNoCommandButSaysWhatToDo()
    {
        string full = string.Join(' ', Enumerable.Range(0, 23).Select(i => $"api{i:D7}"));

        OwnershipResult result = OwnershipProof.Evaluate(OwnershipProofs.Tag, Api, Function, Tags(), Tags(managed: full));

        Assert.Empty(result.OptInCommands);
        Assert.Contains("256 characters at most", result.OptIn, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OnlyStackAccepted_GivesNoTagCommand()
    {
        OwnershipResult result = OwnershipProof.Evaluate(OwnershipProofs.Stack, Api, Function, Tags(), Tags(managed: ApiId));

        Assert.False(result.IsProven);
        Assert.Empty(result.OptInCommands);
        Assert.Contains("add tag to REMEDIATOR_OWNERSHIP", result.OptIn, StringComparison.Ordinal);
        Assert.DoesNotContain("remediator:managed tag of", result.Detail, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Tags(string? stack = null, string? managed = null)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["team"] = "pets" };
        if (stack is not null)
        {
            tags[OwnershipProof.StackIdTag] = stack;
        }

        if (managed is not null)
        {
            tags[OwnershipProof.ManagedTag] = managed;
        }

        return tags;
    }
}
