using System.Diagnostics;
using System.Globalization;
using Busetting.Domain.Allocation;
using Busetting.Domain.Primitives;

namespace Busetting.Application;

/// <summary>
/// Every data note in Bokmål and Nynorsk, in one place, for the run page, the criteria page, the what-if and the CLI.
/// A note stored as English text by an older run (<see cref="StoredTextNote"/>) has no Norwegian words: it is shown under
/// "Teknisk" only (<see cref="IsTechnicalOnly"/>). File names and code names stay in <see cref="DataNote.Technical"/>.
/// </summary>
public static class DataNoteTexts
{
    /// <summary>Whether the note has no Norwegian words (an older run's English text): show it only under "Teknisk".</summary>
    public static bool IsTechnicalOnly(DataNote note) => note is StoredTextNote;

    /// <summary>The note in the reader's written standard.</summary>
    public static string Say(DataNote note, WrittenStandard language)
    {
        string T(string nb, string nn) => language == WrittenStandard.Nn ? nn : nb;
        string Name(NoteCriterion c) => T(c.NameNb, c.NameNn);
        string Indicator(string id) => ExplanationTexts.Indicator(language, id);
        return note switch
        {
            WeightMovedNote n => n.SpreadOverAll
                ? T($"{Name(n.Criterion)} har ingen data{MissingNb(n)}, og ingen av stedfortrederne har data: vekten på {Percent(n.Weight)} er fordelt på alle kriterier med data.",
                    $"{Name(n.Criterion)} har ingen data{MissingNn(n)}, og ingen av stadfortredarane har data: vekta på {Percent(n.Weight)} er fordelt på alle kriterium med data.")
                : T($"{Name(n.Criterion)} har ingen data{MissingNb(n)}: vekten på {Percent(n.Weight)} er flyttet til {List(n.To.Select(Name))}.",
                    $"{Name(n.Criterion)} har ingen data{MissingNn(n)}: vekta på {Percent(n.Weight)} er flytt til {List(n.To.Select(Name))}."),
            KnowledgeDateNote n => T($"Kunnskapsdato {Day(n.Date)}: bare tall som var kjent da, er brukt.",
                $"Kunnskapsdato {Day(n.Date)}: berre tal som var kjende då, er brukte."),
            PopulationNote n => T($"Folketall per 1. januar {n.Year} ({n.Source}).", $"Folketal per 1. januar {n.Year} ({n.Source})."),
            HistoryUsedNote n => T($"Historikk brukt: {Sources(n.Sources, language)}.", $"Historikk brukt: {Sources(n.Sources, language)}."),
            HistoryNotYetKnownNote n => T($"Ikke brukt fordi det ennå ikke var kjent {Day(n.Date)}: {Sources(n.Sources, language)}.",
                $"Ikkje brukt fordi det enno ikkje var kjent {Day(n.Date)}: {Sources(n.Sources, language)}."),
            NoHistoryNote n => T($"Ingen anmodninger, vedtak eller bosettinger var kjent {Day(n.Date)}: kontinuitet og EM-historikk kan ikke brukes.",
                $"Ingen oppmodingar, vedtak eller busetjingar var kjende {Day(n.Date)}: kontinuitet og EM-historikk kan ikkje brukast."),
            HistoryIgnoredNote n => T($"Ikke brukt: anmodninger og bosettinger fra bosettingsåret eller senere ({List(n.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)))}).",
                $"Ikkje brukt: oppmodingar og busetjingar frå busetjingsåret eller seinare ({List(n.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)))})."),
            IndicatorAfterLettersNote n => T($"Ikke brukt: {Indicator(n.IndicatorId)} med tall fra {n.IndicatorYear}, som kom etter at brevene for {n.Year} ble skrevet.",
                $"Ikkje brukt: {Indicator(n.IndicatorId)} med tal frå {n.IndicatorYear}, som kom etter at breva for {n.Year} vart skrivne."),
            IndicatorsImportedNote n => T($"Importerte {Texts.Number(n.Count)} indikatorverdier fra en fil i datamappen (filnavnet står under Teknisk).",
                $"Importerte {Texts.Number(n.Count)} indikatorverdiar frå ei fil i datamappa (filnamnet står under Teknisk)."),
            NoEmGrantsFileNote => T("Ingen fil med EM-tilskudd: om en kommune kan ta imot EM, bygger bare på EM bosatt og importert kapasitet.",
                "Inga fil med EM-tilskot: om ein kommune kan ta imot EM, byggjer berre på EM busette og importert kapasitet."),
            SplitNotSharedNote n => T($"{n.Municipality} ble skilt ut fra {n.Parent} {Day(n.Date)}, men ingen år har folketall for begge: eldre tall blir stående på {n.Parent}.",
                $"{n.Municipality} vart skild ut frå {n.Parent} {Day(n.Date)}, men ingen år har folketal for begge: eldre tal blir ståande på {n.Parent}."),
            SplitSharedNote n => T($"{n.Municipality} ble skilt ut fra {n.Parent} {Day(n.Date)}: tall fra før delingen er fordelt etter folketallet 1. januar {n.PopulationYear} ({Percent((decimal)n.Share, 1)} til {n.Municipality}).",
                $"{n.Municipality} vart skild ut frå {n.Parent} {Day(n.Date)}: tal frå før delinga er fordelte etter folketalet 1. januar {n.PopulationYear} ({Percent((decimal)n.Share, 1)} til {n.Municipality})."),
            CriteriaFallbackNote n => T($"Ingen kriterier for {n.Year}: bruker versjon {n.Version} til departementets kriterier for {n.Year} er lagt inn.",
                $"Ingen kriterium for {n.Year}: bruker versjon {n.Version} til kriteria frå departementet for {n.Year} er lagde inn."),
            PriorityGroupLowNote n => T($"Prioritetsgruppe 1 (resultater i introduksjonsprogrammet, arbeid, kapasitet i videregående) veier {Percent(n.Weight)}, under departementets minimum på {Percent(n.Minimum)}.",
                $"Prioritetsgruppe 1 (resultat i introduksjonsprogrammet, arbeid, kapasitet i vidaregåande) veg {Percent(n.Weight)}, under minimumet til departementet på {Percent(n.Minimum)}."),
            AnchorUnusedNote n => T($"Kontinuitetsankeret ({Percent(n.Share)} av behovet) er ikke brukt: ingen anmodninger eller bosettinger fra før {n.Year} var kjent på kunnskapsdatoen, så kriteriene bærer hele behovet.",
                $"Kontinuitetsankeret ({Percent(n.Share)} av behovet) er ikkje brukt: ingen oppmodingar eller busetjingar frå før {n.Year} var kjende på kunnskapsdatoen, så kriteria ber heile behovet."),
            AnchorOlderPatternNote n => T($"Kontinuitetsankeret: ingen anmodninger eller bosettinger fra {n.MissingYear} var kjent på kunnskapsdatoen, så mønsteret er fra {n.PatternYear}.",
                $"Kontinuitetsankeret: ingen oppmodingar eller busetjingar frå {n.MissingYear} var kjende på kunnskapsdatoen, så mønsteret er frå {n.PatternYear}."),
            NoContinuityRequestsNote n => T($"Ingen anmodninger fra {n.Year} var kjent på kunnskapsdatoen: kontinuitetsregelen gjelder ikke.",
                $"Ingen oppmodingar frå {n.Year} var kjende på kunnskapsdatoen: kontinuitetsregelen gjeld ikkje."),
            NoDecisionsNote n => T($"Ingen kommunestyrevedtak fra {n.Year} var kjent på kunnskapsdatoen: regelen om kapasitet etter vedtak gjelder ikke.",
                $"Ingen kommunestyrevedtak frå {n.Year} var kjende på kunnskapsdatoen: regelen om kapasitet etter vedtak gjeld ikkje."),
            IndicatorPartialNote n => T($"{Name(n.Criterion)}: {Municipalities(n.Missing, language)} mangler verdi for {Indicator(n.IndicatorId)} og regnes med landsgjennomsnittet.",
                $"{Name(n.Criterion)}: {Municipalities(n.Missing, language)} manglar verdi for {Indicator(n.IndicatorId)} og blir rekna med landsgjennomsnittet."),
            IndicatorOldNote n => T($"{Name(n.Criterion)}: {Indicator(n.IndicatorId)} har tall fra {n.IndicatorYear}, {n.Age} år før fordelingsåret. Importer nyere tall.",
                $"{Name(n.Criterion)}: {Indicator(n.IndicatorId)} har tal frå {n.IndicatorYear}, {n.Age} år før fordelingsåret. Importer nyare tal."),
            SpreadUncheckedNote => T("Kunne ikke sjekke hvilke kommuner som er anmodet bare på grunn av spredningsregelen (beregningen uten den lyktes ikke); forklaringene deres viser til gulvet.",
                "Kunne ikkje sjekke kva kommunar som er oppmoda berre på grunn av spreiingsregelen (berekninga utan han lukkast ikkje); forklaringane deira viser til golvet."),
            NoEmEvidenceNote n => T($"Ingen data om EM-kapasitet, ingen EM-tilskudd og ingen EM bosatt i {n.From}–{n.To} var kjent: alle anmodede kommuner regnes som i stand til å ta imot EM. Importer «{Indicator(n.IndicatorId)}» for å avgrense.",
                $"Ingen data om EM-kapasitet, ingen EM-tilskot og ingen EM busette i {n.From}–{n.To} var kjende: alle oppmoda kommunar blir rekna som i stand til å ta imot EM. Importer «{Indicator(n.IndicatorId)}» for å avgrense."),
            AboveCouncilDecisionNote n => T($"{Municipalities(n.Lines.Count, language)} er anmodet om flere enn kommunestyret vedtok: {string.Join(", ", n.Lines.Select(l => $"{l.Municipality} {l.Name} {Texts.Number(l.Requested)} (vedtatt {Texts.Number(l.Decided)})"))}.",
                $"{Municipalities(n.Lines.Count, language)} er oppmoda om fleire enn kommunestyret vedtok: {string.Join(", ", n.Lines.Select(l => $"{l.Municipality} {l.Name} {Texts.Number(l.Requested)} (vedteke {Texts.Number(l.Decided)})"))}."),
            StoredTextNote => T("Merknad fra en eldre kjøring, lagret bare på engelsk (se Teknisk).", "Merknad frå ei eldre køyring, lagra berre på engelsk (sjå Teknisk)."),
            _ => throw new UnreachableException($"no words for the data note {note.GetType().Name}"),
        };
    }

