using System.Text;
using Remediator.Lambda.Logging;

namespace Remediator.Lambda.Tests.Logging;

public class StdoutLogSinkTests
{
    [Fact]
    public void WriteLine_EachLine_EndsWithNewlineInUtf8()
    {
        using var output = new MemoryStream();
        var sink = new StdoutLogSink(output);

        sink.WriteLine("""{"message":"ü"}""");
        sink.WriteLine("{}");

        Assert.Equal("{\"message\":\"ü\"}\n{}\n", Encoding.UTF8.GetString(output.ToArray()));
    }
}
