using Busetting.Application;
using Busetting.Domain.Allocation;
using Busetting.Domain.Primitives;
using Busetting.TestKit;

namespace Busetting.Planning.Tests.Runs;

/// <summary>
/// The engine's data notes are typed and said in Bokmål and Nynorsk (no host): every kind has words in both written
/// standards with no English in them, the English line stays for "Teknisk", and stored notes — typed or, from older
/// runs, plain English lines — read back.
/// </summary>
public class DataNoteTextsTests
{
    private static readonly NoteCriterion Intro = new("introduksjonsresultat", "Resultat i introduksjonsprogrammet", "Resultat i introduksjonsprogrammet");
    private static readonly NoteCriterion Work = new("arbeid", "Muligheter for arbeid", "Moglegheiter for arbeid");
    private static readonly DateOnly Known = new(2024, 11, 15);

    /// <summary>One note of every kind, with the facts a run gives it.</summary>
    public static readonly IReadOnlyList<DataNote> OneOfEach =
    [
        new WeightMovedNote(Intro, MissingData.Indicator, IndicatorIds.IntroductionResults, [Work], 0.3m, SpreadOverAll: false),
        new KnowledgeDateNote(Known),
        new PopulationNote(2024, "SSB 07459"),
        new HistoryUsedNote([new HistorySource(HistoryKind.RequestsAndDecisions, 2024, new DateOnly(2024, 10, 1)), new HistorySource(HistoryKind.Settled, 2024, new DateOnly(2024, 9, 1), new DateOnly(2024, 8, 31))]),
        new HistoryNotYetKnownNote(Known, [new HistorySource(HistoryKind.EmGrants, 2024, new DateOnly(2025, 3, 1)), new HistorySource(HistoryKind.SettledKeyFigures, 2024, new DateOnly(2025, 2, 1))]),
        new NoHistoryNote(Known),
        new HistoryIgnoredNote([2025, 2026]),
        new IndicatorAfterLettersNote(IndicatorIds.ReceptionCentreResidents, 2025, 2025),
        new IndicatorsImportedNote("ssb_ledige_2024.csv", 357),
        new NoEmGrantsFileNote("imdi_em_tilskudd.csv"),
        new SplitNotSharedNote("1580", "1508", new DateOnly(2024, 1, 1)),
        new SplitSharedNote("1580", "1508", new DateOnly(2024, 1, 1), 2024, 0.135),
        new CriteriaFallbackNote(2024, "2022.json", "2022-1"),
        new PriorityGroupLowNote(0.4m, 0.5m),
        new AnchorUnusedNote(0.8m, 2022),
        new AnchorOlderPatternNote(2024, 2023),
        new NoContinuityRequestsNote(2024),
        new NoDecisionsNote(2024),
        new IndicatorPartialNote(Work, IndicatorIds.Unemployment, 9),
        new IndicatorOldNote(Work, IndicatorIds.Unemployment, 2020, 5),
        new SpreadUncheckedNote(),
        new NoEmEvidenceNote(2022, 2024, IndicatorIds.EmCapable),
        new AboveCouncilDecisionNote([new AboveDecisionLine("1103", "Stavanger", 60, 40)]),
        new StoredTextNote("continuity anchor: no requests or settlements of 2024 known at the knowledge date; the pattern is from 2023"),
    ];

    public static TheoryData<int, WrittenStandard> EachKindInBothStandards()
    {
        var data = new TheoryData<int, WrittenStandard>();
        for (var i = 0; i < OneOfEach.Count; i++)
        {
            data.Add(i, WrittenStandard.Nb);
            data.Add(i, WrittenStandard.Nn);
        }
        return data;
    }

