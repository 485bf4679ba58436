namespace Busetting.Domain.Tests.Primitives;

public class WrittenStandardsTests
{
    [Theory]
    [InlineData(WrittenStandard.Nb, "nb")]
    [InlineData(WrittenStandard.Nn, "nn")]
    public void Code_EachStandard_ItsTwoLetters(WrittenStandard standard, string code) => Assert.Equal(code, standard.Code());

    [Theory]
    [InlineData(WrittenStandard.Nb, "nb-NO")]
    [InlineData(WrittenStandard.Nn, "nn-NO")]
    public void CultureName_EachStandard_Norwegian(WrittenStandard standard, string culture) => Assert.Equal(culture, standard.CultureName());

    [Theory]
    [InlineData("nb", WrittenStandard.Nb)]
    [InlineData("nn", WrittenStandard.Nn)]
    public void TryParse_KnownCode_TheStandard(string code, WrittenStandard expected)
    {
        Assert.True(WrittenStandards.TryParse(code, out var standard));
        Assert.Equal(expected, standard);
        Assert.Equal(expected, WrittenStandards.Parse(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("NN")]
    [InlineData("no")]
    [InlineData(" nn")]
    [InlineData("nynorsk")]
    public void TryParse_AnythingElse_NotAStandard(string? code)
    {
        Assert.False(WrittenStandards.TryParse(code, out _));
        Assert.Throws<FormatException>(() => WrittenStandards.Parse(code!));
    }

    [Fact]
    public void CodeThenParse_EveryStandard_RoundTrips()
    {
        foreach (var standard in Enum.GetValues<WrittenStandard>())
        {
            Assert.Equal(standard, WrittenStandards.Parse(standard.Code()));
        }
        Assert.Equal(Enum.GetValues<WrittenStandard>(), WrittenStandards.All);
    }

    [Theory]
    [InlineData("nn", WrittenStandard.Nn)]
    [InlineData("nb", WrittenStandard.Nb)]
    [InlineData(null, WrittenStandard.Nb)]
    [InlineData("xx", WrittenStandard.Nb)]
    public void NynorskOrBokmal_MissingOrUnknown_Bokmal(string? code, WrittenStandard expected) =>
        Assert.Equal(expected, WrittenStandards.NynorskOrBokmal(code));

    [Theory]
    [InlineData(LanguageForm.Nynorsk, WrittenStandard.Nn)]
    [InlineData(LanguageForm.Bokmal, WrittenStandard.Nb)]
    [InlineData(LanguageForm.Neutral, WrittenStandard.Nb)]
    public void Of_OfficialForm_NynorskOnlyWhenChosen(LanguageForm form, WrittenStandard expected) =>
        Assert.Equal(expected, WrittenStandards.Of(form));
}
