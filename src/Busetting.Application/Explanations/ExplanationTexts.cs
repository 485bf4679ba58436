using Busetting.Domain.Allocation;
using Busetting.Domain.Primitives;

namespace Busetting.Application;

/// <summary>
/// Every word of an explanation in Bokmål and Nynorsk, in one place. The switches have no fallback: a label, part kind
/// or rule without both texts does not compile (CS8509 is an error). Numbers are formatted the Norwegian way.
/// </summary>
public static class ExplanationTexts
{
    public static string Label(WrittenStandard language, ExplanationLabel label)
    {
        string T(string nb, string nn) => language == WrittenStandard.Nn ? nn : nb;
        return label switch
        {
            ExplanationLabel.Title => T("Forklaring av anmodningen", "Forklaring av oppmodinga"),
            ExplanationLabel.HowTheNumberArose => T("Slik ble tallet til", "Slik vart talet til"),
            ExplanationLabel.Requested => T("Anmodet", "Oppmoda"),
            ExplanationLabel.Persons => T("personer", "personar"),
            ExplanationLabel.OfWhichEm => T("herav enslige mindreårige (EM)", "av dei einslege mindreårige (EM)"),
            ExplanationLabel.Plan => T("Plantall for året etter", "Plantal for året etter"),
            ExplanationLabel.Population => T("Innbyggere 1. januar", "Innbyggarar 1. januar"),
            ExplanationLabel.Indicators => T("Indikatorer (verdi, år, kilde)", "Indikatorar (verdi, år, kjelde)"),
            ExplanationLabel.Contributions => T("Bidrag fra hvert kriterium", "Bidrag frå kvart kriterium"),
            ExplanationLabel.Criterion => "Kriterium",
            ExplanationLabel.Indicator => "Indikator",
            ExplanationLabel.Weight => "Vekt",
            ExplanationLabel.Share => T("Andel", "Del"),
            ExplanationLabel.Factor => "Faktor",
            ExplanationLabel.IndicatorMissing => T("mangler, nasjonalt snitt brukt", "manglar, nasjonalt snitt brukt"),
            ExplanationLabel.Target => T("Tall etter kriteriene, før reglene", "Tal etter kriteria, før reglane"),
            ExplanationLabel.Parts => T("Delene som summerer til anmodningen", "Delane som summerer til oppmodinga"),
            ExplanationLabel.PartsAddUp => T("Delene under summerer nøyaktig til anmodningen.", "Delane under summerer nøyaktig til oppmodinga."),
            ExplanationLabel.Part => "Del",
            ExplanationLabel.PersonsColumn => T("Personer", "Personar"),
            ExplanationLabel.Sum => "Sum",
            ExplanationLabel.Rules => T("Regler som avgjør tallet", "Reglar som avgjer talet"),
            ExplanationLabel.NoRules => T("Ingen regel binder tallet; det følger målet.", "Ingen regel bind talet; det følgjer målet."),
            ExplanationLabel.AllRules => T("Alle regler og data for kommunen", "Alle reglar og data for kommunen"),
            ExplanationLabel.Em => T("Enslige mindreårige", "Einslege mindreårige"),
            ExplanationLabel.Value => "Verdi",
            ExplanationLabel.Year => "År",
            ExplanationLabel.Source => T("Kilde", "Kjelde"),
            ExplanationLabel.Warnings => "Merknader om data",
        };
    }

    /// <summary>The label of one part; criterion parts carry the criterion's name, rule parts the rule's text.</summary>
    public static string Part(WrittenStandard language, PartKind kind, string criterionName, string ruleText)
    {
        string T(string nb, string nn) => language == WrittenStandard.Nn ? nn : nb;
        return kind switch
        {
            PartKind.Criterion => criterionName,
            PartKind.Rule => ruleText,
            PartKind.Redistribution => T("Justering fordi andre kommuner har gulv, tak eller unntak", "Justering fordi andre kommunar har golv, tak eller unntak"),
            PartKind.Rounding => T("Avrunding til hele personer", "Avrunding til heile personar"),
            PartKind.NotAsked => T("Ikke anmodet", "Ikkje oppmoda"),
            PartKind.Continuity => T("Fjorårets mønster (anmodninger og bosatte)", "Mønsteret frå i fjor (oppmodingar og busette)"),
            PartKind.Revision => ruleText.Length > 0 ? ruleText : T("Revisjon: endring fra gjeldende anmodning", "Revisjon: endring frå gjeldande oppmoding"),
        };
    }

