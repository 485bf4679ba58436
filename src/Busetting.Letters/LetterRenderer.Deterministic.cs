using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Busetting.Letters;

/// <summary>Identical input, identical bytes: the random parts PDFsharp writes are replaced by ones derived from the content.</summary>
public static partial class LetterRenderer
{
    private static readonly byte[] UuidPrefix = "uuid:"u8.ToArray();
    /// <summary>What follows a subset tag: "+" and the start of the family name ("/QWMJPF+DejaVu#20Sans").</summary>
    private static readonly byte[] FontNameTail = "+DejaVu"u8.ToArray();

    /// <summary>
    /// PDFsharp names embedded font subsets with a random six-letter tag ("/QWMJPF+DejaVu#20Sans") and gives the XMP metadata
    /// random UUIDs. Each distinct tag becomes one counted from "BUSAAA" in order of appearance, and the UUIDs are derived
    /// from the content id — same lengths, changed in place, so the cross-reference offsets stay valid.
    /// </summary>
    private static byte[] MakeDeterministic(byte[] pdf, string id)
    {
        var count = 0;
        foreach (var at in Occurrences(pdf, UuidPrefix))
        {
            var uuid = pdf.AsSpan(at + UuidPrefix.Length, 36);
            if (!IsUuid(uuid))
            {
                continue;
            }
            var hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}:{count++}"))));
            Encoding.ASCII.GetBytes($"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}", uuid);
        }
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var at in Occurrences(pdf, FontNameTail))
        {
            if (at < 7 || pdf[at - 7] != (byte)'/' || pdf.AsSpan(at - 6, 6).ContainsAnyExceptInRange((byte)'A', (byte)'Z'))
            {
                continue;
            }
            var random = Encoding.ASCII.GetString(pdf, at - 6, 6);
            if (!tags.TryGetValue(random, out var tag))
            {
                var n = tags.Count;
                tag = string.Create(CultureInfo.InvariantCulture, $"BUS{(char)('A' + n / 676 % 26)}{(char)('A' + n / 26 % 26)}{(char)('A' + n % 26)}");
                tags[random] = tag;
            }
            Encoding.ASCII.GetBytes(tag, pdf.AsSpan(at - 6, 6));
        }
        return pdf;
    }

    /// <summary>Where <paramref name="pattern"/> starts in <paramref name="bytes"/>, first to last.</summary>
    private static List<int> Occurrences(byte[] bytes, byte[] pattern)
    {
        var found = new List<int>();
        var from = 0;
        int at;
        while ((at = bytes.AsSpan(from).IndexOf(pattern)) >= 0)
        {
            found.Add(from + at);
            from += at + pattern.Length;
        }
        return found;
    }

    /// <summary>8-4-4-4-12 hexadecimal digits.</summary>
    private static bool IsUuid(ReadOnlySpan<byte> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var dash = i is 8 or 13 or 18 or 23;
            if (dash ? text[i] != (byte)'-' : !char.IsAsciiHexDigit((char)text[i]))
            {
                return false;
            }
        }
        return true;
    }
}
