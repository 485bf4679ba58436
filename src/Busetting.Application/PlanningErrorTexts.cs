using System.Globalization;
using Busetting.Domain.Errors;
using Busetting.Domain.Planning;
using Busetting.Domain.Primitives;

namespace Busetting.Application;

/// <summary>
/// What the planning rules' errors (<c>Busetting.Domain.Planning</c>) say, in Bokmål or Nynorsk, from the facts in
/// <see cref="Error.Values"/>. A rule's error is recognised by its code and the value only that rule sets, so the web's
/// own errors with the same code keep their message. Numbers and dates are written as the web always wrote them here
/// (no thousands separator; dd.MM.yyyy).
/// </summary>
public static class PlanningErrorTexts
{
    /// <summary>The text of a planning rule's error, or null when the error is not one.</summary>
    public static string? For(Error error, WrittenStandard language)
    {
        string T(string nb, string nn) => language == WrittenStandard.Nn ? nn : nb;
        bool Has(string key) => error.Values.ContainsKey(key);
        string V(string key) => error.Values.TryGetValue(key, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) ?? "" : "";
        string D(string key) => error.Values.TryGetValue(key, out var v) && v is DateOnly d ? d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : "–";
        string S(string key) => error.Values.TryGetValue(key, out var v) && v is YearStatus s ? Status(language, s) : "";
        string Kind(WrittenStandard form) => error.Values.TryGetValue("kind", out var v) && v is LetterKind k ? LetterKind(form, k) : "";
        string Step() => error.Values.TryGetValue("to", out var v) && v is YearStatus.Published ? "publisering" : "godkjenning";
        return error.Code switch
        {
            "year.status" when Has("from") => T($"et år med status «{S("from")}» kan ikke gå til «{S("to")}»", $"eit år med status «{S("from")}» kan ikkje gå til «{S("to")}»"),
            "year.status" when Has("runs") && V("revision") == "True" => T("kjør en revisjonsfordeling før revisjonen sendes på høring; den publiserte fordelingen er ikke en revisjon", "køyr ei revisjonsfordeling før revisjonen blir sendt på høyring; den publiserte fordelinga er ikkje ein revisjon"),
            "year.status" when Has("runs") => T("kjør en fordeling før året sendes på høring", "køyr ei fordeling før året blir sendt på høyring"),
            "year.consultationDeadline" when Has("required") => T("Høringsfrist: sett den siste dagen fylkene og KS kan sende forslag", "Høyringsfrist: set den siste dagen fylka og KS kan sende forslag"),
            "year.consultationDeadline" when Has("today") => T($"Høringsfrist: {D("deadline")} ligger i fortiden; velg {D("today")} eller senere", $"Høyringsfrist: {D("deadline")} ligg i fortida; vel {D("today")} eller seinare"),
            "decision.closed" when error.Values.TryGetValue("locked", out var locked) => locked is true
                ? T($"IMDi har låst {V("year")}; vedtak kan ikke lenger endres", $"IMDi har låst {V("year")}; vedtak kan ikkje lenger endrast")
                : T($"anmodningene for {V("year")} er ikke publisert ennå", $"oppmodingane for {V("year")} er ikkje publiserte enno"),
            "proposal.status" when Has("status") => T($"forslag tas imot mens {V("year")} er på høring; året er {S("status")}", $"forslag blir tekne imot medan {V("year")} er på høyring; året er {S("status")}"),
            "proposal.deadline" when Has("deadline") => T($"høringsfristen var {D("deadline")}; forslag tas ikke imot etter fristen med mindre IMDi åpner høringen igjen",
                $"høyringsfristen var {D("deadline")}; forslag blir ikkje tekne imot etter fristen med mindre IMDi opnar høyringa igjen"),
            "step.to" when Has("to") => T("bare godkjenning og publisering trenger en annen person", "berre godkjenning og publisering treng ein annan person"),
            "year.four-eyes" when Has("to") => T($"{S("to")} krever en annen person i IMDi: be om godkjenning, så bekrefter en annen", $"{S("to")} krev ein annan person i IMDi: be om godkjenning, så stadfestar ein annan"),
            "forbidden" when Has("to") => T($"du ba selv om {Step()}; en annen person i IMDi må bekrefte", $"du bad sjølv om {Step()}; ein annan person i IMDi må stadfeste"),
            "step.version" when Has("closedBy") => T($"forespørselen er allerede behandlet ({V("closedBy")}); last siden på nytt", $"førespurnaden er alt handsama ({V("closedBy")}); last sida på nytt"),
            "step.stale" when Has("requestedBy") => T($"planåret er endret etter at {V("requestedBy")} ba om {Step()}; be om det på nytt", $"planåret er endra etter at {V("requestedBy")} bad om {Step()}; be om det på nytt"),
            "persons" when Has("max") => T($"antall personer må være mellom 0 og 100 000, fikk {V("persons")}", $"talet på personar må vere mellom 0 og 100 000, fekk {V("persons")}"),
            "em" when Has("decision") => T($"EM er en del av personene: mellom 0 og {V("persons")}, fikk {V("em")}", $"EM er ein del av personane: mellom 0 og {V("persons")}, fekk {V("em")}"),
            "additionalCapacity" when Has("max") => T($"ekstra kapasitet må være mellom 0 og 100 000, fikk {V("additionalCapacity")}", $"ekstra kapasitet må vere mellom 0 og 100 000, fekk {V("additionalCapacity")}"),
            "decisionDate" when Has("earliestYear") => T($"vedtaksdatoen {D("date")} må være mellom 01.01.{V("earliestYear")} og i dag", $"vedtaksdatoen {D("date")} må vere mellom 01.01.{V("earliestYear")} og i dag"),
            "proposal.lines" when Has("lines") => T("endre tallet for minst én kommune", "endre talet for minst éin kommune"),
            "proposal.lines" when Has("kommunenummer") => T($"{V("kommunenummer")} står to ganger i forslaget", $"{V("kommunenummer")} står to gonger i forslaget"),
            "proposal.persons" when Has("need") => T($"{V("name")}: foreslått antall må være mellom 0 og behovet på {V("need")}, fikk {V("persons")}", $"{V("name")}: foreslått tal må vere mellom 0 og behovet på {V("need")}, fekk {V("persons")}"),
            "proposal.persons" when Has("unchanged") => T($"{V("name")}: forslaget er det samme som i fordelingen ({V("unchanged")})", $"{V("name")}: forslaget er det same som i fordelinga ({V("unchanged")})"),
            "proposal.em" when Has("max") => T($"{V("name")}: EM er en del av personene og må være mellom 0 og {V("max")}, fikk {V("em")}", $"{V("name")}: EM er ein del av personane og må vere mellom 0 og {V("max")}, fekk {V("em")}"),
            "proposal.reason" when Has("required") => T("oppgi en begrunnelse for forslaget", "oppgje ei grunngjeving for forslaget"),
            "letters.deadline" when Has("required") => T("Ny vedtaksfrist: må fylles ut for justerte brev (datoen kommunene skal ha gjort nytt vedtak innen)",
                "Ny vedtaksfrist: må fyllast ut for justerte brev (datoen kommunane skal ha gjort nytt vedtak innan)"),
            "letters.deadline" when Has("today") => T($"Ny vedtaksfrist: {D("deadline")} ligger i fortiden; velg {D("today")} eller senere", $"Ny vedtaksfrist: {D("deadline")} ligg i fortida; vel {D("today")} eller seinare"),
            "letters.year-deadline" when Has("required") => T("Vedtaksfrist mangler: sett fristen for kommunestyrenes vedtak på planårssiden før anmodningsbrevene lages",
                "Vedtaksfrist manglar: set fristen for vedtaka i kommunestyra på planårssida før oppmodingsbreva blir laga"),
            "letters.year-deadline" when Has("letterDate") => T($"Vedtaksfristen {D("deadline")} ligger før brevdatoen {D("letterDate")}; sett en senere frist på planårssiden",
                $"Vedtaksfristen {D("deadline")} ligg før brevdatoen {D("letterDate")}; set ein seinare frist på planårssida"),
            "letters.none" when Has("kind") => T($"det finnes ingen brev av typen «{Kind(WrittenStandard.Nb)}» for {V("year")}; lag dem først",
                $"det finst ingen brev av typen «{Kind(WrittenStandard.Nn)}» for {V("year")}; lag dei først"),
            "letters.unpublished" when Has("status") => T($"brev av typen «{Kind(WrittenStandard.Nb)}» sendes etter publiseringen; {V("year")} er {Lower(WrittenStandard.Nb, error.Values["status"])}. Publiser først.",
                $"brev av typen «{Kind(WrittenStandard.Nn)}» blir sende etter publiseringa; {V("year")} er {Lower(WrittenStandard.Nn, error.Values["status"])}. Publiser først."),
            "letters.year" when Has("status") => T($"{V("year")} er ikke godkjent (status: {Lower(WrittenStandard.Nb, error.Values["status"])}): brev lages bare for godkjente år",
                $"{V("year")} er ikkje godkjend (status: {Lower(WrittenStandard.Nn, error.Values["status"])}): brev blir berre laga for godkjende år"),
            "letters.reason" when Has("required") => T("justerte brev og utsettelser må ha en begrunnelse (hvorfor behovet endret seg, eller hvorfor justeringen holdes tilbake)",
                "justerte brev og utsetjingar må ha ei grunngjeving (kvifor behovet endra seg, eller kvifor justeringa blir halden tilbake)"),
            "letters.reason" when Has("max") => T($"begrunnelsen på bokmål kan ha høyst {V("max")} tegn", $"grunngjevinga på bokmål kan ha høgst {V("max")} teikn"),
            "letters.reason-nn" when Has("required") => T("justerte brev og utsettelser må ha begrunnelsen på nynorsk også (brevene til kommuner som skriver nynorsk, viser den)",
                "justerte brev og utsetjingar må ha grunngjevinga på nynorsk òg (breva til kommunar som skriv nynorsk, viser henne)"),
            "letters.reason-nn" when Has("max") => T($"begrunnelsen på nynorsk kan ha høyst {V("max")} tegn", $"grunngjevinga på nynorsk kan ha høgst {V("max")} teikn"),
            "letters.revision" when Has("year") => T($"{V("year")} er ikke revidert: justerte brev lages etter en revisjon (ny fordeling godkjent)",
                $"{V("year")} er ikkje revidert: justerte brev blir laga etter ein revisjon (ny fordeling godkjend)"),
            "letters.none-sent" when Has("year") => T($"ingen kommune har fått anmodningsbrev for {V("year")} ennå; lag dem først", $"ingen kommune har fått oppmodingsbrev for {V("year")} enno; lag dei først"),
            _ => null,
        };
    }

