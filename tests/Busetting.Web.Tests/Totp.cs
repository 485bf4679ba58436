using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Busetting.Web.Tests;

/// <summary>
/// The code an authenticator app shows (RFC 6238: HMAC-SHA1 over the 30-second step, 6 digits), so test helpers can
/// complete the second step of sign-in with the demo users' key (<see cref="WebApp.AuthenticatorKey"/>).
/// </summary>
public static class Totp
{
    public static string Now(string base32Key) => At(base32Key, DateTimeOffset.UtcNow);

    public static string At(string base32Key, DateTimeOffset time)
    {
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, time.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant().TrimEnd('=');
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)((buffer >> (bits - 8)) & 0xff));
                bits -= 8;
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
