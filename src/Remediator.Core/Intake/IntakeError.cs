using System.Text.Json;

namespace Remediator.Core.Intake;

/// <summary>A refused payload: what kind of problem, and a sentence saying exactly what was wrong.</summary>
public sealed record IntakeError(IntakeErrorCode Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";

    /// <summary>The refusal of a value of the wrong JSON type at <paramref name="path"/>.</summary>
    internal static IntakeError WrongType(string path, string expected, JsonTokenType found) =>
        new(IntakeErrorCode.WrongType, $"'{path}' must be {expected}, found {Describe(found)}");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        _ => token.ToString(),
    };
}
