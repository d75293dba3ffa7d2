using System.Diagnostics.CodeAnalysis;

namespace Remediator.Core.Policy;

/// <summary>The outcome of parsing a policy: a document, or why the text is not a policy we can trust.</summary>
public sealed record PolicyParseResult
{
    private PolicyParseResult(PolicyDocument? document, string? error)
    {
        Document = document;
        Error = error;
    }

    public PolicyDocument? Document { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Document))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Document is not null;

    public static PolicyParseResult Success(PolicyDocument document) =>
        new(document ?? throw new ArgumentNullException(nameof(document)), null);

    public static PolicyParseResult Failure(string error) => new(null, error);
}
