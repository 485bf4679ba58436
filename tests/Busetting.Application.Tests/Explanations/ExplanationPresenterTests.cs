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
            [(PartKind.Criterion, "Moglegheiter for arbeid", "10,50"), (PartKind.Redistribution, "Justering fordi andre kommunar har golv, tak eller unntak", "2,25"),
             (PartKind.Rule, "Innvandrardel 33,79 % over terskelen: tak 12", "−0,75"), (PartKind.Rounding, "Avrunding til heile personar", "0,00")],
            x.Parts.Select(p => (p.Kind, p.Label, p.Persons)));
        Assert.Equal("12,00", x.Sum);
        Assert.Equal(["Innvandrardel 33,79 % over terskelen: tak 12"], x.BindingRules.Select(r => r.Text));
        Assert.Contains("Kontinuitet: minst 8 (i fjor oppmoda 1\u00A0200)", x.AllRules.Select(r => r.Text));
        Assert.Equal("60,0 %", x.Parts[0].Weight);
        Assert.Equal("Heilt ledige i % av arbeidsstyrken (NAV; stadfortredar for moglegheiter for arbeid) = 1,35 (tal frå 2020)", x.Parts[0].Indicator);
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

    /// <summary>Issue 16, item 6: the words a municipality reads — the pattern with its share and last year's figures,
    /// plain names, data years in words, the minimum-change rule for what it did, no free text inside a rule label.</summary>
    [Fact]
    public void Present_WordsAMunicipalityCanRead()
    {
        var explanation = new Explanation(60m, [new CriterionContribution("arbeid", 0.2m, 0.001, 12, new IndicatorValue("unemployment", 1.35m, 2020, "NAV"), null, false)],
            [new ExplanationPart(PartKind.Continuity, 48m), new ExplanationPart(PartKind.Criterion, 12m, "arbeid"), new ExplanationPart(PartKind.Redistribution, -0.4m),
             new ExplanationPart(PartKind.Rule, 20.4m, Rule: RuleId.AgreedChange), new ExplanationPart(PartKind.Rounding, 0m)],
            new MunicipalityBounds(MunicipalityNumber.Parse("4640"), 80, 80, false, false, RuleId.AgreedChange, RuleId.AgreedChange,
                [new RuleNote(RuleId.AgreedChange, 80, "Fylket har meldt om ledige bustader")]),
            [RuleId.AgreedChange], [], new EmExplanation(false, new RuleNote(RuleId.EmNotEligible), 0, 0),
            new AnchorContribution(2024, 0.8m, 0.004, 48, 0.005, 0.004, Requested: 140, Settled: 93));
        var stored = StoredExplanation.Parse(StoredExplanation.Serialize(explanation));

        var nn = ExplanationPresenter.Present(stored, WrittenStandard.Nn, Names);
        Assert.Equal("Mønsteret frå 2024 (80 % av behovet følgjer det): oppmoda 140, busette 93", nn.Parts[0].Label);
        Assert.Equal("Justering fordi andre kommunar har golv, tak eller unntak", nn.Parts[2].Label);
        Assert.Equal("Tal etter kriteria, før reglane", nn.Label(ExplanationLabel.Target));
        Assert.EndsWith("= 1,35 (tal frå 2020)", nn.Contributions.Single().Indicator);
        // A run stored before the party was kept has free text as the note's detail: who agreed is not known, the text never shown.
        Assert.Equal("Avtalt etter dialog med fylket og KS: 80", nn.Parts[3].Label);
        Assert.All(nn.BindingRules.Concat(nn.AllRules), r => Assert.DoesNotContain("ledige bustader", r.Text));
        var nb = ExplanationPresenter.Present(stored, WrittenStandard.Nb, Names);
        Assert.Equal("Mønsteret fra 2024 (80 % av behovet følger det): anmodet 140, bosatt 93", nb.Parts[0].Label);
        Assert.Equal("Tall etter kriteriene, før reglene", nb.Label(ExplanationLabel.Target));
    }

    [Theory]
    [InlineData(559, 559, "Revisjon med minst mogleg endring: den tidlegare oppmodinga på 559 står")]
    [InlineData(559, 374, "Revisjon med minst mogleg endring: frå den tidlegare oppmodinga på 559 til 374, så lite som det nye behovet og reglane tillèt")]
    public void MinimumChange_WordedForWhatItDid(int before, int requested, string expected) =>
        Assert.Equal(expected, ExplanationTexts.MinimumChange(WrittenStandard.Nn, new RuleNote(RuleId.MinimumChangeRevision, before), requested));
}
