using System.Globalization;

namespace Remediator.Sandbox.State;

/// <summary>
/// Resource ids in the forms AWS uses (10-char API ids, 6-char resource ids, GUID request ids), from an
/// injected <see cref="Random"/> so tests can seed it. Thread-safe: request ids are drawn outside the state lock.
/// </summary>
internal sealed class IdGenerator(Random random)
{
    private const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";
    private readonly Lock _gate = new();

    /// <summary>Lower-case letters and digits, e.g. a REST API id (<c>length</c> 10).</summary>
    public string Alphanumeric(int length)
    {
        var chars = new char[length];
        lock (_gate)
        {
            for (var i = 0; i < length; i++)
            {
                chars[i] = LowerAlphanumeric[random.Next(LowerAlphanumeric.Length)];
            }
        }

        return new string(chars);
    }

    /// <summary><paramref name="length"/> characters drawn from <paramref name="alphabet"/> (e.g. access key ids).</summary>
    public string FromAlphabet(string alphabet, int length)
    {
        ArgumentException.ThrowIfNullOrEmpty(alphabet);
        var chars = new char[length];
        lock (_gate)
        {
            for (var i = 0; i < length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }
        }

        return new string(chars);
    }

    /// <summary>Lower-case hex digits.</summary>
    public string Hex(int length)
    {
        var chars = new char[length];
        lock (_gate)
        {
            for (var i = 0; i < length; i++)
            {
                chars[i] = "0123456789abcdef"[random.Next(16)];
            }
        }

        return new string(chars);
    }

    /// <summary>A GUID in its usual 8-4-4-4-12 form.</summary>
    public string Guid()
    {
        var bytes = new byte[16];
        lock (_gate)
        {
            random.NextBytes(bytes);
        }

        // Version 4 / RFC 4122 variant bits, so ids look like the random GUIDs AWS hands out.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new System.Guid(bytes).ToString("D", CultureInfo.InvariantCulture);
    }
}
