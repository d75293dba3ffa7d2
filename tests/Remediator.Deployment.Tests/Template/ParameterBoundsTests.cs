using System.Globalization;
using System.Text.Json.Nodes;
using Remediator.Core.Configuration;

namespace Remediator.Deployment.Tests.Template;

/// <summary>
/// Every parameter that becomes a setting admits exactly what the function accepts at start: a value the
/// template lets through but the settings reader refuses would fail every cold start of the deployed stack.
/// </summary>
public class ParameterBoundsTests
{
    private static readonly SamTemplate Template = SamTemplate.Default;

    /// <summary>Parameter name → the environment variable it sets (the function's Environment, by Ref).</summary>
    public static TheoryData<string, string> SettingParameters()
    {
        var data = new TheoryData<string, string>();
        var variables = Template.Resource("RemediatorFunction").Properties["Environment"]!["Variables"]!.AsObject();
        foreach (var (variable, value) in variables)
        {
            if (value is JsonObject reference && JsonTree.FunctionName(reference) == "Ref"
                && Template.Parameters.ContainsKey(JsonTree.Text(reference["Ref"])))
            {
                data.Add(JsonTree.Text(reference["Ref"]), variable);
            }
        }

        return data;
    }

    [Fact]
    public void SettingParameters_CoverTheNumericCaps()
    {
        var names = SettingParameters().Select(row => (string)row[0]).ToList();

        Assert.Contains("MaxFixesPerInvocation", names);
        Assert.Contains("MaxFixesPerHour", names);
        Assert.Contains("MaxNotificationsPerHour", names);
    }

    [Theory]
    [MemberData(nameof(SettingParameters))]
    public void Parameter_EveryValueTheTemplateAdmits_TheFunctionAccepts(string parameter, string variable)
    {
        var declaration = Template.Parameters[parameter]!.AsObject();
        var admitted = new List<string>();
        if (declaration["Default"] is { } fallback && JsonTree.Text(fallback).Length > 0)
        {
            admitted.Add(JsonTree.Text(fallback));
        }

        if (declaration["AllowedValues"] is JsonArray allowed)
        {
            admitted.AddRange(allowed.Select(JsonTree.Text));
        }

        if (declaration["MinValue"] is { } min)
        {
            admitted.Add(JsonTree.Text(min));
        }

        if (declaration["MaxValue"] is { } max)
        {
            admitted.Add(JsonTree.Text(max));
        }

        Assert.All(admitted, value => Assert.Empty(ErrorsFor(variable, value)));
    }

    [Theory]
    [MemberData(nameof(SettingParameters))]
    public void Parameter_NumericBounds_AreTheFunctionsBounds(string parameter, string variable)
    {
        var declaration = Template.Parameters[parameter]!.AsObject();
        if (JsonTree.Text(declaration["Type"]) != "Number")
        {
            return;
        }

        // A number setting without both bounds in the template would admit what the function refuses.
        long min = long.Parse(JsonTree.Text(declaration["MinValue"]), CultureInfo.InvariantCulture);
        long max = long.Parse(JsonTree.Text(declaration["MaxValue"]), CultureInfo.InvariantCulture);

        Assert.NotEmpty(ErrorsFor(variable, (min - 1).ToString(CultureInfo.InvariantCulture)));
        Assert.NotEmpty(ErrorsFor(variable, (max + 1).ToString(CultureInfo.InvariantCulture)));
    }

    private static IReadOnlyList<SettingsError> ErrorsFor(string variable, string value)
    {
        var environment = new InMemoryEnvironmentVariables(new Dictionary<string, string> { [variable] = value });
        return [.. RemediatorSettingsReader.Read(environment).Errors.Where(e => e.Variable == variable)];
    }
}
