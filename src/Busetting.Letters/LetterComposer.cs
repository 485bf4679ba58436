using System.Globalization;
using Busetting.Application;
using Busetting.Domain.Allocation;

namespace Busetting.Letters;

/// <summary>A criterion as the letter lists it.</summary>
public sealed record LetterCriterion(string Id, string NameNb, string NameNn, int PriorityGroup, decimal Weight);

/// <summary>The numbers and facts one letter is made of. Previous* and Reason are for adjusted letters and postponements.</summary>
public sealed record LetterInput(
    LetterKind Kind,
    string Language,
    int Year,
    DateOnly Date,
    string Reference,
    string Kommunenummer,
    string OfficialName,
    string County,
    int Requested,
    int RequestedEm,
    int PlanNextYear,
    DateOnly? Deadline,
    int NeedPersons,
    int NeedEm,
    IReadOnlyList<LetterCriterion> Criteria,
    StoredExplanation? Explanation,
    string Contact,
    int? PreviousRequested = null,
    int? PreviousRequestedEm = null,
    int? PreviousNeedPersons = null,
    string? Reason = null);

/// <summary>Turns a letter's input and its template into the document the renderer lays out.</summary>
public static class LetterComposer
{
    private static readonly string[] Months = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

    /// <summary>27. november 2026 (the same in Bokmål and Nynorsk).</summary>
    public static string LongDate(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Day}. {Months[date.Month - 1]} {date.Year}");

    public static LetterDocument Compose(LetterInput input, Template template)
    {
        var nn = input.Language == "nn";
        string T(string nb, string nnText) => nn ? nnText : nb;
        var lang = nn ? Language.Nn : Language.Nb;
        var values = new Dictionary<string, string>
        {
            ["kommune"] = input.OfficialName,
            ["kommunenummer"] = input.Kommunenummer,
            ["fylke"] = input.County,
            ["aar"] = Inv($"{input.Year}"),
            ["neste_aar"] = Inv($"{input.Year + 1}"),
            ["dato"] = LongDate(input.Date),
            ["referanse"] = input.Reference,
            ["kontakt"] = input.Contact,
            ["oppmoda"] = Texts.Number(input.Requested),
            ["oppmoda_em"] = Texts.Number(input.RequestedEm),
            ["plantal"] = Texts.Number(input.PlanNextYear),
            ["frist"] = input.Deadline is { } d ? LongDate(d) : T("fristen IMDi set", "fristen IMDi set"),
            ["behov"] = Texts.Number(input.NeedPersons),
            ["behov_em"] = Texts.Number(input.NeedEm),
            ["tidlegare_oppmoda"] = input.PreviousRequested is { } pr ? Texts.Number(pr) : "–",
            ["tidlegare_oppmoda_em"] = input.PreviousRequestedEm is { } pe ? Texts.Number(pe) : "–",
            ["tidlegare_behov"] = input.PreviousNeedPersons is { } pn ? Texts.Number(pn) : "–",
            ["grunn"] = input.Reason ?? "",
            ["justering"] = AdjustmentWording.Sentence(input),
        };
        var tables = new Dictionary<string, Table>
        {
            ["kriterium"] = new(
                [[T("Kriterium", "Kriterium"), T("Gruppe", "Gruppe"), T("Vekt", "Vekt")],
                 .. input.Criteria.Where(c => c.Weight > 0).Select(c => (IReadOnlyList<string>)[nn ? c.NameNn : c.NameNb, Inv($"{c.PriorityGroup}"), Percent(c.Weight)])],
                [false, true, true]),
            ["endring"] = new(
                [["", T("Før", "Før"), T("Nå", "No")],
                 [T("Nasjonalt behov", "Nasjonalt behov"), input.PreviousNeedPersons is { } a ? Texts.Number(a) : "–", Texts.Number(input.NeedPersons)],
                 [T("Anmodet", "Oppmoda"), input.PreviousRequested is { } b ? Texts.Number(b) : "–", Texts.Number(input.Requested)],
                 [T("Herav enslige mindreårige", "Av dei einslege mindreårige"), input.PreviousRequestedEm is { } e ? Texts.Number(e) : "–", Texts.Number(input.RequestedEm)]],
                [false, true, true]),
        };
        if (input.Explanation is { } x)
        {
            tables["forklaring"] = ExplanationTable(x, input.Criteria, lang);
            tables["reglar"] = new(
                [[T("Regler som avgjør tallet", "Reglar som avgjer talet")],
                 .. (x.BindingRules.Count == 0
                     ? [[Texts.Label(lang, "no-rules")]]
                     : x.BindingRules.Select(rule => (IReadOnlyList<string>)[Texts.Rule(lang, x.Rules.LastOrDefault(r => r.Rule == rule)?.ToNote() ?? new RuleNote(rule))]))],
                [false]);
        }
        var body = template.Fill(values, tables);
        var title = body.OfType<Heading>().FirstOrDefault()?.Text ?? "";
        return new LetterDocument(
            Sender: [nn ? "Integrerings- og mangfaldsdirektoratet (IMDi)" : "Integrerings- og mangfoldsdirektoratet (IMDi)", "imdi.no"],
            Addressee: [Inv($"{input.OfficialName} kommune"), T("v/ kommunedirektøren", "v/ kommunedirektøren"), input.County],
            DatePlace: "Oslo, " + LongDate(input.Date),
            Reference: T("Vår referanse: ", "Vår referanse: ") + input.Reference,
            Title: title,
            Body: body,
            FooterText: Inv($"IMDi · {input.Reference} · ") + input.OfficialName,
            Language: input.Language,
            Date: input.Date);
    }

    private static Table ExplanationTable(StoredExplanation x, IReadOnlyList<LetterCriterion> criteria, Language lang)
    {
        var nn = lang == Language.Nn;
        var names = criteria.ToDictionary(c => c.Id, c => nn ? c.NameNn : c.NameNb);
        var contributions = x.Contributions.ToDictionary(c => c.Criterion);
        var rows = new List<IReadOnlyList<string>> { new[] { nn ? "Del" : "Del", nn ? "Vekt" : "Vekt", "Indikator", nn ? "Personar" : "Personer" } };
        foreach (var part in x.Parts)
        {
            string name, weight = "", indicator = "";
            switch (part.Kind)
            {
                case PartKind.Criterion:
                    name = names.GetValueOrDefault(part.Id, part.Id);
                    if (contributions.TryGetValue(part.Id, out var c))
                    {
                        weight = Percent(c.Weight);
                        indicator = c.Indicator is { } i ? Inv($"{i.Id} = {Texts.Number(i.Value, 1)} ({i.Year})") : c.IndicatorMissing == true ? Texts.Label(lang, "missing") : "";
                    }
                    break;
                case PartKind.Rule or PartKind.Revision when part.Rule is { } rule:
                    name = Texts.Rule(lang, x.Rules.LastOrDefault(r => r.Rule == rule)?.ToNote() ?? new RuleNote(rule));
                    break;
                default:
                    name = Texts.Label(lang, part.Id);
                    break;
            }
            rows.Add([name, weight, indicator, Texts.Number(part.Persons, 2)]);
        }
        rows.Add(["Sum", "", "", Texts.Number(x.Parts.Sum(p => p.Persons), 2)]);
        return new Table(rows, [false, true, false, true]);
    }

    private static string Percent(decimal weight) => Texts.Number(weight * 100, 0) + " %";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
