using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Busetting.Letters;

/// <summary>Everything printed on a letter: letterhead, addressee, date, reference, body, footer.</summary>
public sealed record LetterDocument(
    IReadOnlyList<string> Sender,
    IReadOnlyList<string> Addressee,
    string DatePlace,
    string Reference,
    string Title,
    IReadOnlyList<Block> Body,
    string FooterText,
    string Language,
    DateOnly Date);

/// <summary>
/// Lays a letter out on A4 with PDFsharp: wrapped paragraphs with **bold** runs, headings, bullets, tables that break
/// across pages, and "Side n av m" on every page; tagged for screen readers (LetterRenderer.Tagging.cs). The output is
/// deterministic: the same letter gives the same bytes (fixed dates and document id derived from the content).
/// </summary>
public static partial class LetterRenderer
{
    private const double Margin = 56;
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double BodySize = 10.5;
    private const double Leading = 1.35;
    private const double FooterSpace = 40;

    public static byte[] Render(LetterDocument letter)
    {
        LetterFonts.Install();
        var regular = new XFont(LetterFonts.Family, BodySize, XFontStyleEx.Regular);
        var bold = new XFont(LetterFonts.Family, BodySize, XFontStyleEx.Bold);
        var small = new XFont(LetterFonts.Family, 8.5, XFontStyleEx.Regular);
        var heading = new XFont(LetterFonts.Family, 12.5, XFontStyleEx.Bold);
        var title = new XFont(LetterFonts.Family, 15, XFontStyleEx.Bold);

        // Lay out first, then paint: the footer needs the page count, and the structure tree is built while painting.
        using var measure = new Measure();
        var writer = new PageWriter(measure);
        DrawLetterhead(writer, letter, regular, bold, small);
        DrawBody(writer, letter.Body, regular, bold, heading, title);

        using var document = new PdfDocument();
        // Most of a letter's bytes are the embedded font subsets; deflating them at zlib's fastest level costs a third of
        // the default level's time for a few kilobytes more per letter.
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        var stamp = new DateTime(letter.Date.Year, letter.Date.Month, letter.Date.Day, 0, 0, 0, DateTimeKind.Utc);
        document.Info.Title = letter.Title;
        document.Info.Author = "Integrerings- og mangfaldsdirektoratet (IMDi)";
        document.Info.Creator = "Busetting";
        document.Info.CreationDate = stamp;
        document.Info.ModificationDate = stamp;
        Paint(document, writer.Pages, letter, small);

        // A document id from the content, so regenerating an unchanged letter gives identical bytes.
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", letter.Reference, letter.Title, letter.Date, string.Join("\n", letter.Body)))))[..32];
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
        using var output = new MemoryStream();
        document.Save(output, false);
        return MakeDeterministic(output.ToArray(), id);
    }

    /// <summary>Letterhead: sender left, date and reference right; then the addressee. Read in that order.</summary>
    private static void DrawLetterhead(PageWriter writer, LetterDocument letter, XFont regular, XFont bold, XFont small)
    {
        var top = Margin;
        foreach (var (line, i) in letter.Sender.Select((l, i) => (l, i)))
        {
            Tagged(writer, Tag.Paragraph, () => writer.Text(line, i == 0 ? bold : small, Margin, top + i * 13, XStringFormats.TopLeft));
        }
        var right = PageWidth - Margin;
        Tagged(writer, Tag.Paragraph, () => writer.Text(letter.DatePlace, regular, right, top, XStringFormats.TopRight));
        Tagged(writer, Tag.Paragraph, () => writer.Text(letter.Reference, small, right, top + 14, XStringFormats.TopRight));
        var y = top + Math.Max(letter.Sender.Count, 2) * 13 + 28;
        writer.Open(Tag.Paragraph);
        foreach (var line in letter.Addressee)
        {
            writer.Text(line, regular, Margin, y, XStringFormats.TopLeft);
            y += BodySize * Leading;
        }
        writer.Close();
        writer.Y = y + 24;
    }

    /// <summary>What <paramref name="write"/> writes, as one structure element.</summary>
    private static void Tagged(PageWriter writer, Tag tag, Action write)
    {
        writer.Open(tag);
        write();
        writer.Close();
    }

