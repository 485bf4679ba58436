using Busetting.Domain.Errors;
using Busetting.Domain.Primitives;
using UglyToad.PdfPig;

namespace Busetting.Letters.Tests;

public class LetterTests
{
    [Fact]
    public void Request_NynorskMunicipality_NynorskTextNumbersAndDates()
    {
        var input = Letters.Request("4640", "nn");
        var text = Letters.Text(Letters.Pdf(input));
        Assert.Contains("Oppmoding om busetjing av flyktningar i 2025", text);
        Assert.Contains("Sogndal kommune", text);
        Assert.Contains($"busetje {input.Numbers.Requested} flyktningar i 2025. Talet for 2026", text); // not asked for EM: no "av dei 0"
        Assert.Contains("Oslo, 27. november 2024", text);
        Assert.Contains("innan 31. januar 2025", text);
        Assert.Contains("Vår referanse: 2025/4640-O1", text);
        Assert.Contains("Kva kommunen må gjere", text);
        Assert.Contains("18 900", text);
        Assert.Contains("Moglegheiter for arbeid", text);
        Assert.DoesNotContain("Hva kommunen må gjøre", text);
        Assert.Matches(@"Side 1 av \d", text);
    }

    [Fact]
    public void Request_BokmalMunicipality_BokmalTextAndNorwegianThousands()
    {
        var oslo = Letters.Municipality("0301");
        Assert.True(oslo.Requested >= 1000, "the test needs a four-digit number");
        var text = Letters.Text(Letters.Pdf(Letters.Request("0301", "nb")));
        Assert.Contains("Anmodning om bosetting av flyktninger i 2025", text);
        Assert.Contains($"bosette {Texts(oslo.Requested)} flyktninger i 2025. Tallet for 2026", text); // not asked for EM: no "herav 0"
        Assert.Contains("Hva kommunen må gjøre", text);
        Assert.Contains("Mottakskommune", text); // Oslo's binding rule, in Bokmål.
        Assert.DoesNotContain("Kva kommunen må gjere", text);
    }

    [Fact]
    public void Request_SamiMunicipality_OfficialNameAndSamiLettersRender()
    {
        var kautokeino = Letters.Request("5612", "nb", LetterKind.Postponement).With(reason: "Sámi bokstavar: á č đ ŋ š ŧ ž Á Č Đ Ŋ Š Ŧ Ž; norske: æ ø å Æ Ø Å.");
        var text = Letters.Text(Letters.Pdf(kautokeino));
        Assert.Contains("Guovdageaidnu - Kautokeino kommune", text);
        Assert.Contains("á č đ ŋ š ŧ ž Á Č Đ Ŋ Š Ŧ Ž", text);
        Assert.Contains("æ ø å Æ Ø Å", text);
    }

    [Fact]
    public void Pdf_EmbedsTheShippedFont()
    {
        using var document = PdfDocument.Open(Letters.Pdf(Letters.Request("4640", "nn")));
        var fonts = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.All(fonts, f => Assert.Contains("DejaVu Sans", f));
        Assert.All(fonts, f => Assert.StartsWith("BUS", f));
    }

    [Fact]
    public void Adjusted_OldAndNewNumbersSideBySide_AndWhy()
    {
        var input = Letters.Request("4640", "nn", LetterKind.Adjusted).With(
            previous: new(110, 2, 18_900), needPersons: 12_640, reason: "Beregningsutvalet reduserte prognosen i juni.");
        var text = Letters.Text(Letters.Pdf(input));
        Assert.Contains("Justert oppmoding om busetjing av flyktningar i 2025", text);
        Assert.Contains("endra frå 18 900 til 12 640 personar", text);
        Assert.Contains("Beregningsutvalet reduserte prognosen i juni.", text);
        Assert.Contains($"frå 110 til {input.Numbers.Requested} flyktningar", text);
        Assert.Contains($"Oppmoda 110 {input.Numbers.Requested}", text); // the "before / now" table row
    }

    [Fact]
    public void Postponement_Bokmal_SaysTheCurrentRequestStands()
    {
        var input = Letters.Request("0301", "nb", LetterKind.Postponement).With(reason: "Situasjonen i Afghanistan skaper ny usikkerhet.");
        var text = Letters.Text(Letters.Pdf(input));
        Assert.Contains("Justert anmodning for 2025 blir utsatt", text);
        Assert.Contains("Situasjonen i Afghanistan skaper ny usikkerhet.", text);
        Assert.Contains($"gjelder anmodningen dere har fått: {Texts(input.Numbers.Requested)} flyktninger", text);
    }

    [Fact]
    public void Render_SameLetterTwice_IdenticalBytes()
    {
        var input = Letters.Request("4640", "nn");
        Assert.Equal(Letters.Pdf(input), Letters.Pdf(input));
        Assert.NotEqual(Letters.Pdf(input), Letters.Pdf(input with { Identity = input.Identity with { Reference = "2025/4640-O2" } }));
    }

    [Fact]
    public void Render_ManyLettersAtOnce_SameBytesAsOneByOne()
    {
        // The batch renders letters on every core; a letter's bytes must not depend on what else is being rendered.
        var inputs = new[] { ("4640", "nn"), ("0301", "nb"), ("5612", "nb"), ("4601", "nb"), ("1103", "nb"), ("4640", "nb") }
            .Select(l => Letters.Request(l.Item1, l.Item2)).ToList();
        var oneByOne = inputs.Select(Letters.Pdf).ToList();
        for (var round = 0; round < 3; round++)
        {
            var atOnce = new byte[inputs.Count][];
            Parallel.For(0, inputs.Count, i => atOnce[i] = Letters.Pdf(inputs[i]));
            Assert.Equal(oneByOne, atOnce);
        }
    }

    [Fact]
    public void Template_UnknownField_RefusedWithLineAndKnownFields()
    {
        var result = Template.Parse(LetterKind.Request, "nb", "# Tittel\n\nHei {{kommune}}, dere skal bosette {{antall}}.\n{{table:kart}}", "request.nb");
        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.Message.Contains("request.nb linje 3: ukjent felt {{antall}}; kjente felt: kommune,", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.Contains("linje 4: ukjent tabell {{table:kart}}", StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.Equal(ErrorKind.InvalidInput, e.Kind));
    }

    [Fact]
    public void Template_UnbalancedBraces_Refused()
    {
        var result = Template.Parse(LetterKind.Postponement, "nn", "Hei {{kommune}", "postponement.nn");
        Assert.Contains(result.Errors, e => e.Message.Contains("linje 1: {{ og }} står ikke i par", StringComparison.Ordinal));
    }

    /// <summary>Every letter kind in both written standards: the templates the application ships.</summary>
    public static TheoryData<LetterKind, string> ShippedTemplates()
    {
        var data = new TheoryData<LetterKind, string>();
        foreach (var kind in Enum.GetValues<LetterKind>())
        {
            foreach (var standard in WrittenStandards.All)
            {
                data.Add(kind, standard.Code());
            }
        }
        return data;
    }

    [Theory, MemberData(nameof(ShippedTemplates))]
    public void ShippedTemplates_Parse(LetterKind kind, string language) => Assert.Equal(kind, Template.Default(kind, language).Kind);

    private static string Texts(int value) => Busetting.Application.Texts.Number(value).Replace('\u00A0', ' ');
}

