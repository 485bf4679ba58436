namespace Busetting.Letters.Tests;

/// <summary>
/// Letters are tagged PDFs (PDF/UA): case workers download them from the web, where the universal-design rules apply.
/// A screen reader needs the language, a structure tree with headings, paragraphs and tables with header cells, the
/// text in reading order, and page furniture (footer, rules, repeated table headers) marked as artifacts.
/// </summary>
public class AccessibleLetterTests
{
    public static TheoryData<string, string, LetterKind, string> Letters() => new()
    {
        { "4640", "nn", LetterKind.Request, "nn-NO" },
        { "0301", "nb", LetterKind.Request, "nb-NO" },
        { "4640", "nn", LetterKind.Adjusted, "nn-NO" },
        { "0301", "nb", LetterKind.Postponement, "nb-NO" },
    };

    private static byte[] Pdf(string number, string language, LetterKind kind) =>
        Tests.Letters.Pdf(Tests.Letters.Request(number, language, kind).With(
            previous: kind == LetterKind.Request ? null : new(110, 2, 18_900),
            needPersons: kind == LetterKind.Adjusted ? 12_640 : 18_900,
            reason: kind == LetterKind.Request ? null : "Prognosen vart endra i juni."));

    [Theory, MemberData(nameof(Letters))]
    public void Letter_Catalog_MarkedTaggedWithLanguageAndTitle(string number, string language, LetterKind kind, string lang)
    {
        using var pdf = new TaggedPdf(Pdf(number, language, kind));
        Assert.True(pdf.Marked, "/MarkInfo << /Marked true >> is missing");
        Assert.NotNull(pdf.StructureTree());
        Assert.Equal(lang, pdf.Language);
        Assert.True(pdf.DisplaysTitle, "the viewer should show the title, not the file name (/DisplayDocTitle)");
        Assert.False(string.IsNullOrWhiteSpace(pdf.Title));
    }

    [Theory, MemberData(nameof(Letters))]
    public void Letter_StructureTree_TitleHeadingSectionsAndParagraphs(string number, string language, LetterKind kind, string lang)
    {
        _ = lang;
        using var pdf = new TaggedPdf(Pdf(number, language, kind));
        var elements = pdf.StructureTree()!.All().ToList();
        var h1 = Assert.Single(elements, e => e.Type == "H1");
        Assert.Equal(pdf.Title, h1.Text.Trim());
        // Sections under the title are H2 (the short postponement letter has none).
        Assert.Equal(kind == LetterKind.Postponement ? 0 : 2, elements.Count(e => e.Type == "H2"));
        Assert.DoesNotContain(elements, e => e.Type is "H3" or "H");
        Assert.True(elements.Count(e => e.Type == "P") >= 5, "the letterhead and the body are paragraphs");
    }

    [Fact]
    public void Request_Tables_HeaderCellsForEveryColumnThenDataCells()
    {
        using var pdf = new TaggedPdf(Pdf("4640", "nn", LetterKind.Request));
        var tables = pdf.StructureTree()!.All().Where(e => e.Type == "Table").ToList();
        Assert.True(tables.Count >= 2, "the criteria and the explanation are tables");
        foreach (var table in tables)
        {
            var rows = table.Kids;
            Assert.All(rows, r => Assert.Equal("TR", r.Type));
            Assert.All(rows[0].Kids, c => Assert.Equal("TH", c.Type));
            Assert.All(rows.Skip(1).SelectMany(r => r.Kids), c => Assert.Equal("TD", c.Type));
            Assert.All(rows, r => Assert.Equal(rows[0].Kids.Count, r.Kids.Count));
        }
        var criteria = tables.Single(t => t.Kids[0].Kids[0].Text == "Kriterium");
        Assert.Equal(["Kriterium", "Gruppe", "Vekt"], criteria.Kids[0].Kids.Select(c => c.Text));
    }

    [Fact]
    public void Request_TableOverPageBreak_RepeatedHeaderIsAnArtifact()
    {
        // Oslo's explanation table goes on over the page and repeats its header there; a reader meets the header once.
        using var pdf = new TaggedPdf(Pdf("0301", "nb", LetterKind.Request));
        var explanation = pdf.StructureTree()!.All().Single(e => e.Type == "Table" && e.Kids[0].Kids[0].Text == "Del");
        Assert.Single(explanation.Kids, r => r.Kids.All(c => c.Type == "TH"));
        Assert.Contains("DelVektIndikatorPersoner", pdf.ArtifactText);
        Assert.Contains("Sum", explanation.Kids[^1].Text);
    }

    [Theory, MemberData(nameof(Letters))]
    public void Letter_ReadingOrder_EveryLetterTaggedAndFooterAnArtifact(string number, string language, LetterKind kind, string lang)
    {
        _ = lang;
        using var pdf = new TaggedPdf(Pdf(number, language, kind));
        Assert.Equal(0, pdf.LettersOutsideMarkedContent);
        var text = pdf.StructureTree()!.Text;
        // Letterhead, date, reference, addressee, title, then the body: the order a reader meets them.
        string[] order = [number == "4640" ? "mangfaldsdirektoratet" : "mangfoldsdirektoratet", "Oslo,", "Vår referanse:", "kommunev/ kommunedirektøren", pdf.Title!];
        var positions = order.Select(p => text.IndexOf(p, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, $"missing in the structure text: {order[positions.IndexOf(p)]}\n{text}"));
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain("Side 1 av", text);
        Assert.Contains("Side 1 av", pdf.ArtifactText);
    }

    [Fact]
    public void Request_PageText_StillReadsInOrder()
    {
        // What PdfPig reads off the page is unchanged by the tagging: words in lines, lines in order.
        var text = Tests.Letters.Text(Pdf("4640", "nn", LetterKind.Request));
        Assert.Contains("Oppmoding om busetjing av flyktningar i 2025", text);
        Assert.Contains("Kriterium Gruppe Vekt", text);
        Assert.True(text.IndexOf("Kva kommunen må gjere", StringComparison.Ordinal) > text.IndexOf("Oppmoding om busetjing", StringComparison.Ordinal));
    }
}