    [Fact]
    public void OneOfEach_CoversEveryKind()
    {
        var kinds = typeof(DataNote).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DataNote)) && !t.IsAbstract).Select(t => t.Name).Order();
        Assert.Equal(kinds, OneOfEach.Select(n => n.GetType().Name).Order());
        Assert.Equal(kinds, DataNoteJson.Kinds.Select(k => k.Type.Name).Order());
    }

    [Theory]
    [MemberData(nameof(EachKindInBothStandards))]
    public void Say_EachKind_NorwegianWithNoEnglishOrCodeNames(int index, WrittenStandard language)
    {
        var note = OneOfEach[index];
        var text = DataNoteTexts.Say(note, language);
        Assert.Empty(EnglishText.ProblemsIn(text));
        Assert.NotEqual(note.Technical, text);
        Assert.NotEqual(DataNoteTexts.Say(note, language == WrittenStandard.Nb ? WrittenStandard.Nn : WrittenStandard.Nb), text);
    }

    [Theory]
    [InlineData(WrittenStandard.Nb, "Resultat i introduksjonsprogrammet har ingen data (indikatoren er ikke importert for noe år før fordelingsåret): vekten på 30 % er flyttet til Muligheter for arbeid.")]
    [InlineData(WrittenStandard.Nn, "Resultat i introduksjonsprogrammet har ingen data (indikatoren er ikkje importert for noko år før fordelingsåret): vekta på 30 % er flytt til Moglegheiter for arbeid.")]
    public void Say_CriterionWithoutData_NamesWhereItsWeightWent(WrittenStandard language, string expected) =>
        Assert.Equal(expected, DataNoteTexts.Say(OneOfEach[0], language));

    [Theory]
    [InlineData(WrittenStandard.Nb, "Muligheter for arbeid: Helt ledige i % av arbeidsstyrken (NAV; stedfortreder for muligheter for arbeid) har tall fra 2020, 5 år før fordelingsåret. Importer nyere tall.")]
    [InlineData(WrittenStandard.Nn, "Moglegheiter for arbeid: Heilt ledige i % av arbeidsstyrken (NAV; stadfortredar for moglegheiter for arbeid) har tal frå 2020, 5 år før fordelingsåret. Importer nyare tal.")]
    public void Say_OldIndicator_SaysTheYearInWords(WrittenStandard language, string expected) =>
        Assert.Equal(expected, DataNoteTexts.Say(new IndicatorOldNote(Work, IndicatorIds.Unemployment, 2020, 5), language));

    [Theory]
    [InlineData(WrittenStandard.Nb, "Kunnskapsdato 15. november 2024: bare tall som var kjent da, er brukt.", "Historikk brukt: anmodninger og vedtak 2024 (kjent fra 1. oktober 2024); bosatte 2024 til og med 31. august 2024 (kjent fra 1. september 2024).")]
    [InlineData(WrittenStandard.Nn, "Kunnskapsdato 15. november 2024: berre tal som var kjende då, er brukte.", "Historikk brukt: oppmodingar og vedtak 2024 (kjend frå 1. oktober 2024); busette 2024 til og med 31. august 2024 (kjend frå 1. september 2024).")]
    public void Say_KnowledgeDateAndHistory_DatesInWords(WrittenStandard language, string knowledgeDate, string history)
    {
        Assert.Equal(knowledgeDate, DataNoteTexts.Say(OneOfEach[1], language));
        Assert.Equal(history, DataNoteTexts.Say(OneOfEach[3], language));
    }

    [Fact]
    public void Technical_KeepsTheEnginesEnglishLine()
    {
        Assert.Equal("criterion 'introduksjonsresultat' has no data (indicator 'introduksjonsprogram_resultat_pst' not imported for any year before the allocation year); its weight 0.3 was moved to 'arbeid'",
            OneOfEach[0].Technical);
        Assert.Equal("history used: requests and decisions 2024 (known from 2024-10-01); settled 2024 up to 2024-08-31 (known from 2024-09-01)", OneOfEach[3].Technical);
    }

    [Fact]
    public void Json_EachKind_ReadsBackTheSame()
    {
        var read = DataNoteJson.Parse(DataNoteJson.Serialize(OneOfEach));
        Assert.Equal(OneOfEach.Select(n => n.GetType()), read.Select(n => n.GetType()));
        Assert.Equal(OneOfEach.Select(n => n.Technical), read.Select(n => n.Technical));
        Assert.Equal(OneOfEach.Select(n => DataNoteTexts.Say(n, WrittenStandard.Nn)), read.Select(n => DataNoteTexts.Say(n, WrittenStandard.Nn)));
    }

    [Fact]
    public void Json_OlderRunWithEnglishLines_ReadAsTechnicalOnly()
    {
        var read = DataNoteJson.Parse("[\"knowledge date 2024-11-15: only figures known by then are used\",\"history used: settled 2023\"]");
        Assert.All(read, n => Assert.True(DataNoteTexts.IsTechnicalOnly(n)));
        Assert.Equal(["knowledge date 2024-11-15: only figures known by then are used", "history used: settled 2023"], read.Select(n => n.Technical));
    }
}
