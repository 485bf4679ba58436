using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace Busetting.Letters.Tests;

/// <summary>IMDi's house style: consistent terms per written standard, no "herav 0", the copy list, headings kept with their tables.</summary>
public class HouseStyleTests
{
    /// <summary>Bokmål term → the Nynorsk term for the same thing (the language crawl's pairs, and two more the letters use). A Bokmål letter has none of the right-hand words, and the other way round.</summary>
    private static readonly (string Nb, string Nn)[] Terms = [.. Busetting.TestKit.OtherStandardText.Pairs, ("også", "òg"), ("hvor", "kor")];

    private static IEnumerable<(LetterKind Kind, string Language, string Text)> AllLetters()
    {
        foreach (var kind in Enum.GetValues<LetterKind>())
        {
            foreach (var (number, language) in new[] { ("0301", "nb"), ("4601", "nb"), ("4640", "nn"), ("4601", "nn") })
            {
                var input = Letters.Request(number, language, kind);
                if (kind != LetterKind.Request)
                {
                    input = input.With(previous: new(input.Numbers.Requested + 7, 0, 20_000), reason: "Behovet er endra.");
                }
                yield return (kind, language, Letters.Text(Letters.Pdf(input)));
            }
        }
    }

    [Fact]
    public void Letters_UseOnlyTheirOwnWrittenStandardsTerms()
    {
        var problems = new List<string>();
        foreach (var (kind, language, text) in AllLetters())
        {
            foreach (var (nb, nn) in Terms.Where(t => t.Nb != t.Nn))
            {
                var foreign = language == "nb" ? nn : nb;
                if (Regex.IsMatch(text, $@"(?<![\p{{L}}]){Regex.Escape(foreign)}(?![\p{{L}}])", RegexOptions.IgnoreCase))
                {
                    problems.Add($"{kind} {language}: «{foreign}»");
                }
            }
        }
        foreach (var (kind, language, text) in AllLetters())
        {
            // Bokmål writes "bosetting", Nynorsk "busetjing"; lower-case "busetting" is neither (the product name "Busetting" is capitalised).
            if (Regex.IsMatch(text, @"(?<![\p{L}])busetting(?![\p{L}])"))
            {
                problems.Add($"{kind} {language}: «busetting»");
            }
        }
        Assert.True(problems.Count == 0, string.Join("; ", problems));
    }

    [Fact]
    public void Letters_NoEmAsked_SayNoZeroClause_AndNameTheCopyList()
    {
        // The 2025 need has no EM, so no municipality is asked for EM: the letters never say "herav 0".
        var oslo = Letters.Text(Letters.Pdf(Letters.Request("0301", "nb")));
        Assert.DoesNotContain("herav 0", oslo);
        Assert.Contains("personer. Arbeids- og inkluderingsdepartementet", oslo);
        Assert.Contains("Kopi: KS", oslo);
        var sogndal = Letters.Text(Letters.Pdf(Letters.Request("4640", "nn")));
        Assert.DoesNotContain("av dei 0", sogndal);
        Assert.Contains("Kopi: Vestland fylkeskommune, KS", sogndal);
        // With EM asked, the clause is there.
        var withEm = Letters.Text(Letters.Pdf(Letters.Request("4640", "nn").With(requestedEm: 3, needEm: 300)));
        Assert.Contains("av dei 3 einslege mindreårige", withEm);
        Assert.Contains("av dei 300 einslege mindreårige", withEm);
    }

    [Fact]
    public void Adjusted_UnchangedNumbersSayUnchanged_ChangedOnesTheDifference()
    {
        var input = Letters.Request("4601", "nb", LetterKind.Adjusted).With(previous: new(null, null, 20_000), reason: "Nytt behov.");
        var unchanged = Letters.Text(Letters.Pdf(input.With(previous: new(input.Numbers.Requested, 0, 20_000))));
        Assert.Contains($"Anmodet {Busetting.Application.Texts.Number(input.Numbers.Requested)} {Busetting.Application.Texts.Number(input.Numbers.Requested)} uendret", unchanged);
        Assert.Contains("er uendret", unchanged);
        var changed = Letters.Text(Letters.Pdf(input.With(previous: new(input.Numbers.Requested + 12, 0, 20_000))));
        Assert.Contains("−12", changed);
        Assert.DoesNotContain("enslige mindreårige –", changed);
    }

