using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Busetting.Letters;

/// <summary>Identical input, identical bytes: the random parts PDFsharp writes are replaced by ones derived from the content.</summary>
public static partial class LetterRenderer
{
    /// <summary>
    /// PDFsharp names embedded font subsets with a random six-letter tag ("QWMJPF+DejaVu Sans"). Replace each distinct
    /// tag by one counted from "BUSAAA" in order of appearance — same length, so the cross-reference offsets stay valid.
    /// </summary>
    private static byte[] MakeDeterministic(byte[] pdf, string id)
    {
        var text = Encoding.Latin1.GetString(pdf);
        // The XMP metadata carries random document and instance UUIDs; derive them from the content id instead.
        var count = 0;
        text = XmpUuid().Replace(text, _ =>
        {
            var hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}:{count++}"))));
            return string.Create(CultureInfo.InvariantCulture, $"uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}");
        });
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var fixedText = SubsetTag().Replace(text, m =>
        {
            if (!tags.TryGetValue(m.Groups[1].Value, out var tag))
            {
                var n = tags.Count;
                tag = string.Create(CultureInfo.InvariantCulture, $"BUS{(char)('A' + n / 676 % 26)}{(char)('A' + n / 26 % 26)}{(char)('A' + n % 26)}");
                tags[m.Groups[1].Value] = tag;
            }
            return "/" + tag + "+";
        });
        return Encoding.Latin1.GetBytes(fixedText);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial System.Text.RegularExpressions.Regex XmpUuid();

    [System.Text.RegularExpressions.GeneratedRegex(@"/([A-Z]{6})\+")]
    private static partial System.Text.RegularExpressions.Regex SubsetTag();
}
