namespace Remediator.Deployment.Tests.Template;

public class CfnYamlTests
{
    [Theory]
    [InlineData("a: !Ref X", """{"a":{"Ref":"X"}}""")]
    [InlineData("a: !Sub 'arn:${AWS::Partition}:x'", """{"a":{"Fn::Sub":"arn:${AWS::Partition}:x"}}""")]
    [InlineData("a: !GetAtt Fn.Arn", """{"a":{"Fn::GetAtt":["Fn","Arn"]}}""")]
    [InlineData("a: !GetAtt [Fn, Arn]", """{"a":{"Fn::GetAtt":["Fn","Arn"]}}""")]
    [InlineData("a: !If [C, !Ref X, !Ref AWS::NoValue]", """{"a":{"Fn::If":["C",{"Ref":"X"},{"Ref":"AWS::NoValue"}]}}""")]
    [InlineData("a: !Not [!Equals [!Ref X, '']]", """{"a":{"Fn::Not":[{"Fn::Equals":[{"Ref":"X"},""]}]}}""")]
    [InlineData("a: !Join [',', !Split ['-', !Select [0, !Ref L]]]", """{"a":{"Fn::Join":[",",{"Fn::Split":["-",{"Fn::Select":["0",{"Ref":"L"}]}]}]}}""")]
    [InlineData("a: !FindInMap [M, K, V]", """{"a":{"Fn::FindInMap":["M","K","V"]}}""")]
    [InlineData("a: !And [!Condition C1, !Or [!Condition C2, !Condition C3]]", """{"a":{"Fn::And":[{"Condition":"C1"},{"Fn::Or":[{"Condition":"C2"},{"Condition":"C3"}]}]}}""")]
    [InlineData("a: {\"Fn::GetAtt\": [Fn, Arn]}", """{"a":{"Fn::GetAtt":["Fn","Arn"]}}""")]
    [InlineData("a: \"0\"\nb: 0\nc: true", """{"a":"0","b":"0","c":"true"}""")]
    public void Parse_ShortAndLongForms_GiveTheLongFormTree(string yaml, string expectedJson)
    {
        Assert.Equal(expectedJson, CfnYaml.Parse(yaml).ToJsonString());
    }

    [Theory]
    [InlineData("a: 1\na: 2")]
    [InlineData("a: !GetAtt NoDot")]
    [InlineData("- just a list")]
    public void Parse_InvalidTemplate_Throws(string yaml)
    {
        Assert.ThrowsAny<Exception>(() => CfnYaml.Parse(yaml));
    }
}
