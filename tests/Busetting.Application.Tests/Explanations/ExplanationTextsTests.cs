using Busetting.Domain.Allocation;
using Busetting.Domain.Primitives;

namespace Busetting.Application.Tests.Explanations;

/// <summary>Every key has its words in both written standards, and numbers inside rule texts are written the Norwegian way.</summary>
public class ExplanationTextsTests
{
    private static readonly WrittenStandard[] Languages = Enum.GetValues<WrittenStandard>();

    [Fact]
    public void Part_EveryKindInBothLanguages_OwnNonEmptyText()
    {
        // A new PartKind without a text does not compile (CS8509); this checks the texts are real and tell kinds apart.
        foreach (var language in Languages)
        {
            var texts = Enum.GetValues<PartKind>().Select(k => ExplanationTexts.Part(language, k, "criterion name", k == PartKind.Rule ? "rule text" : "")).ToList();
            Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t)));
            Assert.Equal(texts.Count, texts.Distinct().Count());
        }
    }

    [Fact]
    public void Part_ContinuityAndRevision_NamedInEachLanguage()
    {
        Assert.Equal("Fjorårets mønster (anmodninger og bosatte)", ExplanationTexts.Part(WrittenStandard.Nb, PartKind.Continuity, "", ""));
        Assert.Equal("Mønsteret frå i fjor (oppmodingar og busette)", ExplanationTexts.Part(WrittenStandard.Nn, PartKind.Continuity, "", ""));
        Assert.Equal("Revisjon: endring fra gjeldende anmodning", ExplanationTexts.Part(WrittenStandard.Nb, PartKind.Revision, "", ""));
        Assert.Equal("Revisjon: endring frå gjeldande oppmoding", ExplanationTexts.Part(WrittenStandard.Nn, PartKind.Revision, "", ""));
        // A minimum-change revision names its rule (what it did with which earlier number).
        Assert.Equal("Revisjon med minst mogleg endring: frå den tidlegare oppmodinga på 559 til 400, så lite som det nye behovet og reglane tillèt",
            ExplanationTexts.Part(WrittenStandard.Nn, PartKind.Revision, "", ExplanationTexts.MinimumChange(WrittenStandard.Nn, new RuleNote(RuleId.MinimumChangeRevision, 559), 400)));
    }

    [Fact]
    public void Label_EveryLabelInBothLanguages_NonEmpty()
    {
        foreach (var language in Languages)
        {
            Assert.All(Enum.GetValues<ExplanationLabel>(), l => Assert.False(string.IsNullOrWhiteSpace(ExplanationTexts.Label(language, l))));
        }
    }

    [Fact]
    public void Rule_EveryRuleWithLargeNumbers_NorwegianSeparatorsOnly()
    {
        foreach (var language in Languages)
        {
            foreach (var rule in Enum.GetValues<RuleId>().Where(r => r != RuleId.EmEligibleByGrant)) // its value is a year
            {
                var text = ExplanationTexts.Rule(language, new RuleNote(rule, 1234.5m, "grunn") { Basis = 33.79m, SizeFrom = 2000, SizeTo = 4999 });
                Assert.False(string.IsNullOrWhiteSpace(text), $"{language} {rule}");
                Assert.DoesNotMatch(@"\d[.,]\d{3}\b|\d{4}", text.Replace("\u00A0", " ", StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [InlineData(RuleId.ImmigrantShareCap, WrittenStandard.Nn, "Innvandrardel 33,79 % over terskelen: tak 12")]
    [InlineData(RuleId.ContinuityFloor, WrittenStandard.Nb, "Kontinuitet: minst 12 (i fjor anmodet 1 200)")]
    [InlineData(RuleId.ContinuityCap, WrittenStandard.Nn, "Kontinuitet: høgst 12 (i fjor oppmoda 1 200)")]
    public void Rule_Basis_FormattedLikeEveryOtherNumber(RuleId rule, WrittenStandard language, string expected)
    {
        var basis = rule == RuleId.ImmigrantShareCap ? 33.79m : 1200m;
        Assert.Equal(expected, ExplanationTexts.Rule(language, new RuleNote(rule, 12) { Basis = basis }).Replace('\u00A0', ' '));
    }

    [Fact]
    public void Rule_DecisionCapacityAndEmGrant_NumbersAndYearsWrittenRight()
    {
        Assert.Equal("Kapasitet etter vedtak: høgst 45 (kommunestyret vedtok 1 200 i fjor, justert for endringa i behovet)",
            ExplanationTexts.Rule(WrittenStandard.Nn, new RuleNote(RuleId.DecisionCapacity, 45) { Basis = 1200 }).Replace('\u00A0', ' '));
        Assert.Equal("Kan ta imot EM: fikk tilskudd til bosetting av enslige mindreårige i 2024 (1 250 000 kr)",
            ExplanationTexts.Rule(WrittenStandard.Nb, new RuleNote(RuleId.EmEligibleByGrant, 2024) { Basis = 1_250_000 }).Replace('\u00A0', ' '));
        Assert.StartsWith("Innvandrerandel 30,12 %, over terskelen: tatt hensyn til (kriteriedelen × 1,00)",
            ExplanationTexts.Rule(WrittenStandard.Nb, new RuleNote(RuleId.ImmigrantShareConsidered, 1m) { Basis = 30.12m }));
    }

    [Fact]
    public void Rule_ImmigrantShareExcluded_ShareWithTwoDecimals()
    {
        Assert.Equal("Innvandrerandel 30,12 % over terskelen: ikke anmodet",
            ExplanationTexts.Rule(WrittenStandard.Nb, new RuleNote(RuleId.ImmigrantShareExcluded, 30.12m)));
    }

    [Fact]
    public void Rule_Spread_NamesTheGroupAndTheMinimum()
    {
        var landsdel = ExplanationTexts.Rule(WrittenStandard.Nn, new RuleNote(RuleId.SpreadLandsdel, 1, "Nord-Noreg"));
        Assert.StartsWith("Spreiing: landsdelen Nord-Noreg må ha minst 1 oppmoda kommune;", landsdel);
        var size = ExplanationTexts.Rule(WrittenStandard.Nb, new RuleNote(RuleId.SpreadSizeClass, 2) { SizeFrom = 2000, SizeTo = 4999 }).Replace('\u00A0', ' ');
        Assert.StartsWith("Spredning: størrelsesklassen 2 000–4 999 innbyggere må ha minst 2 anmodede kommuner;", size);
        var top = ExplanationTexts.Rule(WrittenStandard.Nn, new RuleNote(RuleId.SpreadSizeClass, 1) { SizeFrom = 50000 }).Replace('\u00A0', ' ');
        Assert.Contains("storleiksklassen 50 000 innbyggjarar eller fleire", top);
    }
}
