using Busetting.Domain.Allocation;
using Busetting.Domain.Planning;
using Busetting.Domain.Primitives;

namespace Busetting.Application.Tests;

/// <summary>Issue 16, item 3: free text is printed only in its own written standard, and the explanation says who agreed.</summary>
public class FreeTextTests
{
    [Fact]
    public void Stored_BothForms_EachReaderGetsTheirOwn()
    {
        var text = FreeText.Stored(" Flere boliger. ", "Fleire bustader.");
        Assert.Equal(("Flere boliger.", "Fleire bustader."), (text.For(WrittenStandard.Nb), text.For(WrittenStandard.Nn)));
    }

    [Theory]
    [InlineData("Fylket har meldt om ledige bustader og fleire plassar", null, "Fylket har meldt om ledige bustader og fleire plassar")]
    [InlineData("Kommunen har ikke boliger nok", "Kommunen har ikke boliger nok", null)]
    [InlineData("Avtalt med Vestland fylkeskommune", null, null)] // the same in both forms: told by no word, printed to nobody
    [InlineData("Kommunen har ikke fleire bustader", null, null)] // words of both: not told
    public void Stored_OneOlderText_PrintedOnlyToTheFormItsWordsShow(string text, string? nb, string? nn)
    {
        var stored = FreeText.Stored(text, null);
        Assert.Equal((nb, nn), (stored.For(WrittenStandard.Nb), stored.For(WrittenStandard.Nn)));
    }

    [Fact]
    public void Stored_Nothing_IsEmpty() => Assert.True(FreeText.Stored("  ", null).IsEmpty);

    [Theory]
    [InlineData(Role.County, "Avtalt etter dialog med fylket: 80")]
    [InlineData(Role.Ks, "Avtalt etter dialog med KS: 80")]
    public void AgreedChange_SaysWhoAgreed(Role proposer, string expected)
    {
        var note = new RuleNote(RuleId.AgreedChange, 80, AgreementParty.Of(proposer));
        Assert.Equal(expected, ExplanationTexts.Rule(WrittenStandard.Nb, note));
        Assert.Equal(expected, ExplanationTexts.Rule(WrittenStandard.Nn, note));
        Assert.StartsWith(expected.Replace(": 80", ", skalert", StringComparison.Ordinal),
            ExplanationTexts.Rule(WrittenStandard.Nb, note with { Rule = RuleId.AgreedChangeScaled }), StringComparison.Ordinal);
    }
}
