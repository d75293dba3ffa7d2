using System.Globalization;
using Remediator.Emulation.Signing;

namespace Remediator.Emulation.Tests.Signing;

public sealed class AmzDateTests
{
    [Theory]
    [InlineData("20150830T123600Z", true)]
    [InlineData("2015-08-30T12:36:00Z", false)]
    [InlineData("20150830T1236Z", false)]
    [InlineData("", false)]
    public void TryParse_Value_AcceptsOnlyBasicFormat(string value, bool expected)
    {
        var parsed = AmzDate.TryParse(value, out var timestamp);

        Assert.Equal(expected, parsed);
        if (expected)
        {
            Assert.Equal(DateTimeOffset.Parse("2015-08-30T12:36:00Z", CultureInfo.InvariantCulture), timestamp);
        }
    }
}
