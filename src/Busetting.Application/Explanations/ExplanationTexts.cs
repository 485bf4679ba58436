using Busetting.Domain.Allocation;

namespace Busetting.Application;

/// <summary>
/// Every word of an explanation in Bokmål and Nynorsk, in one place. The switches have no fallback: a label, part kind
/// or rule without both texts does not compile (CS8509 is an error). Numbers are formatted the Norwegian way.
/// </summary>
public static class ExplanationTexts
{
    public static string Label(Language language, ExplanationLabel label) => (language, label) switch
    {
        (Language.Nb, ExplanationLabel.Title) => "Forklaring av anmodningen",
        (Language.Nn, ExplanationLabel.Title) => "Forklaring av oppmodinga",
        (Language.Nb, ExplanationLabel.HowTheNumberArose) => "Slik ble tallet til",
        (Language.Nn, ExplanationLabel.HowTheNumberArose) => "Slik vart talet til",
        (Language.Nb, ExplanationLabel.Requested) => "Anmodet",
        (Language.Nn, ExplanationLabel.Requested) => "Oppmoda",
        (Language.Nb, ExplanationLabel.Persons) => "personer",
        (Language.Nn, ExplanationLabel.Persons) => "personar",
        (Language.Nb, ExplanationLabel.OfWhichEm) => "herav enslige mindreårige (EM)",
        (Language.Nn, ExplanationLabel.OfWhichEm) => "av dei einslege mindreårige (EM)",
        (Language.Nb, ExplanationLabel.Plan) => "Plantall for året etter",
        (Language.Nn, ExplanationLabel.Plan) => "Plantal for året etter",
        (Language.Nb, ExplanationLabel.Population) => "Innbyggere 1. januar",
        (Language.Nn, ExplanationLabel.Population) => "Innbyggarar 1. januar",
        (Language.Nb, ExplanationLabel.Indicators) => "Indikatorer (verdi, år, kilde)",
        (Language.Nn, ExplanationLabel.Indicators) => "Indikatorar (verdi, år, kjelde)",
        (Language.Nb, ExplanationLabel.Contributions) => "Bidrag fra hvert kriterium",
        (Language.Nn, ExplanationLabel.Contributions) => "Bidrag frå kvart kriterium",
        (_, ExplanationLabel.Criterion) => "Kriterium",
        (_, ExplanationLabel.Indicator) => "Indikator",
        (_, ExplanationLabel.Weight) => "Vekt",
        (Language.Nb, ExplanationLabel.Share) => "Andel",
        (Language.Nn, ExplanationLabel.Share) => "Del",
        (_, ExplanationLabel.Factor) => "Faktor",
        (Language.Nb, ExplanationLabel.IndicatorMissing) => "mangler, nasjonalt snitt brukt",
        (Language.Nn, ExplanationLabel.IndicatorMissing) => "manglar, nasjonalt snitt brukt",
        (Language.Nb, ExplanationLabel.Target) => "Mål etter kriteriene",
        (Language.Nn, ExplanationLabel.Target) => "Mål etter kriteria",
        (Language.Nb, ExplanationLabel.Parts) => "Delene som summerer til anmodningen",
        (Language.Nn, ExplanationLabel.Parts) => "Delane som summerer til oppmodinga",
        (Language.Nb, ExplanationLabel.PartsAddUp) => "Delene under summerer nøyaktig til anmodningen.",
        (Language.Nn, ExplanationLabel.PartsAddUp) => "Delane under summerer nøyaktig til oppmodinga.",
        (_, ExplanationLabel.Part) => "Del",
        (Language.Nb, ExplanationLabel.PersonsColumn) => "Personer",
        (Language.Nn, ExplanationLabel.PersonsColumn) => "Personar",
        (_, ExplanationLabel.Sum) => "Sum",
        (Language.Nb, ExplanationLabel.Rules) => "Regler som avgjør tallet",
        (Language.Nn, ExplanationLabel.Rules) => "Reglar som avgjer talet",
        (Language.Nb, ExplanationLabel.NoRules) => "Ingen regel binder tallet; det følger kriteriene.",
        (Language.Nn, ExplanationLabel.NoRules) => "Ingen regel bind talet; det følgjer kriteria.",
        (Language.Nb, ExplanationLabel.AllRules) => "Alle regler og data for kommunen",
        (Language.Nn, ExplanationLabel.AllRules) => "Alle reglar og data for kommunen",
        (Language.Nb, ExplanationLabel.Em) => "Enslige mindreårige",
        (Language.Nn, ExplanationLabel.Em) => "Einslege mindreårige",
        (_, ExplanationLabel.Value) => "Verdi",
        (_, ExplanationLabel.Year) => "År",
        (Language.Nb, ExplanationLabel.Source) => "Kilde",
        (Language.Nn, ExplanationLabel.Source) => "Kjelde",
        (_, ExplanationLabel.Warnings) => "Merknader om data",
    };

