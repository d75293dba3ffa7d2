namespace Remediator.Core.Configuration;

/// <summary>The process environment as a seam, so settings and the runtime loop are testable without
/// touching real process state.</summary>
public interface IEnvironmentVariables
{
    /// <summary>The variable's value, or null when it is not set.</summary>
    string? Get(string name);

    /// <summary>The names of every variable currently set.</summary>
    IReadOnlyCollection<string> GetNames();

    /// <summary>Sets a variable; a null value removes it.</summary>
    void Set(string name, string? value);
}
