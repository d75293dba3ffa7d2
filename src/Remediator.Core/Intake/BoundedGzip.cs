using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;

namespace Remediator.Core.Intake;

/// <summary>
/// Inflates a single-member gzip stream into a pooled buffer, reading at most <c>cap + 1</c> bytes of output:
/// a gzip bomb is refused after producing that much, never after inflating it whole.
/// </summary>
internal static class BoundedGzip
{
    internal enum Outcome
    {
        Inflated,
        NotGzip,
        Truncated,
        Corrupt,
        TooLarge,
    }

    private const int HeaderLength = 10;
    private const int TrailerLength = 8;
    private const int InitialCapacity = 64 * 1024;

    /// <summary>
    /// On <see cref="Outcome.Inflated"/>, <paramref name="output"/> is a rented buffer holding
    /// <paramref name="length"/> bytes; the caller returns it to <see cref="ArrayPool{T}.Shared"/>.
    /// </summary>
    public static Outcome Inflate(ReadOnlySpan<byte> gzip, int cap, [NotNullWhen(true)] out byte[]? output, out int length)
    {
        output = null;
        length = 0;
        if (gzip.Length < HeaderLength + TrailerLength || gzip[0] != 0x1f || gzip[1] != 0x8b || gzip[2] != 8)
        {
            return Outcome.NotGzip;
        }

        // ISIZE (the uncompressed length mod 2^32) sizes the first buffer; it is a hint, never trusted as a bound.
        uint declared = BinaryPrimitives.ReadUInt32LittleEndian(gzip[^4..]);

        byte[] compressed = ArrayPool<byte>.Shared.Rent(gzip.Length);
        try
        {
            gzip.CopyTo(compressed);
            using var stream = new GZipStream(
                new MemoryStream(compressed, 0, gzip.Length, writable: false), CompressionMode.Decompress);
            return ReadBounded(stream, declared, cap, out output, out length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(compressed);
        }
    }

    /// <summary>
    /// Reads decompressed bytes from <paramref name="inflating"/>, never asking it for more than
    /// <c>cap + 1</c> bytes in total, then checks the count against the gzip length trailer.
    /// </summary>
    internal static Outcome ReadBounded(
        Stream inflating, uint declared, int cap, [NotNullWhen(true)] out byte[]? output, out int length)
    {
        output = null;
        length = 0;
        int capacity = (int)Math.Clamp(declared + 1L, Math.Min(InitialCapacity, cap + 1L), cap + 1L);
        byte[]? buffer = ArrayPool<byte>.Shared.Rent(capacity);
        try
        {
            int total = 0;
            while (true)
            {
                int limit = Math.Min(buffer.Length, cap + 1);
                if (total == limit)
                {
                    if (total > cap)
                    {
                        return Outcome.TooLarge;
                    }

                    buffer = Grow(buffer, total, (int)Math.Min((long)total * 2, cap + 1L));
                    limit = Math.Min(buffer.Length, cap + 1);
                }

                int read = inflating.Read(buffer, total, limit - total);
                if (read == 0)
                {
                    break;
                }

                total += read;
                if (total > cap)
                {
                    return Outcome.TooLarge;
                }
            }

            // .NET stops silently at the end of a truncated stream; the length trailer exposes it.
            if (unchecked((uint)total) != declared)
            {
                return Outcome.Truncated;
            }

            output = buffer;
            length = total;
            buffer = null;
            return Outcome.Inflated;
        }
        catch (InvalidDataException)
        {
            // Bad deflate data or a CRC mismatch: the stream itself is corrupt.
            return Outcome.Corrupt;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static byte[] Grow(byte[] buffer, int used, int size)
    {
        byte[] larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, used).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
