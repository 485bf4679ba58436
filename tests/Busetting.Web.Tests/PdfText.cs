using UglyToad.PdfPig;

namespace Busetting.Web.Tests;

/// <summary>What a stored letter says, for the tests that read letters.</summary>
internal static partial class PdfText
{
    /// <summary>The text of every page, words joined by single spaces; no-break spaces become spaces.</summary>
    public static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))).Replace('\u00A0', ' ');
    }

    /// <summary>"fra 559 til 559", "frå 12 til 12": a number said to change into itself.</summary>
    [GeneratedRegex(@"fr[aå] (\d[\d ]*) til \*?\*?\1(?!\d)")]
    public static partial Regex FromXToX();
}
