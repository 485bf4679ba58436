using System.Reflection;
using PdfSharp.Fonts;

namespace Busetting.Letters;

/// <summary>
/// PDFsharp finds no system fonts on Linux; letters use DejaVu Sans, shipped in this assembly (Bitstream Vera licence,
/// Fonts/LICENSE-DejaVu.txt). It covers æ, ø, å and the Sámi letters á, č, đ, ŋ, š, ŧ, ž.
/// </summary>
public sealed class LetterFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Installs the resolver once per process (PDFsharp's font settings are global).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!_installed)
            {
                GlobalFontSettings.FontResolver = new LetterFonts();
                _installed = true;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Busetting.Letters.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"font {faceName} is not embedded");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
