using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Remediator.Core.Policy;

/// <summary>
/// Derives the statement id of a Remediator grant from the grant's values:
/// <c>remediator-{readable source}-{16 hex of SHA-256}</c>. The same grant always gets the same id, so a
/// second attempt meets <c>ResourceConflictException</c> and counts as done; the prefix marks statements
/// Remediator created (and so the only ones it may ever touch).
/// </summary>
public static partial class StatementIdFactory
{
    private const int ReadableMaxLength = 60;
    private const int HashHexLength = 16;

    /// <summary>Id for a grant to <paramref name="principal"/> of <paramref name="action"/> on the function, from the source.</summary>
    public static string Create(LambdaFunctionArn function, string principal, string action, string sourceArn, string sourceAccount)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(sourceArn);
        ArgumentNullException.ThrowIfNull(sourceAccount);

        // Newline-separated: none of the fields can contain one, so distinct grants hash distinct inputs.
        var canonical = string.Join('\n', function.UnqualifiedArn, function.Qualifier ?? string.Empty, principal, action, sourceArn, sourceAccount);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..HashHexLength];
        var readable = Readable(sourceArn);
        return readable.Length == 0
            ? $"{PolicyConstants.StatementIdPrefix}{hash}"
            : $"{PolicyConstants.StatementIdPrefix}{readable}-{hash}";
    }

    /// <summary>True for ids this factory produces (prefix, allowed characters, length, hash suffix).</summary>
    public static bool IsRemediatorStatementId(string? statementId) =>
        statementId is not null && RemediatorIdPattern().IsMatch(statementId);

    /// <summary>True for any id Lambda accepts: 1 to 100 of <c>[A-Za-z0-9-_]</c>.</summary>
    public static bool IsValidStatementId(string? statementId) =>
        statementId is not null && LambdaIdPattern().IsMatch(statementId);

    // "arn:aws:execute-api:us-east-1:111122223333:a1b2c3/*/GET/pets/*" → "a1b2c3-any-GET-pets-any".
    private static string Readable(string sourceArn)
    {
        var parts = sourceArn.Split(':', 6);
        var resource = parts.Length == 6 ? parts[5] : sourceArn;
        var words = resource.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => segment == "*" ? "any" : new string(segment.Where(char.IsAsciiLetterOrDigit).ToArray()))
            .Where(word => word.Length > 0);
        var readable = string.Join('-', words);
        return readable.Length <= ReadableMaxLength ? readable : readable[..ReadableMaxLength].TrimEnd('-');
    }

    [GeneratedRegex("^remediator-([A-Za-z0-9-]{1,60}-)?[0-9a-f]{16}$")]
    private static partial Regex RemediatorIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex LambdaIdPattern();
}
