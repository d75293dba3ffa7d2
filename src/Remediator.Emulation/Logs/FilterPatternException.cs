namespace Remediator.Emulation.Logs;

/// <summary>A filter pattern that CloudWatch Logs would reject (the sandbox turns it into InvalidParameterException).</summary>
public sealed class FilterPatternException : FormatException
{
    /// <summary>Creates the exception for a problem at <paramref name="position"/> (0-based) in the pattern.</summary>
    public FilterPatternException(string message, int position)
        : base($"Invalid filter pattern at position {position}: {message}")
    {
        Position = position;
    }

    /// <summary>Creates the exception without a position.</summary>
    public FilterPatternException()
        : this("invalid pattern", 0)
    {
    }

    /// <summary>Creates the exception without a position.</summary>
    public FilterPatternException(string message)
        : this(message, 0)
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public FilterPatternException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>0-based index in the pattern where the problem was found.</summary>
    public int Position { get; }
}