    /// <summary>
    /// The continuity part with what it rests on: the pattern's year, the share of the need that follows it, and the
    /// municipality's own figures that year — "Mønsteret frå 2024 (80 % av behovet følgjer det): oppmoda 140, busette 93".
    /// </summary>
    public static string Continuity(WrittenStandard language, int year, decimal share, int? requested, int? settled)
    {
        string T(string nb, string nn) => language == WrittenStandard.Nn ? nn : nb;
        var figures = new[]
        {
            requested is { } r ? T($"anmodet {Texts.Number(r)}", $"oppmoda {Texts.Number(r)}") : null,
            settled is { } s ? T($"bosatt {Texts.Number(s)}", $"busette {Texts.Number(s)}") : null,
        }.OfType<string>().ToList();
        var percent = Texts.Number(share * 100, share * 100 == decimal.Truncate(share * 100) ? 0 : 1) + " %";
        return T($"Mønsteret fra {year} ({percent} av behovet følger det)", $"Mønsteret frå {year} ({percent} av behovet følgjer det)")
            + (figures.Count == 0 ? "" : ": " + string.Join(", ", figures));
    }

    /// <summary>An indicator's year said in words: "tall fra 2020".</summary>
    public static string DataYear(WrittenStandard language, int year) =>
        language == WrittenStandard.Nn ? $"tal frå {year}" : $"tall fra {year}";

    /// <summary>
    /// The minimum-change rule worded for what it did: the reference stood, or moved from it to the new number as
    /// little as the new need and the rules allowed.
    /// </summary>
    public static string MinimumChange(WrittenStandard language, RuleNote note, int requested)
    {
        string T(string nb, string nn) => language == WrittenStandard.Nn ? nn : nb;
        var decision = note.Detail == RevisionExplanation.DecisionDetail;
        var reference = T(decision ? "kommunestyrets vedtak" : "den tidligere anmodningen", decision ? "vedtaket i kommunestyret" : "den tidlegare oppmodinga");
        var from = note.Value is { } v ? (int)v : requested;
        return from == requested
            ? T($"Revisjon med minst mulig endring: {reference} på {Texts.Number(from)} står", $"Revisjon med minst mogleg endring: {reference} på {Texts.Number(from)} står")
            : T($"Revisjon med minst mulig endring: fra {reference} på {Texts.Number(from)} til {Texts.Number(requested)}, så lite som det nye behovet og reglene tillater",
                $"Revisjon med minst mogleg endring: frå {reference} på {Texts.Number(from)} til {Texts.Number(requested)}, så lite som det nye behovet og reglane tillèt");
    }