    /// <summary>A planning rule's error with its message in the given written standard (unchanged when it is not one).</summary>
    public static Error Say(Error error, WrittenStandard language) =>
        For(error, language) is { } text ? error with { Message = text } : error;

    /// <summary>A year's status as a label: «På høring».</summary>
    public static string Status(WrittenStandard language, YearStatus status) => (language, status) switch
    {
        (_, YearStatus.Draft) => "Utkast",
        (WrittenStandard.Nb, YearStatus.Consultation) => "På høring",
        (WrittenStandard.Nn, YearStatus.Consultation) => "På høyring",
        (WrittenStandard.Nb, YearStatus.Approved) => "Godkjent",
        (WrittenStandard.Nn, YearStatus.Approved) => "Godkjend",
        (_, YearStatus.Published) => "Publisert",
        (WrittenStandard.Nb, YearStatus.Revised) => "Revidert",
        (WrittenStandard.Nn, YearStatus.Revised) => "Revidert",
    };

    /// <summary>A letter kind as a word: «Anmodning», «Justert oppmoding».</summary>
    public static string LetterKind(WrittenStandard language, LetterKind kind) => (language, kind) switch
    {
        (WrittenStandard.Nb, Domain.Planning.LetterKind.Request) => "Anmodning",
        (WrittenStandard.Nn, Domain.Planning.LetterKind.Request) => "Oppmoding",
        (WrittenStandard.Nb, Domain.Planning.LetterKind.Adjusted) => "Justert anmodning",
        (WrittenStandard.Nn, Domain.Planning.LetterKind.Adjusted) => "Justert oppmoding",
        (WrittenStandard.Nb, _) => "Utsettelse",
        (WrittenStandard.Nn, _) => "Utsetjing",
    };

    /// <summary>A year's status inside a sentence: «på høring» (its label with a small first letter).</summary>
    private static string Lower(WrittenStandard language, object status) =>
        status is YearStatus s && Status(language, s) is var label ? string.Concat(label[..1].ToLowerInvariant(), label[1..]) : "";
}