    /// <summary>The body's blocks in order, each kept with what must follow it on the same page.</summary>
    private static void DrawBody(PageWriter writer, IReadOnlyList<Block> body, XFont regular, XFont bold, XFont heading, XFont title)
    {
        var width = PageWidth - 2 * Margin;
        var measure = writer.Measure;
        var first = true;
        for (var index = 0; index < body.Count; index++)
        {
            var block = body[index];
            switch (block)
            {
                case Heading h:
                    writer.Space(first ? 0 : 10);
                    if (!first)
                    {
                        // Keep a heading with what follows it: its text, an introductory paragraph and the first rows of its table.
                        var headingLines = Wrap(measure, h.Text, heading, heading, width).Count;
                        writer.EnsureRoom(headingLines * heading.Height * Leading + 4 + KeepWithNext(measure, body, index + 1, regular, bold, width));
                    }
                    // The first heading is the letter's title (H1); the others are its sections (H2).
                    Tagged(writer, first ? Tag.Heading1 : Tag.Heading2,
                        () => writer.Lines(Wrap(measure, h.Text, first ? title : heading, first ? title : heading, width), first ? title : heading, Margin));
                    writer.Space(4);
                    first = false;
                    break;
                case Paragraph p when index + 1 < body.Count && body[index + 1] is Table:
                    // A short paragraph that introduces a table stays on the page of the table's first rows.
                    writer.EnsureRoom(KeepWithNext(measure, body, index, regular, bold, width));
                    Tagged(writer, Tag.Paragraph, () => writer.Lines(Wrap(measure, p.Text, p.Bold ? bold : regular, bold, width), regular, Margin));
                    writer.Space(6);
                    break;
                case Paragraph p:
                    Tagged(writer, Tag.Paragraph, () => writer.Lines(Wrap(measure, p.Text, p.Bold ? bold : regular, bold, width), regular, Margin));
                    writer.Space(6);
                    break;
                case Bullet b:
                    // Neighbouring bullets are one list.
                    if (index == 0 || body[index - 1] is not Bullet)
                    {
                        writer.Open(Tag.List);
                    }
                    var lines = Wrap(measure, b.Text, regular, bold, width - 14);
                    writer.EnsureRoom(regular.Height * Leading);
                    writer.Open(Tag.ListItem);
                    Tagged(writer, Tag.Label, () => writer.Text("•", regular, Margin + 2, writer.Y, XStringFormats.TopLeft));
                    Tagged(writer, Tag.ListBody, () => writer.Lines(lines, regular, Margin + 14));
                    writer.Close();
                    if (index + 1 == body.Count || body[index + 1] is not Bullet)
                    {
                        writer.Close();
                    }
                    writer.Space(3);
                    break;
                case LineGroup g:
                    // A signature is not split over two pages.
                    writer.EnsureRoom(g.Lines.Count * regular.Height * Leading);
                    writer.Open(Tag.Paragraph);
                    foreach (var text in g.Lines)
                    {
                        writer.Lines(Wrap(measure, text, regular, bold, width), regular, Margin);
                    }
                    writer.Close();
                    writer.Space(6);
                    break;
                case Table t:
                    writer.Space(2);
                    DrawTable(writer, t, regular, bold, width);
                    writer.Space(8);
                    break;
            }
        }
    }

    /// <summary>
    /// The height that must follow a heading (or a paragraph) on the same page: a paragraph of up to four lines and,
    /// when a table comes next, its header and first row; otherwise the first two lines of the next block.
    /// </summary>
    private static double KeepWithNext(Measure g, IReadOnlyList<Block> body, int next, XFont regular, XFont bold, double width)
    {
        var line = regular.Height * Leading;
        var height = 0.0;
        for (var i = next; i < body.Count && i < next + 3; i++)
        {
            switch (body[i])
            {
                case Table t:
                    return height + 2 + HeadHeight(g, t, regular, bold, width);
                case Paragraph p:
                    var lines = Wrap(g, p.Text, p.Bold ? bold : regular, bold, width).Count;
                    if (lines > 4)
                    {
                        return height + 2 * line;
                    }
                    height += lines * line + 6;
                    break;
                default:
                    return height + 2 * line;
            }
        }
        return height;
    }

    /// <summary>Splits text into lines of runs; "**" toggles bold. Words are never split.</summary>
    private static List<IReadOnlyList<(string, XFont)>> Wrap(Measure g, string text, XFont normal, XFont strong, double width)
    {
        var words = new List<(string Word, XFont Font)>();
        var isBold = false;
        foreach (var (segment, index) in text.Split("**").Select((s, i) => (s, i)))
        {
            if (index > 0)
            {
                isBold = !isBold;
            }
            foreach (var word in segment.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                words.Add((word, isBold ? strong : normal));
            }
        }
        var lines = new List<IReadOnlyList<(string, XFont)>>();
        var current = new List<(string, XFont)>();
        var used = 0.0;
        var space = g.Width(" ", normal);
        foreach (var (word, font) in words)
        {
            var w = g.Width(word, font);
            if (current.Count > 0 && used + space + w > width)
            {
                lines.Add(current);
                current = [];
                used = 0;
            }
            current.Add((current.Count == 0 ? word : " " + word, font));
            used += (current.Count == 1 ? 0 : space) + w;
        }
        if (current.Count > 0)
        {
            lines.Add(current);
        }
        return lines;
    }
}