    /// <summary>A rule with its numbers: persons as whole numbers (1 200), shares in per cent with two decimals (30,12 %), years as years.</summary>
    public static string Rule(WrittenStandard language, RuleNote note)
    {
        var value = note.Value is { } v ? Texts.Number(v) : "";
        var share = note.Value is { } s ? Texts.Number(s, 2) : "";
        var basis = note.Basis is { } b ? Texts.Number(b) : "";
        var basisShare = note.Basis is { } bs ? Texts.Number(bs, 2) : "";
        var year = note.Value is { } y ? ((int)y).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        var detail = note.Detail ?? "";
        var suppressed = detail == Allocator.EmSuppressedDetail;
        string T(string nb, string nn) => language == WrittenStandard.Nn ? nn : nb;
        return note.Rule switch
        {
            RuleId.Floor => T("Hovedregel: ingen kommune anmodes om færre enn gulvet" + (value.Length > 0 ? $" ({value})" : ""), "Hovudregel: ingen kommune blir oppmoda om færre enn golvet" + (value.Length > 0 ? $" ({value})" : "")),
            RuleId.FloorException => T($"Unntak: gulv {value} ({detail})", $"Unntak: golv {value} ({detail})"),
            RuleId.CapacityCap => T("Kapasitet: høyst et multiplum av landssnittet per innbygger" + (value.Length > 0 ? $": tak {value}" : ""), "Kapasitet: høgst eit multiplum av landssnittet per innbyggar" + (value.Length > 0 ? $": tak {value}" : "")),
            RuleId.ImmigrantShareCap => T($"Innvandrerandel {basisShare} % over terskelen: tak {value}", $"Innvandrardel {basisShare} % over terskelen: tak {value}"),
            RuleId.ImmigrantShareExcluded => T($"Innvandrerandel {share} % over terskelen: ikke anmodet", $"Innvandrardel {share} % over terskelen: ikkje oppmoda"),
            RuleId.ContinuityFloor => T($"Kontinuitet: minst {value} (i fjor anmodet {basis})", $"Kontinuitet: minst {value} (i fjor oppmoda {basis})"),
            RuleId.ContinuityCap => T($"Kontinuitet: høyst {value} (i fjor anmodet {basis})", $"Kontinuitet: høgst {value} (i fjor oppmoda {basis})"),
            RuleId.ReceptionCentre => T($"Mottakskommune ({value} beboere): alltid vurdert, derfor anmodet", $"Mottakskommune ({value} bebuarar): alltid vurdert, difor oppmoda"),
            RuleId.NotSeparateMunicipality => T($"Ikke egen kommune det året ({detail})", $"Ikkje eigen kommune det året ({detail})"),
            RuleId.ExceptionExcluded => T($"Unntak: ikke anmodet ({detail})", $"Unntak: ikkje oppmoda ({detail})"),
            RuleId.ExceptionMax => T($"Unntak: høyst {value} ({detail})", $"Unntak: høgst {value} ({detail})"),
            RuleId.ExceptionAlwaysAsk => T($"Unntak: alltid anmodet ({detail})", $"Unntak: alltid oppmoda ({detail})"),
            RuleId.CapBelowFloor => T($"Taket ({value}) er lavere enn gulvet", $"Taket ({value}) er lågare enn golvet"),
            RuleId.NotAskedSmallTarget => T("Målet er under halve gulvet: ikke anmodet", "Målet er under halve golvet: ikkje oppmoda"),
            RuleId.SpreadLandsdel => note.Value is null
                ? T("Spredning: landsdelen må ha kommuner som anmodes", "Spreiing: landsdelen må ha kommunar som blir oppmoda")
                : T($"Spredning: landsdelen {detail} må ha minst {value} {(note.Value == 1 ? "anmodet kommune" : "anmodede kommuner")}; {SpreadReasonNb}",
                    $"Spreiing: landsdelen {detail} må ha minst {value} {(note.Value == 1 ? "oppmoda kommune" : "oppmoda kommunar")}; {SpreadReasonNn}"),
            RuleId.SpreadSizeClass => note.Value is null
                ? T("Spredning: størrelsesklassen må ha kommuner som anmodes", "Spreiing: storleiksklassen må ha kommunar som blir oppmoda")
                : T($"Spredning: størrelsesklassen {SizeClass(language, note)} må ha minst {value} {(note.Value == 1 ? "anmodet kommune" : "anmodede kommuner")}; {SpreadReasonNb}",
                    $"Spreiing: storleiksklassen {SizeClass(language, note)} må ha minst {value} {(note.Value == 1 ? "oppmoda kommune" : "oppmoda kommunar")}; {SpreadReasonNn}"),
            RuleId.EmNotEligible => T("Kan ikke ta imot EM etter dataene", "Kan ikkje ta imot EM etter dataa"),
            RuleId.EmEligibleByHistory => T($"Kan ta imot EM: har bosatt EM de siste årene ({value} kjent{(suppressed ? ", og år med under 5 som IMDi har prikket" : "")})", $"Kan ta imot EM: har busett EM dei siste åra ({value} kjende{(suppressed ? ", og år med under 5 som IMDi har prikka" : "")})"),
            RuleId.EmEligibleByIndicator => T("Kan ta imot EM etter importert indikator", "Kan ta imot EM etter importert indikator"),
            RuleId.EmEligibilityUnknown => T("EM-kapasitet ukjent: alle anmodede kommuner regnes med", "EM-kapasitet ukjend: alle oppmoda kommunar blir rekna med"),
            // The detail names who agreed (AgreementParty), never the public justification: that is free text, shown on
            // its own in the reader's written standard.
            RuleId.AgreedChange => T($"Avtalt etter dialog med {AgreementParty.Name(note.Detail)}: {value}", $"Avtalt etter dialog med {AgreementParty.Name(note.Detail)}: {value}"),
            RuleId.DecisionCapacity => T(
                $"Kapasitet etter vedtak: høyst {value} (kommunestyret vedtok {basis} i fjor, justert for endringen i behovet)",
                $"Kapasitet etter vedtak: høgst {value} (kommunestyret vedtok {basis} i fjor, justert for endringa i behovet)"),
            RuleId.ImmigrantShareConsidered => T(
                $"Innvandrerandel {basisShare} %, over terskelen: tatt hensyn til (kriteriedelen × {Texts.Number(note.Value ?? 1, 2)}), aldri utelatt; kommunen oppfordres til å unngå bosetting i områder med mange innvandrere og levekårsutfordringer",
                $"Innvandrardel {basisShare} %, over terskelen: teken omsyn til (kriteriedelen × {Texts.Number(note.Value ?? 1, 2)}), aldri utelaten; kommunen blir oppmoda til å unngå busetjing i område med mange innvandrarar og levekårsutfordringar"),
            RuleId.EmEligibleByGrant => T(
                $"Kan ta imot EM: fikk tilskudd til bosetting av enslige mindreårige i {year} ({basis} kr)",
                $"Kan ta imot EM: fekk tilskot til busetjing av einslege mindreårige i {year} ({basis} kr)"),
            RuleId.AgreedChangeScaled => T($"Avtalt etter dialog med {AgreementParty.Name(note.Detail)}, skalert med det nye behovet: {value}",
                $"Avtalt etter dialog med {AgreementParty.Name(note.Detail)}, skalert med det nye behovet: {value}"),
            RuleId.MinimumChangeRevision => T(
                $"Revisjon med minst mulig endring: så nær som reglene tillater {(detail == RevisionExplanation.DecisionDetail ? "kommunestyrets vedtak" : "den tidligere anmodningen")} på {value}",
                $"Revisjon med minst mogleg endring: så nær som reglane tillèt {(detail == RevisionExplanation.DecisionDetail ? "vedtaket i kommunestyret" : "den tidlegare oppmodinga")} på {value}"),
            RuleId.AboveCouncilDecision => T($"Over kommunestyrets vedtak på {value}: IMDi må ta dette opp med kommunen",
                $"Over vedtaket i kommunestyret på {value}: IMDi må ta dette opp med kommunen"),
            RuleId.EmBelowMinimum => T(
                $"Kan ta imot EM, men EM-målet er for lite til en levedyktig enhet (minst {value}): ingen EM anmodet",
                $"Kan ta imot EM, men EM-målet er for lite til ei levedyktig eining (minst {value}): ingen EM oppmoda"),
        };
    }

