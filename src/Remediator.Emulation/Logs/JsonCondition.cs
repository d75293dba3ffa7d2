using System.Text.Json;

namespace Remediator.Emulation.Logs;

/// <summary>A boolean condition of a JSON filter pattern, evaluated against one parsed event.</summary>
internal abstract record JsonCondition
{
    /// <summary>True when the message is a JSON document that satisfies the condition.</summary>
    public bool Matches(string message)
    {
        var trimmed = message.AsSpan().TrimStart();
        if (trimmed.IsEmpty || trimmed[0] != '{')
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(message);
            return Evaluate(document.RootElement);
        }
        catch (JsonException)
        {
            // An event that only looks like JSON is not a JSON event: JSON patterns never match it.
            return false;
        }
    }

    public abstract bool Evaluate(JsonElement root);

    internal sealed record All(JsonCondition Left, JsonCondition Right) : JsonCondition
    {
        public override bool Evaluate(JsonElement root) => Left.Evaluate(root) && Right.Evaluate(root);
    }

    internal sealed record Any(JsonCondition Left, JsonCondition Right) : JsonCondition
    {
        public override bool Evaluate(JsonElement root) => Left.Evaluate(root) || Right.Evaluate(root);
    }

    /// <summary><c>$.x IS NULL</c>, <c>IS TRUE</c>, <c>IS FALSE</c>: the field exists with that JSON value.</summary>
    internal sealed record Is(JsonSelector Selector, JsonValueKind Kind) : JsonCondition
    {
        public override bool Evaluate(JsonElement root) =>
            Selector.TryResolve(root, out var value) && value.ValueKind == Kind;
    }

    /// <summary><c>$.x NOT EXISTS</c>: the path does not resolve.</summary>
    internal sealed record NotExists(JsonSelector Selector) : JsonCondition
    {
        public override bool Evaluate(JsonElement root) => !Selector.TryResolve(root, out _);
    }

    /// <summary><c>$.x op value</c>; a field that is missing never satisfies a comparison, not even <c>!=</c>.</summary>
    internal sealed record Compare(JsonSelector Selector, string Operator, JsonPatternValue Value) : JsonCondition
    {
        public override bool Evaluate(JsonElement root) =>
            Selector.TryResolve(root, out var field) && Value.Compare(Operator, field);
    }
}