    /// <summary>The label of one part; criterion parts carry the criterion's name, rule parts the rule's text.</summary>
    public static string Part(Language language, PartKind kind, string criterionName, string ruleText) => (language, kind) switch
    {
        (_, PartKind.Criterion) => criterionName,
        (_, PartKind.Rule) => ruleText,
        (Language.Nb, PartKind.Redistribution) => "Omfordeling: andel av det andre kommuners gulv, tak og unntak flytter",
        (Language.Nn, PartKind.Redistribution) => "Omfordeling: del av det andre kommunars golv, tak og unntak flyttar",
        (Language.Nb, PartKind.Rounding) => "Avrunding til hele personer",
        (Language.Nn, PartKind.Rounding) => "Avrunding til heile personar",
        (Language.Nb, PartKind.NotAsked) => "Ikke anmodet",
        (Language.Nn, PartKind.NotAsked) => "Ikkje oppmoda",
        (Language.Nb, PartKind.Continuity) => "Fjorårets mønster (anmodninger og bosatte)",
        (Language.Nn, PartKind.Continuity) => "Mønsteret frå i fjor (oppmodingar og busette)",
        (Language.Nb, PartKind.Revision) => "Revisjon: endring fra gjeldende anmodning",
        (Language.Nn, PartKind.Revision) => "Revisjon: endring frå gjeldande oppmoding",
    };