    private static string MissingNb(WeightMovedNote n) => n.Missing switch
    {
        MissingData.Indicator => " (indikatoren er ikke importert for noe år før fordelingsåret)",
        MissingData.History => " (ingen anmodninger eller bosettinger fra tidligere år i dataene)",
        MissingData.Other => "",
    };

    private static string MissingNn(WeightMovedNote n) => n.Missing switch
    {
        MissingData.Indicator => " (indikatoren er ikkje importert for noko år før fordelingsåret)",
        MissingData.History => " (ingen oppmodingar eller busetjingar frå tidlegare år i dataa)",
        MissingData.Other => "",
    };

    /// <summary>A history source: "anmodninger og vedtak 2023 (kjent fra 1. oktober 2023)".</summary>
    public static string Source(HistorySource s, WrittenStandard language)
    {
        string T(string nb, string nn) => language == WrittenStandard.Nn ? nn : nb;
        var until = s.Until is { } u ? T($" til og med {Day(u)}", $" til og med {Day(u)}") : "";
        var known = T($"kjent fra {Day(s.KnownFrom)}", $"kjend frå {Day(s.KnownFrom)}");
        return s.Kind switch
        {
            HistoryKind.RequestsAndDecisions => T($"anmodninger og vedtak {s.Year} ({known})", $"oppmodingar og vedtak {s.Year} ({known})"),
            HistoryKind.SettledKeyFigures => T($"bosatte {s.Year} etter IMDis nøkkeltall ({known})", $"busette {s.Year} etter nøkkeltala til IMDi ({known})"),
            HistoryKind.Settled => T($"bosatte {s.Year}{until} ({known})", $"busette {s.Year}{until} ({known})"),
            HistoryKind.EmSettled => T($"EM bosatt {s.Year}{until} ({known})", $"EM busette {s.Year}{until} ({known})"),
            HistoryKind.EmGrants => T($"EM-tilskudd {s.Year} ({known})", $"EM-tilskot {s.Year} ({known})"),
        };
    }

    private static string Sources(IReadOnlyList<HistorySource> sources, WrittenStandard language) =>
        string.Join("; ", sources.Select(s => Source(s, language)));

    private static readonly string[] Months =
        ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

    /// <summary>"1. oktober 2023": the month names are the same in both written standards.</summary>
    public static string Day(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Day}. {Months[date.Month - 1]} {date.Year}");

    /// <summary>A share as per cent the Norwegian way: 0,15 → "15 %", 0,1234 → "12,3 %" with one decimal.</summary>
    private static string Percent(decimal share, int decimals = 1) =>
        (share * 100).ToString(decimals == 0 ? "0" : "0." + new string('#', decimals), Texts.Norwegian) + " %";

    private static string Municipalities(int count, WrittenStandard language) =>
        count == 1 ? "1 kommune" : $"{Texts.Number(count)} {(language == WrittenStandard.Nn ? "kommunar" : "kommuner")}";

    /// <summary>"a, b og c".</summary>
    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 1 ? string.Join("", all) : string.Join(", ", all.Take(all.Count - 1)) + " og " + all[^1];
    }
}
