using Busetting.Domain.Allocation;
using Busetting.Domain.Primitives;

namespace Busetting.Application.Tests.Explanations;

public class ExplanationPresenterTests
{
    private static readonly Dictionary<string, (string Nb, string Nn)> Names = new() { ["arbeid"] = ("Muligheter for arbeid", "Moglegheiter for arbeid") };

    /// <summary>A run line's explanation exactly as runs stored it before this presenter (numbers kept as invariant text in rule and EM details).</summary>
    private static readonly string StoredBeforePresenter = Busetting.TestKit.StoredExplanations.BeforePresenter(
        """{"eligible":true,"eligibility":"EmEligibleByGrant","eligibilityValue":2024,"eligibilityDetail":"1250000","target":0,"requested":0}""");

    [Fact]
    public void Present_RunStoredBeforeThePresenter_RendersWithNorwegianNumbers()
    {
        var x = ExplanationPresenter.Present(StoredExplanation.Parse(StoredBeforePresenter), WrittenStandard.Nn, Names);
        Assert.Equal(
            [(PartKind.Criterion, "Moglegheiter for arbeid", "10,50"), (PartKind.Redistribution, "Omfordeling: del av det andre kommunars golv, tak og unntak flyttar", "2,25"),
             (PartKind.Rule, "Innvandrardel 33,79 % over terskelen: tak 12", "−0,75"), (PartKind.Rounding, "Avrunding til heile personar", "0,00")],
            x.Parts.Select(p => (p.Kind, p.Label, p.Persons)));
        Assert.Equal("12,00", x.Sum);
        Assert.Equal(["Innvandrardel 33,79 % over terskelen: tak 12"], x.BindingRules.Select(r => r.Text));
        Assert.Contains("Kontinuitet: minst 8 (i fjor oppmoda 1\u00A0200)", x.AllRules.Select(r => r.Text));
        Assert.Equal("60,0 %", x.Parts[0].Weight);
        Assert.Equal("Heilt ledige i % av arbeidsstyrken (NAV; stadfortredar for moglegheiter for arbeid) = 1,35 (2020)", x.Parts[0].Indicator);
        Assert.Equal("Kan ta imot EM: fekk tilskot til busetjing av einslege mindreårige i 2024 (1\u00A0250\u00A0000 kr)", x.EmEligibility.Text);
    }

    [Fact]
    public void FromAndParse_Explanation_SameShapeAfterTheRoundTrip()
    {
        var note = new RuleNote(RuleId.SpreadSizeClass, 1) { SizeFrom = 2000, SizeTo = 4999 };
        var explanation = new Explanation(4.2m,
            [new CriterionContribution("arbeid", 0.6m, 0.001, 4.2, null, null, true)],
            [new ExplanationPart(PartKind.Criterion, 4.2m, "arbeid"), new ExplanationPart(PartKind.Redistribution, -0.4m),
             new ExplanationPart(PartKind.Rule, 6.2m, Rule: RuleId.SpreadSizeClass), new ExplanationPart(PartKind.Rounding, 0m)],
            new MunicipalityBounds(MunicipalityNumber.Parse("1101"), 10, 50, false, false, RuleId.Floor, RuleId.CapacityCap, [note]),
            [RuleId.SpreadSizeClass, RuleId.Floor], [], new EmExplanation(false, new RuleNote(RuleId.EmNotEligible), 0, 0));
        var stored = StoredExplanation.From(explanation);
        var again = StoredExplanation.Parse(StoredExplanation.Serialize(explanation));
        Assert.Equal(stored.Parts, again.Parts);
        Assert.Equal(stored.Rules, again.Rules);
        Assert.Equal(note, again.Rules.Single().ToNote());
        Assert.Null(again.Parts[1].Criterion);

        var x = ExplanationPresenter.Present(again, WrittenStandard.Nb, Names);
        Assert.Equal(["Spredning: størrelsesklassen 2\u00A0000–4\u00A0999 innbyggere må ha minst 1 anmodet kommune; derfor anmodet, selv om målet alene ikke ville gitt en anmodning",
            "Hovedregel: ingen kommune anmodes om færre enn gulvet (10)"], x.BindingRules.Select(r => r.Text));
        Assert.Equal(x.BindingRules[0].Text, x.Parts[2].Label);
        Assert.Equal("mangler, nasjonalt snitt brukt", x.Contributions.Single().Indicator);
    }
}
