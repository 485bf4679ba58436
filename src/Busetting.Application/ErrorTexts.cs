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
            _ when PlanningErrorTexts.For(error, language) is { } planning => (planning, null),
            _ => (error.ToString(), null),
        };
    }
}
