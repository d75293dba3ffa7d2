namespace Remediator.Core.Tests;

public class ResultTests
{
    [Fact]
    public void Success_CarriesTheValueAndNoError()
    {
        var result = Result<string, Exception>.Success("value");

        Assert.True(result.IsSuccess);
        Assert.Equal("value", result.Value);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Failure_CarriesTheErrorAndNoValue()
    {
        var error = new InvalidOperationException("why");

        var result = Result<string, Exception>.Failure(error);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Value);
        Assert.Same(error, result.Error);
    }

    [Fact]
    public void ImplicitConversions_PickTheSideByType()
    {
        Result<string, Exception> success = "value";
        Result<string, Exception> failure = new InvalidOperationException("why");

        Assert.True(success.IsSuccess);
        Assert.False(failure.IsSuccess);
    }

    [Fact]
    public void SuccessOrFailure_OfNull_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Result<string, string>.Success(null!));
        Assert.Throws<ArgumentNullException>(() => Result<string, string>.Failure(null!));
    }

    [Fact]
    public void Equals_SameSideAndContent_IsEqual()
    {
        Assert.Equal(Result<string, string>.Success("a"), Result<string, string>.Success("a"));
        Assert.NotEqual(Result<string, string>.Success("a"), Result<string, string>.Failure("a"));
    }
}