    [Fact]
    public void LongTable_RepeatsItsHeaderOnTheNextPage_AndAHeaderNeverStandsAlone()
    {
        var rows = new List<IReadOnlyList<string>> { new[] { "Kolonneoverskrift", "Tal" } };
        rows.AddRange(Enumerable.Range(0, 90).Select(i => (IReadOnlyList<string>)[$"rad {i}", $"{i}"]));
        for (var filler = 0; filler < 45; filler += 3)
        {
            var body = new List<Block> { new Heading("Tittel") };
            body.AddRange(Enumerable.Range(0, filler).Select(i => new Paragraph($"Linje {i}.")));
            body.Add(new Table(rows, [false, true]));
            var pdf = LetterRenderer.Render(new LetterDocument(["IMDi"], ["Kommune"], "Oslo", "Ref", "Tittel", body, "fot", "nn", new DateOnly(2025, 1, 1)));
            using var document = PdfDocument.Open(pdf);
            foreach (var page in document.GetPages().Where(p => p.Text.Contains("rad ", StringComparison.Ordinal)))
            {
                Assert.True(page.Text.Contains("Kolonneoverskrift", StringComparison.Ordinal), $"{filler}: page {page.Number} has rows without the header");
            }
            foreach (var page in document.GetPages().Where(p => p.Text.Contains("Kolonneoverskrift", StringComparison.Ordinal)))
            {
                Assert.True(page.Text.Contains("rad ", StringComparison.Ordinal), $"{filler}: page {page.Number} has the header without a row");
            }
        }
    }

    [Fact]
    public void Heading_IsNeverLeftAtThePageBottom_WithoutItsTable()
    {
        // Push a heading and its table down the page line by line: wherever the page breaks, the heading and the
        // table's header row are on the same page.
        var table = new Table([["Kolonneoverskrift", "Tal"], ["første rad", "1"], ["andre rad", "2"]], [false, true]);
        for (var filler = 0; filler < 60; filler++)
        {
            var body = new List<Block> { new Heading("Tittel") };
            body.AddRange(Enumerable.Range(0, filler).Select(i => new Paragraph($"Linje {i} med litt tekst.")));
            body.Add(new Heading("Overskrifta"));
            body.Add(new Paragraph("Ein kort introduksjon til tabellen."));
            body.Add(table);
            var pdf = LetterRenderer.Render(new LetterDocument(["IMDi"], ["Kommune"], "Oslo", "Ref", "Tittel", body, "fot", "nn", new DateOnly(2025, 1, 1)));
            using var document = PdfDocument.Open(pdf);
            // The first page each appears on (a table that goes on over the page repeats its header there).
            int Pages(string word) => document.GetPages().First(p => p.Text.Contains(word, StringComparison.Ordinal)).Number;
            var (headingPage, introPage, tablePage, firstRowPage) = (Pages("Overskrifta"), Pages("introduksjon"), Pages("Kolonneoverskrift"), Pages("første"));
            Assert.True(headingPage == tablePage && introPage == tablePage && firstRowPage == tablePage,
                $"{filler} filler paragraphs: heading on page {headingPage}, introduction on {introPage}, table header on {tablePage}, first row on {firstRowPage}");
        }
    }
}

public class SignatureTests
{
    [Fact]
    public void Signature_ConfiguredSigner_NameTitleAndDirectorateOnLinesOfTheirOwn()
    {
        var input = Letters.Request("4640", "nn") with { Texts = new("Kari Nordmann (telefon 22 24 16 00, e-post kari.nordmann@imdi.no)", SignerName: "Ola Nordmann", SignerTitle: "avdelingsdirektør") };
        var document = LetterComposer.Compose(input, Template.Default(LetterKind.Request, "nn"));
        var signature = Assert.Single(document.Body.OfType<LineGroup>());
        Assert.Equal(["Ola Nordmann", "avdelingsdirektør", "Integrerings- og mangfaldsdirektoratet"], signature.Lines);
        var text = Letters.Text(LetterRenderer.Render(document));
        Assert.Contains("ta kontakt med Kari Nordmann (telefon 22 24 16 00, e-post kari.nordmann@imdi.no).", text);
        Assert.Contains("Med helsing Ola Nordmann avdelingsdirektør Integrerings- og mangfaldsdirektoratet Kopi: Vestland fylkeskommune, KS", text);
    }

    [Fact]
    public void Signature_NoSignerConfigured_TheDirectorateAlone_NothingInvented()
    {
        var document = LetterComposer.Compose(Letters.Request("0301", "nb"), Template.Default(LetterKind.Request, "nb"));
        Assert.Equal(["Integrerings- og mangfoldsdirektoratet"], Assert.Single(document.Body.OfType<LineGroup>()).Lines);
        Assert.Contains("ta kontakt med IMDi (imdi.no).", Letters.Text(LetterRenderer.Render(document)));
    }
}
