namespace Busetting.Letters.Tests;

/// <summary>The adjusted letter's change sentence: one wording per case, never "from X to X".</summary>
public class AdjustmentWordingTests
{
    private static LetterInput Input(string language, int before, int now, int emBefore = 0, int em = 0) =>
        Letters.Request("4640", language, LetterKind.Adjusted).With(previous: new(before, emBefore, null), requested: now, requestedEm: em);

    [Theory]
    [InlineData("nb", 559, 374, 0, 0, "IMDi justerer derfor anmodningen til Sogndal kommune fra 559 til **374** flyktninger.")]
    [InlineData("nn", 559, 374, 0, 0, "IMDi justerer difor oppmodinga til Sogndal kommune frå 559 til **374** flyktningar.")]
    [InlineData("nb", 40, 0, 0, 0, "IMDi ber derfor ikke lenger Sogndal kommune om å bosette flyktninger i 2025; den tidligere anmodningen på 40 faller bort.")]
    [InlineData("nn", 40, 0, 0, 0, "IMDi ber difor ikkje lenger Sogndal kommune om å busetje flyktningar i 2025; den tidlegare oppmodinga på 40 fell bort.")]
    [InlineData("nb", 0, 12, 0, 0, "IMDi anmoder derfor Sogndal kommune om å bosette **12** flyktninger i 2025; kommunen var ikke anmodet før.")]
    [InlineData("nn", 0, 12, 0, 0, "IMDi oppmodar difor Sogndal kommune om å busetje **12** flyktningar i 2025; kommunen var ikkje oppmoda før.")]
    [InlineData("nb", 40, 40, 0, 0, "Anmodningen til Sogndal kommune er uendret: **40** flyktninger.")]
    [InlineData("nb", 40, 40, 2, 4, "Anmodningen til Sogndal kommune er uendret på **40** flyktninger, men antallet enslige mindreårige endres fra 2 til 4.")]
    [InlineData("nn", 40, 40, 2, 4, "Oppmodinga til Sogndal kommune er uendra på **40** flyktningar, men talet på einslege mindreårige blir endra frå 2 til 4.")]
    [InlineData("nb", 60, 40, 3, 3, "IMDi justerer derfor anmodningen til Sogndal kommune fra 60 til **40** flyktninger, herav 3 enslige mindreårige som før.")]
    [InlineData("nn", 60, 40, 3, 2, "IMDi justerer difor oppmodinga til Sogndal kommune frå 60 til **40** flyktningar, av dei 2 einslege mindreårige (før 3).")]
    public void Sentence_EachCase_WordedForIt(string language, int before, int now, int emBefore, int em, string expected) =>
        Assert.Equal(expected, AdjustmentWording.Sentence(Input(language, before, now, emBefore, em)));

    [Fact]
    public void AdjustedLetter_ChangedToZero_PdfNeverSaysFromXToX()
    {
        var text = Letters.Text(Letters.Pdf(Input("nb", 40, 0).With(previous: new(40, 0, 18_900), needPersons: 12_640, reason: "Nytt behov.")));
        Assert.Contains("ber derfor ikke lenger Sogndal kommune om å bosette flyktninger i 2025", text);
        Assert.DoesNotContain("fra 40 til 40", text);
        Assert.DoesNotContain("fra 0 til 0", text);
    }

    [Fact]
    public void CheckDeadline_AdjustedWithoutOrInThePast_RefusedNamingTheField()
    {
        var today = new DateOnly(2025, 6, 10);
        Assert.Contains("Ny vedtaksfrist", LetterService.CheckDeadline(LetterKind.Adjusted, null, today).Errors[0].Message);
        Assert.Contains("09.06.2025 ligger i fortiden", LetterService.CheckDeadline(LetterKind.Adjusted, today.AddDays(-1), today).Errors[0].Message);
        Assert.True(LetterService.CheckDeadline(LetterKind.Adjusted, today, today).IsSuccess);
        Assert.True(LetterService.CheckDeadline(LetterKind.Request, null, today).IsSuccess);
    }

    [Fact]
    public void Sentence_EmFallsToZero_SaysNoneNotZero()
    {
        var input = Letters.Request("4640", "nn", LetterKind.Adjusted).With(requested: 40, requestedEm: 0, previous: new(60, 2, null));
        Assert.Equal("IMDi justerer difor oppmodinga til Sogndal kommune frå 60 til **40** flyktningar, ingen einslege mindreårige (før 2).", AdjustmentWording.Sentence(input));
        Assert.Equal("IMDi justerer derfor anmodningen til Sogndal kommune fra 60 til **40** flyktninger, ingen enslige mindreårige (før 2).",
            AdjustmentWording.Sentence(input with { Identity = input.Identity with { Language = "nb" } }));
    }
}