    /// <summary>A rule with its numbers: persons as whole numbers (1 200), shares in per cent with two decimals (30,12 %).</summary>
    public static string Rule(Language language, RuleNote note)
    {
        var value = note.Value is { } v ? Texts.Number(v) : "";
        var share = note.Value is { } s ? Texts.Number(s, 2) : "";
        var basis = note.Basis is { } b ? Texts.Number(b) : "";
        var basisShare = note.Basis is { } bs ? Texts.Number(bs, 2) : "";
        var detail = note.Detail ?? "";
        var suppressed = detail == Allocator.EmSuppressedDetail;
        return (language, note.Rule) switch
        {
            (Language.Nb, RuleId.Floor) => "Hovedregel: ingen kommune anmodes om færre enn gulvet" + (value.Length > 0 ? $" ({value})" : ""),
            (Language.Nn, RuleId.Floor) => "Hovudregel: ingen kommune blir oppmoda om færre enn golvet" + (value.Length > 0 ? $" ({value})" : ""),
            (Language.Nb, RuleId.FloorException) => $"Unntak: gulv {value} ({detail})",
            (Language.Nn, RuleId.FloorException) => $"Unntak: golv {value} ({detail})",
            (Language.Nb, RuleId.CapacityCap) => "Kapasitet: høyst et multiplum av landssnittet per innbygger" + (value.Length > 0 ? $": tak {value}" : ""),
            (Language.Nn, RuleId.CapacityCap) => "Kapasitet: høgst eit multiplum av landssnittet per innbyggar" + (value.Length > 0 ? $": tak {value}" : ""),
            (Language.Nb, RuleId.ImmigrantShareCap) => $"Innvandrerandel {basisShare} % over terskelen: tak {value}",
            (Language.Nn, RuleId.ImmigrantShareCap) => $"Innvandrardel {basisShare} % over terskelen: tak {value}",
            (Language.Nb, RuleId.ImmigrantShareExcluded) => $"Innvandrerandel {share} % over terskelen: ikke anmodet",
            (Language.Nn, RuleId.ImmigrantShareExcluded) => $"Innvandrardel {share} % over terskelen: ikkje oppmoda",
            (Language.Nb, RuleId.ContinuityFloor) => $"Kontinuitet: minst {value} (i fjor anmodet {basis})",
            (Language.Nn, RuleId.ContinuityFloor) => $"Kontinuitet: minst {value} (i fjor oppmoda {basis})",
            (Language.Nb, RuleId.ContinuityCap) => $"Kontinuitet: høyst {value} (i fjor anmodet {basis})",
            (Language.Nn, RuleId.ContinuityCap) => $"Kontinuitet: høgst {value} (i fjor oppmoda {basis})",
            (Language.Nb, RuleId.ReceptionCentre) => $"Mottakskommune ({value} beboere): alltid vurdert, derfor anmodet",
            (Language.Nn, RuleId.ReceptionCentre) => $"Mottakskommune ({value} bebuarar): alltid vurdert, difor oppmoda",
            (Language.Nb, RuleId.NotSeparateMunicipality) => $"Ikke egen kommune det året ({detail})",
            (Language.Nn, RuleId.NotSeparateMunicipality) => $"Ikkje eigen kommune det året ({detail})",
            (Language.Nb, RuleId.ExceptionExcluded) => $"Unntak: ikke anmodet ({detail})",
            (Language.Nn, RuleId.ExceptionExcluded) => $"Unntak: ikkje oppmoda ({detail})",
            (Language.Nb, RuleId.ExceptionMax) => $"Unntak: høyst {value} ({detail})",
            (Language.Nn, RuleId.ExceptionMax) => $"Unntak: høgst {value} ({detail})",
            (Language.Nb, RuleId.ExceptionAlwaysAsk) => $"Unntak: alltid anmodet ({detail})",
            (Language.Nn, RuleId.ExceptionAlwaysAsk) => $"Unntak: alltid oppmoda ({detail})",
            (Language.Nb, RuleId.CapBelowFloor) => $"Taket ({value}) er lavere enn gulvet",
            (Language.Nn, RuleId.CapBelowFloor) => $"Taket ({value}) er lågare enn golvet",
            (Language.Nb, RuleId.NotAskedSmallTarget) => "Målet er under halve gulvet: ikke anmodet",
            (Language.Nn, RuleId.NotAskedSmallTarget) => "Målet er under halve golvet: ikkje oppmoda",
            (Language.Nb, RuleId.SpreadLandsdel) => note.Value is null
                ? "Spredning: landsdelen må ha kommuner som anmodes"
                : $"Spredning: landsdelen {detail} må ha minst {value} {(note.Value == 1 ? "anmodet kommune" : "anmodede kommuner")}; derfor anmodet, selv om målet alene ikke ville gitt en anmodning",
            (Language.Nn, RuleId.SpreadLandsdel) => note.Value is null
                ? "Spreiing: landsdelen må ha kommunar som blir oppmoda"
                : $"Spreiing: landsdelen {detail} må ha minst {value} {(note.Value == 1 ? "oppmoda kommune" : "oppmoda kommunar")}; difor oppmoda, sjølv om målet åleine ikkje ville gitt ei oppmoding",
            (Language.Nb, RuleId.SpreadSizeClass) => note.Value is null
                ? "Spredning: størrelsesklassen må ha kommuner som anmodes"
                : $"Spredning: størrelsesklassen {SizeClass(language, note)} må ha minst {value} {(note.Value == 1 ? "anmodet kommune" : "anmodede kommuner")}; derfor anmodet, selv om målet alene ikke ville gitt en anmodning",
            (Language.Nn, RuleId.SpreadSizeClass) => note.Value is null
                ? "Spreiing: storleiksklassen må ha kommunar som blir oppmoda"
                : $"Spreiing: storleiksklassen {SizeClass(language, note)} må ha minst {value} {(note.Value == 1 ? "oppmoda kommune" : "oppmoda kommunar")}; difor oppmoda, sjølv om målet åleine ikkje ville gitt ei oppmoding",
            (Language.Nb, RuleId.EmNotEligible) => "Kan ikke ta imot EM etter dataene",
            (Language.Nn, RuleId.EmNotEligible) => "Kan ikkje ta imot EM etter dataa",
            (Language.Nb, RuleId.EmEligibleByHistory) => $"Kan ta imot EM: har bosatt EM de siste årene ({value} kjent{(suppressed ? ", og år med under 5 som IMDi har prikket" : "")})",
            (Language.Nn, RuleId.EmEligibleByHistory) => $"Kan ta imot EM: har busett EM dei siste åra ({value} kjende{(suppressed ? ", og år med under 5 som IMDi har prikka" : "")})",
            (Language.Nb, RuleId.EmEligibleByIndicator) => "Kan ta imot EM etter importert indikator",
            (Language.Nn, RuleId.EmEligibleByIndicator) => "Kan ta imot EM etter importert indikator",
            (Language.Nb, RuleId.EmEligibilityUnknown) => "EM-kapasitet ukjent: alle anmodede kommuner regnes med",
            (Language.Nn, RuleId.EmEligibilityUnknown) => "EM-kapasitet ukjend: alle oppmoda kommunar blir rekna med",
            (Language.Nb, RuleId.AgreedChange) => $"Avtalt i dialogen med KS og fylket: {value} ({detail})",
            (Language.Nn, RuleId.AgreedChange) => $"Avtalt i dialogen med KS og fylket: {value} ({detail})",
        };
    }

    /// <summary>"2 000–4 999 innbyggere", or "50 000 innbyggere eller flere" for the top class.</summary>
    private static string SizeClass(Language language, RuleNote note)
    {
        var from = Texts.Number(note.SizeFrom ?? 0);
        return (language, note.SizeTo) switch
        {
            (Language.Nb, { } to) => $"{from}–{Texts.Number(to)} innbyggere",
            (Language.Nn, { } to) => $"{from}–{Texts.Number(to)} innbyggjarar",
            (Language.Nb, null) => $"{from} innbyggere eller flere",
            (Language.Nn, null) => $"{from} innbyggjarar eller fleire",
        };
    }
}
