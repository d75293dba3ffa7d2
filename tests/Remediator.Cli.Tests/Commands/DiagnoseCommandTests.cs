using System.Text;
using System.Text.Json;
using Remediator.Cli.Commands;

namespace Remediator.Cli.Tests.Commands;

public class DiagnoseCommandTests
{
    private static readonly string Payload = Fixture("payloads/rest-missing-permission.json");

    [Fact]
    public void Diagnose_PayloadFileAsText_PrintsTableAndExitsZero()
    {
        var run = CliRun.Execute("diagnose", "--input", Payload);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        string[] lines = run.OutputLines;
        Assert.StartsWith("KIND ", lines[0], StringComparison.Ordinal);
        Assert.Equal(
            ["MissingInvokePermission", "REST", "a1b2c3d4e5/prod", "GET", "/pets/42",
             "arn:aws:lambda:us-east-1:123456789012:function:pets-handler:prod", "1", "2025-11-21", "05:34:12.013", "2025-11-21", "05:34:12.013"],
            lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("1 finding (16 events: 1 evidence, 15 context, 0 unrelated, 0 control).", lines[^1]);
    }

    [Fact]
    public void Diagnose_JsonOutput_PrintsOneCamelCaseObjectPerFinding()
    {
        var run = CliRun.Execute("diagnose", "--input", Fixture("messages/rest-interleaved.json"), "--output", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(2, run.OutputLines.Length);
        using JsonDocument first = JsonDocument.Parse(run.OutputLines[0]);
        using JsonDocument second = JsonDocument.Parse(run.OutputLines[1]);
        Assert.Equal("MissingInvokePermission", first.RootElement.GetProperty("kind").GetString());
        Assert.Equal("REST", first.RootElement.GetProperty("apiType").GetString());
        Assert.Equal("/pets/7", first.RootElement.GetProperty("resourcePath").GetString());
        Assert.Equal(1, first.RootElement.GetProperty("occurrences").GetInt32());
        Assert.Equal(64, first.RootElement.GetProperty("fingerprint").GetString()!.Length);
        Assert.Equal("MalformedProxyResponse", second.RootElement.GetProperty("kind").GetString());
        Assert.Equal(
            "(b2222222-2222-4222-8222-222222222222) Endpoint response body before transformations: {\"status\": 201}",
            second.RootElement.GetProperty("evidence")[1].GetString());
    }

    [Fact]
    public void Diagnose_StandardInput_ReadsThePayloadFromStdin()
    {
        var run = CliRun.Execute(File.ReadAllBytes(Payload), "diagnose", "--input", "-", "-o", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using JsonDocument finding = JsonDocument.Parse(Assert.Single(run.OutputLines));
        Assert.Equal("a1b2c3d4e5", finding.RootElement.GetProperty("apiId").GetString());
    }

    [Fact]
    public void Diagnose_DecodedAccessLogMessage_ShowsRouteAndMissingApi()
    {
        var run = CliRun.Execute("diagnose", "--input", Fixture("messages/http-clf-missing-permission.json"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(
            ["MissingInvokePermission", "HTTP", "-/-", "GET", "/pets/{id}", "-", "-", "2"],
            run.OutputLines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[..8]);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void Diagnose_ControlMessage_SucceedsWithNoFindings(string format)
    {
        var run = CliRun.Execute("diagnose", "--input", Fixture("messages/control-message.json"), "--output", format);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(
            format == "text" ? ["No findings (1 event: 0 evidence, 0 context, 0 unrelated, 1 control)."] : [],
            run.OutputLines);
    }

    [Fact]
    public void Diagnose_MissingFile_ExitsBadInputWithOneLineOnStderr()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"remediator-{Guid.NewGuid():N}.json");

        var run = CliRun.Execute("diagnose", "--input", missing);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        string line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("remediator diagnose: cannot read '", line, StringComparison.Ordinal);
        Assert.Contains(missing, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Empty")]
    [InlineData("not json", "InvalidJson")]
    [InlineData("{\"awslogs\":{\"data\":\"%%%\"}}", "InvalidBase64")]
    [InlineData("{\"awslogs\":{\"data\":\"aGVsbG8gd29ybGQsIHRoaXMgaXMgbm90IGd6aXA=\"}}", "InvalidGzip")]
    [InlineData("{\"messageType\":\"DATA_MESSAGE\"}", "MissingField")]
    [InlineData("{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"1\",\"logGroup\":\"g\",\"logStream\":\"s\",\"subscriptionFilters\":[],\"logEvents\":[{\"id\":\"1\",\"timestamp\":\"x\",\"message\":\"m\"}]}", "WrongType")]
    public void Diagnose_UnusablePayload_ExitsBadInputNamingTheProblem(string stdin, string code)
    {
        var run = CliRun.Execute(Encoding.UTF8.GetBytes(stdin), "diagnose", "--input", "-");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        string line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("remediator diagnose: standard input is not a usable payload: " + code + ": ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_InputLargerThanTheLimit_ExitsBadInputWithoutReadingItAll()
    {
        var endless = new EndlessInput();

        var run = CliRun.Execute(() => endless, "diagnose", "--input", "-");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("larger than", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.True(endless.Served <= Core.Intake.IntakeLimits.MaxPayloadBytes + (2 * 81920));
    }

    [Theory]
    [InlineData("diagnose")]
    [InlineData("diagnose", "--input", "x.json", "--output", "yaml")]
    [InlineData("diagnose", "--bogus")]
    public void Diagnose_BadCommandLine_IsBadInput(params string[] args)
    {
        var run = CliRun.Execute(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.NotEqual(string.Empty, run.Error);
    }

    [Fact]
    public void Create_Command_IsNamedDiagnoseWithItsOptions()
    {
        var command = DiagnoseCommand.Create(CliRun.Console(out _, out _));

        Assert.Equal("diagnose", command.Name);
        Assert.Equal(["--input", "--output"], command.Options.Select(o => o.Name));
    }

    private static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    private sealed class EndlessInput : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
