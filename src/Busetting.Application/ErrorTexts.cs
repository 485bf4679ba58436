using System.Globalization;
using Busetting.Domain.Errors;
using Busetting.Domain.Primitives;

namespace Busetting.Application;

/// <summary>
/// What an error says to a person, in Bokmål or Nynorsk. The domain and data layers write their messages in English for
/// the command line and logs; those codes are said here in Norwegian (with the numbers from <see cref="Error.Values"/>),
/// and the English original is kept as the technical detail. Errors made by the web services are Norwegian already.
/// </summary>
public static class ErrorTexts
{
    /// <summary>The user's text, and the original message when it is technical (shown behind "Teknisk"), else null.</summary>
    public static (string Text, string? Technical) For(Error error, WrittenStandard language)
    {
        string T(string nb, string nn) => language == WrittenStandard.Nn ? nn : nb;
        string N(string key) => error.Values.TryGetValue(key, out var v) ? v switch
        {
            int i => Texts.Number(i),
            decimal d => Texts.Number(d, 2),
            _ => v.ToString() ?? "",
        } : "";
        // Years, municipality numbers, paths and option texts as typed (no thousands space in 2025).
        string S(string key) => error.Values.TryGetValue(key, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) ?? "" : "";
        string Percent(string key) => error.Values.TryGetValue(key, out var v) && v is decimal d ? Texts.Number(d * 100, 1) + " %" : "";
        var technical = error.Details.Count == 0 ? error.ToString() : error + " — " + string.Join("; ", error.Details);
        return error.Code switch
        {
            "need.persons" => (T($"Behovet må være et helt antall personer større enn null (fikk {N("persons")}).", $"Behovet må vere eit heilt tal personar større enn null (fekk {N("persons")})."), null),
            "need.em" when error.Values.ContainsKey("persons") => (T($"EM ({N("em")}) er en del av behovet og kan ikke være større enn det ({N("persons")}).", $"EM ({N("em")}) er ein del av behovet og kan ikkje vere større enn det ({N("persons")})."), null),
            "need.em" => (T($"EM må være null eller mer (fikk {N("em")}).", $"EM må vere null eller meir (fekk {N("em")})."), null),
            "need.forecast" => (T("Prognosetallene henger ikke sammen; se hvilket tall som er feil under.", "Prognosetala heng ikkje saman; sjå kva tal som er feil under."), technical),
            "criteria.weights-sum" => (T($"Vektene summerer til {Percent("sum")}; de må summere til 100 %.", $"Vektene summerer til {Percent("sum")}; dei må summere til 100 %."), null),
            "criteria.weight-negative" => (T($"En vekt kan ikke være negativ (fikk {Percent("weight")}).", $"Ei vekt kan ikkje vere negativ (fekk {Percent("weight")})."), null),
            "criteria.empty" => (T("Kriteriesettet har ingen kriterier.", "Kriteriesettet har ingen kriterium."), null),
            "criteria.invalid" or "criteria.json" or "criteria.exception" or "criteria.missing" =>
                (T("Kriteriesettet har en feil som må rettes.", "Kriteriesettet har ein feil som må rettast."), technical),
            "allocation.infeasible" => (T("Reglene kan ikke holde samtidig med dette behovet. Se detaljene og endre behovet, reglene eller de avtalte endringene.",
                "Reglane kan ikkje halde samstundes med dette behovet. Sjå detaljane og endre behovet, reglane eller dei avtalte endringane."), technical),
            "agreed-change.municipality" or "agreed-change.persons" or "agreed-change.sum" =>
                (T("En avtalt endring passer ikke med behovet eller kommunene dette året.", "Ei avtalt endring passar ikkje med behovet eller kommunane dette året."), technical),
            "allocation.no-municipalities" or "revision.solver" or "plan-need" =>
                (T("Fordelingen kunne ikke regnes ut.", "Fordelinga kunne ikkje reknast ut."), technical),
            // The command line's own options and files, named as typed.
            "data.folder" => (T($"Fant ikke datamappen {S("folder")}: gi --data med en mappe som den leverte data/, eller sett BUSETTING_DATA.",
                $"Fann ikkje datamappa {S("folder")}: gje --data med ei mappe som den leverte data/, eller set BUSETTING_DATA."), null),
            "year" when error.Values.ContainsKey("earliest") => (T($"--year {S("year")} må være mellom {S("earliest")} og {S("latest")}.",
                $"--year {S("year")} må vere mellom {S("earliest")} og {S("latest")}."), null),
            "agree-em.alone" => (T($"--agree-em {S("kommunenummer")} trenger også --agree for {S("kommunenummer")} (personene i avtalen).",
                $"--agree-em {S("kommunenummer")} treng òg --agree for {S("kommunenummer")} (personane i avtalen)."), null),
            "option.pair" => (T($"{S("option")} «{S("text")}» må skrives KOMMUNENUMMER=PERSONER, for eksempel 4601=519.",
                $"{S("option")} «{S("text")}» må skrivast KOMMUNENUMMER=PERSONAR, til dømes 4601=519."), null),
            "backtest.actual" when error.Values.ContainsKey("year") => (T($"Datamappen har ingen anmodninger for {S("year")}: gi --actual med en fil.",
                $"Datamappa har ingen oppmodingar for {S("year")}: gje --actual med ei fil."), null),
            "backtest.actual" => (T("--actual med en fil trengs for å sammenligne med anmodningene.", "--actual med ei fil trengst for å samanlikne med oppmodingane."), null),
            "backtest.settled" => (T($"Datamappen har ingen bosettingstall for {S("year")}.", $"Datamappa har ingen busetjingstal for {S("year")}."), null),
            "backtest.year" => (T($"Fila {S("file")} har anmodninger for {S("fileYear")}, ikke for {S("year")}.", $"Fila {S("file")} har oppmodingar for {S("fileYear")}, ikkje for {S("year")}."), null),
            _ when PlanningErrorTexts.For(error, language) is { } planning => (planning, null),
            _ => (error.ToString(), null),
        };
    }
}