    /// <summary>A rule's short name for a table column (the full sentence with its numbers is <see cref="Rule"/>).</summary>
    public static string RuleName(WrittenStandard language, RuleId rule)
    {
        string T(string nb, string nn) => language == WrittenStandard.Nn ? nn : nb;
        return rule switch
        {
            RuleId.Floor => T("gulv", "golv"),
            RuleId.FloorException => T("gulv (unntak)", "golv (unntak)"),
            RuleId.CapacityCap => T("kapasitetstak", "kapasitetstak"),
            RuleId.ImmigrantShareCap => T("tak for innvandrerandel", "tak for innvandrardel"),
            RuleId.ImmigrantShareExcluded => T("innvandrerandel: ikke anmodet", "innvandrardel: ikkje oppmoda"),
            RuleId.ImmigrantShareConsidered => T("innvandrerandel tatt hensyn til", "innvandrardel teken omsyn til"),
            RuleId.ContinuityFloor => T("kontinuitet (minst)", "kontinuitet (minst)"),
            RuleId.ContinuityCap => T("kontinuitet (høyst)", "kontinuitet (høgst)"),
            RuleId.ReceptionCentre => T("mottakskommune", "mottakskommune"),
            RuleId.NotSeparateMunicipality => T("ikke egen kommune", "ikkje eigen kommune"),
            RuleId.ExceptionExcluded => T("unntak: ikke anmodet", "unntak: ikkje oppmoda"),
            RuleId.ExceptionMax => T("unntak: tak", "unntak: tak"),
            RuleId.ExceptionAlwaysAsk => T("unntak: alltid anmodet", "unntak: alltid oppmoda"),
            RuleId.CapBelowFloor => T("tak under gulv", "tak under golv"),
            RuleId.NotAskedSmallTarget => T("lite mål: ikke anmodet", "lite mål: ikkje oppmoda"),
            RuleId.SpreadLandsdel => T("spredning (landsdel)", "spreiing (landsdel)"),
            RuleId.SpreadSizeClass => T("spredning (størrelse)", "spreiing (storleik)"),
            RuleId.EmNotEligible => T("ikke EM", "ikkje EM"),
            RuleId.EmEligibleByHistory => T("EM etter historikk", "EM etter historikk"),
            RuleId.EmEligibleByIndicator => T("EM etter indikator", "EM etter indikator"),
            RuleId.EmEligibleByGrant => T("EM etter tilskudd", "EM etter tilskot"),
            RuleId.EmEligibilityUnknown => T("EM ukjent", "EM ukjend"),
            RuleId.EmBelowMinimum => T("EM under minste enhet", "EM under minste eining"),
            RuleId.AgreedChange => T("avtalt", "avtalt"),
            RuleId.AgreedChangeScaled => T("avtalt, skalert", "avtalt, skalert"),
            RuleId.DecisionCapacity => T("kapasitet etter vedtak", "kapasitet etter vedtak"),
            RuleId.MinimumChangeRevision => T("minst mulig endring", "minst mogleg endring"),
            RuleId.AboveCouncilDecision => T("over vedtaket", "over vedtaket"),
        };
    }

