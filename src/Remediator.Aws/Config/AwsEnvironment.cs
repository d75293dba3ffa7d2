namespace Remediator.Aws.Config;

/// <summary>
/// The process environment as the AWS layer reads it: variables through a lookup function (so tests pass a
/// dictionary) and the shared config file they point at.
/// </summary>
public sealed class AwsEnvironment
{
    private readonly Func<string, string?> variables;
    private readonly Lazy<SharedConfigFile> configFile;

    /// <summary>Creates the view; <paramref name="homeDirectory"/> locates <c>~/.aws/config</c> when <c>AWS_CONFIG_FILE</c> is unset.</summary>
    public AwsEnvironment(Func<string, string?> variables, string? homeDirectory)
    {
        this.variables = variables ?? throw new ArgumentNullException(nameof(variables));
        HomeDirectory = homeDirectory;
        configFile = new Lazy<SharedConfigFile>(() => SharedConfigFile.Load(ConfigFilePath));
    }

    /// <summary>The real process environment.</summary>
    public static AwsEnvironment FromProcess() =>
        new(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>A fixed set of variables (tests, the sandbox); no home directory unless given.</summary>
    public static AwsEnvironment FromDictionary(IReadOnlyDictionary<string, string> values, string? homeDirectory = null) =>
        new(name => values.TryGetValue(name, out var value) ? value : null, homeDirectory);

    /// <summary>The home directory, if known.</summary>
    public string? HomeDirectory { get; }

    /// <summary>A variable's value; empty counts as unset.</summary>
    public string? Variable(string name) => variables(name) is { Length: > 0 } value ? value : null;

    /// <summary>True inside AWS Lambda.</summary>
    public bool IsLambda => Variable("AWS_LAMBDA_FUNCTION_NAME") is not null;

    /// <summary><c>AWS_PROFILE</c>, then <c>AWS_DEFAULT_PROFILE</c>, then <c>default</c>.</summary>
    public string Profile => Variable("AWS_PROFILE") ?? Variable("AWS_DEFAULT_PROFILE") ?? "default";

    /// <summary><c>AWS_CONFIG_FILE</c>, else <c>~/.aws/config</c>.</summary>
    public string? ConfigFilePath =>
        Variable("AWS_CONFIG_FILE") ?? (HomeDirectory is null ? null : Path.Combine(HomeDirectory, ".aws", "config"));

    /// <summary>The shared config file (read once, on first use).</summary>
    public SharedConfigFile ConfigFile => configFile.Value;
}
