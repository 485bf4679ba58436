using System.Globalization;
using Busetting.Domain.Allocation;

namespace Busetting.Application;

/// <summary>The two written standards of Norwegian.</summary>
public enum Language
{
    Nb,
    Nn,
}

/// <summary>Explanation texts in Bokmål and Nynorsk. Numbers are written the Norwegian way (1 234,5).</summary>
public static class Texts
{
    public static readonly CultureInfo Norwegian = CreateNorwegian();

    public static string Number(decimal value, int decimals = 0) => value.ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), Norwegian);

    public static string Number(double value, int decimals = 0) => Number((decimal)value, decimals);

    public static string Number(long value) => Number((decimal)value);

    public static string Number(int value) => Number((decimal)value);

    public static string Label(Language language, string key) => (language, key) switch
    {
        (Language.Nb, "title") => "Forklaring av anmodningen",
        (Language.Nn, "title") => "Forklaring av oppmodinga",
        (Language.Nb, "requested") => "Anmodet",
        (Language.Nn, "requested") => "Oppmoda",
        (Language.Nb, "persons") => "personer",
        (Language.Nn, "persons") => "personar",
        (Language.Nb, "of-which-em") => "herav enslige mindreårige (EM)",
        (Language.Nn, "of-which-em") => "av dei einslege mindreårige (EM)",
        (Language.Nb, "plan") => "Plantall for året etter",
        (Language.Nn, "plan") => "Plantal for året etter",
        (Language.Nb, "population") => "Innbyggere 1. januar",
        (Language.Nn, "population") => "Innbyggarar 1. januar",
        (Language.Nb, "indicators") => "Indikatorer (verdi, år, kilde)",
        (Language.Nn, "indicators") => "Indikatorar (verdi, år, kjelde)",
        (Language.Nb, "contributions") => "Bidrag fra hvert kriterium",
        (Language.Nn, "contributions") => "Bidrag frå kvart kriterium",
        (Language.Nb, "parts") => "Slik blir tallet til (delene summerer til anmodningen)",
        (Language.Nn, "parts") => "Slik blir talet til (delane summerer til oppmodinga)",
        (Language.Nb, "rules") => "Regler som avgjør tallet",
        (Language.Nn, "rules") => "Reglar som avgjer talet",
        (Language.Nb, "no-rules") => "Ingen regel binder tallet; det følger kriteriene.",
        (Language.Nn, "no-rules") => "Ingen regel bind talet; det følgjer kriteria.",
        (Language.Nb, "weight") => "vekt",
        (Language.Nn, "weight") => "vekt",
        (Language.Nb, "share") => "andel",
        (Language.Nn, "share") => "del",
        (Language.Nb, "factor") => "faktor",
        (Language.Nn, "factor") => "faktor",
        (Language.Nb, "missing") => "mangler, nasjonalt snitt brukt",
        (Language.Nn, "missing") => "manglar, nasjonalt snitt brukt",
        (Language.Nb, "target") => "Mål etter kriteriene",
        (Language.Nn, "target") => "Mål etter kriteria",
        (Language.Nb, "sum") => "Sum",
        (Language.Nn, "sum") => "Sum",
        (Language.Nb, "redistribution") => "Omfordeling: andel av det andre kommuners gulv, tak og unntak flytter",
        (Language.Nn, "redistribution") => "Omfordeling: del av det andre kommunars golv, tak og unntak flyttar",
        (Language.Nb, "rounding") => "Avrunding til hele personer",
        (Language.Nn, "rounding") => "Avrunding til heile personar",
        (Language.Nb, "not-asked") => "Ikke anmodet",
        (Language.Nn, "not-asked") => "Ikkje oppmoda",
        (Language.Nb, "em") => "Enslige mindreårige",
        (Language.Nn, "em") => "Einslege mindreårige",
        (Language.Nb, "continuity") => "Fjorårets mønster (anmodninger og bosatte)",
        (Language.Nn, "continuity") => "Mønsteret frå i fjor (oppmodingar og busette)",
        (Language.Nb, "warnings") => "Merknader om data",
        (Language.Nn, "warnings") => "Merknader om data",
        _ => key,
    };

    public static string Rule(Language language, RuleNote note)
    {
        var value = note.Value is { } v ? Number(v) : "";
        var detail = note.Detail ?? "";
        return (language, note.Rule) switch
        {
            (Language.Nb, RuleId.Floor) => "Hovedregel: ingen kommune anmodes om færre enn gulvet",
            (Language.Nn, RuleId.Floor) => "Hovudregel: ingen kommune blir oppmoda om færre enn golvet",
            (Language.Nb, RuleId.FloorException) => $"Unntak: gulv {value} ({detail})",
            (Language.Nn, RuleId.FloorException) => $"Unntak: golv {value} ({detail})",
            (Language.Nb, RuleId.CapacityCap) => "Kapasitet: høyst et multiplum av landssnittet per innbygger",
            (Language.Nn, RuleId.CapacityCap) => "Kapasitet: høgst eit multiplum av landssnittet per innbyggar",
            (Language.Nb, RuleId.ImmigrantShareCap) => $"Innvandrerandel {detail} % over terskelen: tak {value}",
            (Language.Nn, RuleId.ImmigrantShareCap) => $"Innvandrardel {detail} % over terskelen: tak {value}",
            (Language.Nb, RuleId.ImmigrantShareExcluded) => $"Innvandrerandel {value} % over terskelen: ikke anmodet",
            (Language.Nn, RuleId.ImmigrantShareExcluded) => $"Innvandrardel {value} % over terskelen: ikkje oppmoda",
            (Language.Nb, RuleId.ContinuityFloor) => $"Kontinuitet: minst {value} (i fjor anmodet {detail})",
            (Language.Nn, RuleId.ContinuityFloor) => $"Kontinuitet: minst {value} (i fjor oppmoda {detail})",
            (Language.Nb, RuleId.ContinuityCap) => $"Kontinuitet: høyst {value} (i fjor anmodet {detail})",
            (Language.Nn, RuleId.ContinuityCap) => $"Kontinuitet: høgst {value} (i fjor oppmoda {detail})",
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
            (Language.Nb, RuleId.SpreadLandsdel) => "Spredning: landsdelen må ha kommuner som anmodes",
            (Language.Nn, RuleId.SpreadLandsdel) => "Spreiing: landsdelen må ha kommunar som blir oppmoda",
            (Language.Nb, RuleId.SpreadSizeClass) => "Spredning: størrelsesklassen må ha kommuner som anmodes",
            (Language.Nn, RuleId.SpreadSizeClass) => "Spreiing: storleiksklassen må ha kommunar som blir oppmoda",
            (Language.Nb, RuleId.EmNotEligible) => "Kan ikke ta imot EM etter dataene",
            (Language.Nn, RuleId.EmNotEligible) => "Kan ikkje ta imot EM etter dataa",
            (Language.Nb, RuleId.EmEligibleByHistory) => $"Kan ta imot EM: har bosatt EM de siste årene ({value} kjent{(detail == Allocator.EmSuppressedDetail ? ", og år med under 5 som IMDi har prikket" : "")})",
            (Language.Nn, RuleId.EmEligibleByHistory) => $"Kan ta imot EM: har busett EM dei siste åra ({value} kjende{(detail == Allocator.EmSuppressedDetail ? ", og år med under 5 som IMDi har prikka" : "")})",
            (Language.Nb, RuleId.EmEligibleByIndicator) => "Kan ta imot EM etter importert indikator",
            (Language.Nn, RuleId.EmEligibleByIndicator) => "Kan ta imot EM etter importert indikator",
            (Language.Nb, RuleId.EmEligibilityUnknown) => "EM-kapasitet ukjent: alle anmodede kommuner regnes med",
            (Language.Nn, RuleId.EmEligibilityUnknown) => "EM-kapasitet ukjend: alle oppmoda kommunar blir rekna med",
            (Language.Nb, RuleId.AgreedChange) => $"Avtalt i dialogen med KS og fylket: {value} ({detail})",
            (Language.Nn, RuleId.AgreedChange) => $"Avtalt i dialogen med KS og fylket: {value} ({detail})",
            (Language.Nb, RuleId.DecisionCapacity) => $"Kapasitet etter vedtak: høyst {value} (kommunestyret vedtok {DetailNumber(detail)} i fjor, justert for endringen i behovet)",
            (Language.Nn, RuleId.DecisionCapacity) => $"Kapasitet etter vedtak: høgst {value} (kommunestyret vedtok {DetailNumber(detail)} i fjor, justert for endringa i behovet)",
            (Language.Nb, RuleId.ImmigrantShareConsidered) => $"Innvandrerandel {DetailNumber(detail, 2)} %, over terskelen: tatt hensyn til (kriteriedelen × {Number(note.Value ?? 1, 2)}), aldri utelatt; kommunen oppfordres til å unngå bosetting i områder med mange innvandrere og levekårsutfordringer",
            (Language.Nn, RuleId.ImmigrantShareConsidered) => $"Innvandrardel {DetailNumber(detail, 2)} %, over terskelen: teken omsyn til (kriteriedelen × {Number(note.Value ?? 1, 2)}), aldri utelaten; kommunen blir oppmoda til å unngå busetjing i område med mange innvandrarar og levekårsutfordringar",
            (Language.Nb, RuleId.EmEligibleByGrant) => $"Kan ta imot EM: fikk tilskudd til bosetting av enslige mindreårige i {note.Value:0} ({DetailNumber(detail)} kr)",
            (Language.Nn, RuleId.EmEligibleByGrant) => $"Kan ta imot EM: fekk tilskot til busetjing av einslege mindreårige i {note.Value:0} ({DetailNumber(detail)} kr)",
            (Language.Nb, RuleId.EmBelowMinimum) => $"Kan ta imot EM, men EM-målet er for lite til en levedyktig enhet (minst {value}): ingen EM anmodet",
            (Language.Nn, RuleId.EmBelowMinimum) => $"Kan ta imot EM, men EM-målet er for lite til ei levedyktig eining (minst {value}): ingen EM oppmoda",
            (Language.Nb, RuleId.AgreedChangeScaled) => $"Avtalt i dialogen med KS og fylket, skalert med det nye behovet: {value} ({detail})",
            (Language.Nn, RuleId.AgreedChangeScaled) => $"Avtalt i dialogen med KS og fylket, skalert med det nye behovet: {value} ({detail})",
            (Language.Nb, RuleId.MinimumChangeRevision) => $"Revisjon med minst mulig endring: så nær som reglene tillater {(detail == RevisionExplanation.DecisionDetail ? "kommunestyrets vedtak" : "den tidligere anmodningen")} på {value}",
            (Language.Nn, RuleId.MinimumChangeRevision) => $"Revisjon med minst mogleg endring: så nær som reglane tillèt {(detail == RevisionExplanation.DecisionDetail ? "vedtaket i kommunestyret" : "den tidlegare oppmodinga")} på {value}",
            (Language.Nb, RuleId.AboveCouncilDecision) => $"Over kommunestyrets vedtak på {value}: IMDi må ta dette opp med kommunen",
            (Language.Nn, RuleId.AboveCouncilDecision) => $"Over vedtaket i kommunestyret på {value}: IMDi må ta dette opp med kommunen",
        };
    }

    /// <summary>A number stored as invariant text in a rule's detail, written the Norwegian way (text that is no number stays as it is).</summary>
    public static string DetailNumber(string detail, int decimals = 0) =>
        decimal.TryParse(detail, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? Number(number, decimals) : detail;

    private static CultureInfo CreateNorwegian()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberGroupSeparator = "\u00A0";
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NegativeSign = "−";
        return CultureInfo.ReadOnly(culture);
    }
}
