using System.Globalization;
using Busetting.Application;

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
    string? Reason = null,
    string? SignerName = null,
    string? SignerTitle = null);

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
        var presented = input.Explanation is { } explanation
            ? ExplanationPresenter.Present(explanation, lang, input.Criteria.ToDictionary(c => c.Id, c => (c.NameNb, c.NameNn)))
            : null;
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
            // Why the municipality is, or is not, asked to settle unaccompanied minors.
            ["em_grunn"] = presented is null ? "" : presented.EmEligibility.Text,
            // Zero is not written as "herav 0": a municipality not asked for EM (or a need without EM) gets no clause.
            ["herav_em"] = EmClause(nn, input.RequestedEm),
            ["behov_herav_em"] = EmClause(nn, input.NeedEm),
            ["kopi"] = CopyLine(input.County),
            // The signer is configured per year; without one the letter is signed by the directorate alone.
            ["signatar"] = input.SignerName ?? "",
            ["signatar_tittel"] = input.SignerTitle ?? "",
        };
        var tables = new Dictionary<string, Table>
        {
            ["kriterium"] = new(
                [[T("Kriterium", "Kriterium"), T("Gruppe", "Gruppe"), T("Vekt", "Vekt")],
                 .. input.Criteria.Where(c => c.Weight > 0).Select(c => (IReadOnlyList<string>)[nn ? c.NameNn : c.NameNb, Inv($"{c.PriorityGroup}"), Percent(c.Weight)])],
                [false, true, true]),
            ["endring"] = new(
                [["", T("Før", "Før"), T("Nå", "No"), T("Endring", "Endring")],
                 ChangeRow(nn, T("Nasjonalt behov", "Nasjonalt behov"), input.PreviousNeedPersons, input.NeedPersons),
                 ChangeRow(nn, T("Anmodet", "Oppmoda"), input.PreviousRequested, input.Requested),
                 .. input.RequestedEm == 0 && (input.PreviousRequestedEm ?? 0) == 0
                     ? Array.Empty<IReadOnlyList<string>>()
                     : [ChangeRow(nn, T("Herav enslige mindreårige", "Av dei einslege mindreårige"), input.PreviousRequestedEm, input.RequestedEm)]],
                [false, true, true, true]),
        };
        if (presented is not null)
        {
            tables["forklaring"] = ExplanationTable(presented);
            tables["reglar"] = RulesTable(presented);
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

    /// <summary>The parts that add up to the number, with each criterion's weight and indicator.</summary>
    public static Table ExplanationTable(PresentedExplanation x) => new(
        [[x.Label(ExplanationLabel.Part), x.Label(ExplanationLabel.Weight), x.Label(ExplanationLabel.Indicator), x.Label(ExplanationLabel.PersonsColumn)],
         .. x.Parts.Select(p => (IReadOnlyList<string>)[p.Label, p.Weight ?? "", p.Indicator ?? "", p.Persons]),
         [x.Label(ExplanationLabel.Sum), "", "", x.Sum]],
        [false, true, false, true]);

    /// <summary>The rules that decide the number, or the sentence saying none does.</summary>
    public static Table RulesTable(PresentedExplanation x) => new(
        [[x.Label(ExplanationLabel.Rules)],
         .. x.BindingRules.Count == 0
             ? [[x.Label(ExplanationLabel.NoRules)]]
             : x.BindingRules.Select(r => (IReadOnlyList<string>)[r.Text])],
        [false]);

    /// <summary>", herav 3 enslige mindreårige"; nothing for 0.</summary>
    public static string EmClause(bool nn, int em) =>
        em == 0 ? "" : nn ? $", av dei {Texts.Number(em)} einslege mindreårige" : $", herav {Texts.Number(em)} enslige mindreårige";

    /// <summary>"Kopi: Vestland fylkeskommune, KS"; Oslo is its own county authority, so only KS.</summary>
    public static string CopyLine(string county) =>
        string.Equals(county, "Oslo", StringComparison.Ordinal) ? "Kopi: KS" : $"Kopi: {county} fylkeskommune, KS";

    /// <summary>Before, now and the change, with "uendret" where the number did not change.</summary>
    private static IReadOnlyList<string> ChangeRow(bool nn, string label, int? before, int now) =>
        [label, before is { } b ? Texts.Number(b) : "–", Texts.Number(now),
         before is not { } p ? "–" : p == now ? (nn ? "uendra" : "uendret") : (now > p ? "+" : "−") + Texts.Number(Math.Abs(now - p))];

    private static string Percent(decimal weight) => Texts.Number(weight * 100, 0) + " %";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
