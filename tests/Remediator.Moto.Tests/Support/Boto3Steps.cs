using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Remediator.Moto.Tests.Support;

/// <summary>Seeds an endpoint through boto3 (<c>tests/tools/boto3_steps.py</c>): an independent client, one Python process per call.</summary>
public static class Boto3Steps
{
    /// <summary>Runs <paramref name="steps"/> in order and returns each saved answer by name.</summary>
    public static async Task<JsonElement> RunAsync(Uri endpoint, JsonArray steps)
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(Repository.Root, "tests", "tools", "boto3_steps.py"));
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(new JsonObject { ["endpoint"] = endpoint.ToString().TrimEnd('/'), ["steps"] = steps }.ToJsonString());
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"boto3_steps.py failed ({process.ExitCode}):\n{await error}");
        }

        using var document = JsonDocument.Parse(await output);
        return document.RootElement.Clone();
    }

    /// <summary>One step: <c>service.op(args)</c>, its answer kept as <paramref name="save"/>.</summary>
    public static JsonObject Step(string service, string op, JsonObject args, string? save = null, bool zip = false, bool expectError = false)
    {
        var step = new JsonObject { ["service"] = service, ["op"] = op, ["args"] = args };
        if (save is not null)
        {
            step["save"] = save;
        }

        if (zip)
        {
            step["zip"] = true;
        }

        if (expectError)
        {
            step["expect_error"] = true;
        }

        return step;
    }
}