    /// <summary>
    /// An indicator's name. NAV's unemployment share is a proxy — it stands in for "job opportunities" and, while they
    /// have no data, for introduction-programme results and upper-secondary capacity — and is labelled so wherever shown.
    /// </summary>
    public static string Indicator(WrittenStandard language, string id)
    {
        string T(string nb, string nn) => language == WrittenStandard.Nn ? nn : nb;
        return id switch
        {
            IndicatorIds.Unemployment => T("Helt ledige i % av arbeidsstyrken (NAV; stedfortreder for muligheter for arbeid)",
                "Heilt ledige i % av arbeidsstyrken (NAV; stadfortredar for moglegheiter for arbeid)"),
            IndicatorIds.ImmigrantShare => T("Innvandrere og norskfødte med innvandrerforeldre, % av innbyggerne (SSB)",
                "Innvandrarar og norskfødde med innvandrarforeldre, % av innbyggjarane (SSB)"),
            IndicatorIds.Centrality => T("Sentralitetsindeks (SSB)", "Sentralitetsindeks (SSB)"),
            IndicatorIds.IntroductionResults => T("Resultat i introduksjonsprogrammet: % i arbeid eller utdanning etter ett år",
                "Resultat i introduksjonsprogrammet: % i arbeid eller utdanning etter eitt år"),
            IndicatorIds.UpperSecondaryCapacity => T("Kapasitet i videregående opplæring i regionen", "Kapasitet i vidaregåande opplæring i regionen"),
            IndicatorIds.DisabilityCapacity => T("Kapasitet for flyktninger med store funksjonsnedsettelser", "Kapasitet for flyktningar med store funksjonsnedsettingar"),
            IndicatorIds.LivingConditions => T("Levekårsutfordringer", "Levekårsutfordringar"),
            IndicatorIds.EmCapable => T("Kan ta imot enslige mindreårige", "Kan ta imot einslege mindreårige"),
            IndicatorIds.ReceptionCentreResidents => T("Beboere i asylmottak (UDI)", "Bebuarar i asylmottak (UDI)"),
            IndicatorIds.Population => T("Folketall", "Folketal"),
            _ => id,
        };
    }

    private const string SpreadReasonNb = "derfor anmodet, selv om målet alene ikke ville gitt en anmodning";
    private const string SpreadReasonNn = "difor oppmoda, sjølv om målet åleine ikkje ville gitt ei oppmoding";

    /// <summary>"2 000–4 999 innbyggere", or "50 000 innbyggere eller flere" for the top class.</summary>
    internal static string SizeClass(WrittenStandard language, RuleNote note)
    {
        var from = Texts.Number(note.SizeFrom ?? 0);
        var nn = language == WrittenStandard.Nn;
        return note.SizeTo is { } to
            ? $"{from}–{Texts.Number(to)} {(nn ? "innbyggjarar" : "innbyggere")}"
            : nn ? $"{from} innbyggjarar eller fleire" : $"{from} innbyggere eller flere";
    }
}
