using System.Buffers;
using Remediator.Core.Intake;

namespace Remediator.Core.Tests.Intake;

public class BoundedGzipTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(70_000)]
    public void ReadBounded_EndlessStream_StopsAfterCapPlusOneBytes(int cap)
    {
        var endless = new EndlessStream();

        BoundedGzip.Outcome outcome = BoundedGzip.ReadBounded(endless, declared: 0, cap, out byte[]? output, out _);

        Assert.Equal(BoundedGzip.Outcome.TooLarge, outcome);
        Assert.Null(output);
        Assert.Equal(cap + 1L, endless.Served);
    }

    [Fact]
    public void ReadBounded_ExactlyTheCap_IsAccepted()
    {
        var source = new MemoryStream(new byte[5000]);

        BoundedGzip.Outcome outcome = BoundedGzip.ReadBounded(source, declared: 5000, cap: 5000, out byte[]? output, out int length);

        Assert.Equal(BoundedGzip.Outcome.Inflated, outcome);
        Assert.Equal(5000, length);
        ArrayPool<byte>.Shared.Return(output!);
    }

    [Fact]
    public void ReadBounded_LengthDifferentFromTrailer_IsTruncated()
    {
        BoundedGzip.Outcome outcome = BoundedGzip.ReadBounded(new MemoryStream(new byte[10]), declared: 11, cap: 100, out _, out _);

        Assert.Equal(BoundedGzip.Outcome.Truncated, outcome);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x1f, 0x8b })]
    [InlineData(new byte[] { 0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    public void Inflate_NoGzipHeader_IsNotGzip(byte[] data)
    {
        Assert.Equal(BoundedGzip.Outcome.NotGzip, BoundedGzip.Inflate(data, 100, out _, out _));
    }

    /// <summary>A decompressor that never ends: counts what the reader asked for.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill(0x41);
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
