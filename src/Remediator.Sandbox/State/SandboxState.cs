using System.Text.Json;

namespace Remediator.Sandbox.State;

/// <summary>The sandbox's in-memory account behind one lock; operations are short and never do I/O under it.</summary>
internal sealed class SandboxState
{
    /// <summary>Held for every read or write of <see cref="Data"/>.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The live data.</summary>
    public SandboxData Data { get; private set; } = new();

    /// <summary>Counts one request to <c>service:Operation</c>.</summary>
    public void Count(string key)
    {
        lock (Gate)
        {
            Data.RequestCounts[key] = Data.RequestCounts.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>Forgets everything.</summary>
    public void Reset()
    {
        lock (Gate)
        {
            Data = new SandboxData();
        }
    }

    /// <summary>The whole state as JSON, stamped with the account and region it belongs to.</summary>
    public byte[] Snapshot(string accountId, string region)
    {
        lock (Gate)
        {
            Data.AccountId = accountId;
            Data.Region = region;
            return JsonSerializer.SerializeToUtf8Bytes(Data, SandboxJson.Context.SandboxData);
        }
    }

    /// <summary>Replaces the state with a snapshot (the state file).</summary>
    public void Load(ReadOnlySpan<byte> json)
    {
        var data = JsonSerializer.Deserialize(json, SandboxJson.Context.SandboxData)
            ?? throw new JsonException("The state file does not hold a JSON object.");
        lock (Gate)
        {
            Data = data;
        }
    }
}
