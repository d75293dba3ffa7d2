namespace Remediator.Sandbox.State;

/// <summary>Loads and saves the state JSON file; saves are serialized and atomic (write, then rename).</summary>
internal sealed class StateFile(string path) : IDisposable
{
    private readonly SemaphoreSlim _writes = new(1, 1);

    public string Path { get; } = path;

    /// <summary>Loads the file into the state when it exists.</summary>
    public async Task LoadIfPresentAsync(SandboxState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (File.Exists(Path))
        {
            state.Load(await File.ReadAllBytesAsync(Path, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Writes a snapshot.</summary>
    public async Task SaveAsync(byte[] snapshot, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var temporary = Path + ".tmp";
            await File.WriteAllBytesAsync(temporary, snapshot, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            _writes.Release();
        }
    }

    public void Dispose() => _writes.Dispose();
}
