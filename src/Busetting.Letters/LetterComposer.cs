using System.Globalization;
using Busetting.Application;

namespace Busetting.Letters;

/// <summary>Turns a letter's input and its template into the document the renderer lays out.</summary>
public static class LetterComposer
{
    private static readonly string[] Months = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

    /// <summary>27. november 2026 (the same in Bokmål and Nynorsk).</summary>
    public static string LongDate(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Day}. {Months[date.Month - 1]} {date.Year}");

    public static LetterDocument Compose(LetterInput input, Template template)
    {
        var nn = input.Identity.Standard == WrittenStandard.Nn;
        string T(string nb, string nnText) => nn ? nnText : nb;
        var lang = nn ? WrittenStandard.Nn : WrittenStandard.Nb;
        var presented = input.Explanation is { } explanation
            ? ExplanationPresenter.Present(explanation, lang, input.Criteria.ToDictionary(c => c.Id, c => (c.NameNb, c.NameNn)))
            : null;
        var values = Values(input, presented);
        var tables = Tables(input, presented);
        var body = template.Fill(values, tables);
        var title = body.OfType<Heading>().FirstOrDefault()?.Text ?? "";
        return new LetterDocument(
            Sender: [nn ? "Integrerings- og mangfaldsdirektoratet (IMDi)" : "Integrerings- og mangfoldsdirektoratet (IMDi)", "imdi.no"],
            Addressee: [Inv($"{input.Recipient.OfficialName} kommune"), T("v/ kommunedirektøren", "v/ kommunedirektøren"), input.Recipient.County],
            DatePlace: "Oslo, " + LongDate(input.Dates.Date),
            Reference: T("Vår referanse: ", "Vår referanse: ") + input.Identity.Reference,
            Title: title,
            Body: body,
            FooterText: Inv($"IMDi · {input.Identity.Reference} · ") + input.Recipient.OfficialName,
            Language: input.Identity.Language,
            Date: input.Dates.Date);
    }

    /// <summary>The template's placeholders and what each is filled with.</summary>
    private static Dictionary<string, string> Values(LetterInput input, PresentedExplanation? presented)
    {
        var nn = input.Identity.Standard == WrittenStandard.Nn;
        string T(string nb, string nnText) => nn ? nnText : nb;
        return new Dictionary<string, string>
        {
            ["kommune"] = input.Recipient.OfficialName,
            ["kommunenummer"] = input.Recipient.Kommunenummer,
            ["fylke"] = input.Recipient.County,
            ["aar"] = Inv($"{input.Identity.Year}"),
            ["neste_aar"] = Inv($"{input.Identity.Year + 1}"),
            ["dato"] = LongDate(input.Dates.Date),
            ["referanse"] = input.Identity.Reference,
            ["kontakt"] = input.Texts.Contact,
            ["oppmoda"] = Texts.Number(input.Numbers.Requested),
            ["oppmoda_em"] = Texts.Number(input.Numbers.RequestedEm),
            ["plantal"] = Texts.Number(input.Numbers.PlanNextYear),
            ["departement"] = input.Ministry?.Name(input.Identity.Standard) ?? "Departementet",
            ["frist"] = input.Dates.Deadline is { } d ? LongDate(d) : T("fristen IMDi har satt", "fristen IMDi har sett"),
            ["behov"] = Texts.Number(input.Numbers.NeedPersons),
            ["behov_em"] = Texts.Number(input.Numbers.NeedEm),
            ["tidlegare_oppmoda"] = input.Previous?.Requested is { } pr ? Texts.Number(pr) : "–",
            ["tidlegare_oppmoda_em"] = input.Previous?.RequestedEm is { } pe ? Texts.Number(pe) : "–",
            ["tidlegare_behov"] = input.Previous?.NeedPersons is { } pn ? Texts.Number(pn) : "–",
            ["grunn"] = input.Texts.Reason ?? "",
            ["justering"] = AdjustmentWording.Sentence(input),
            // Why the municipality is, or is not, asked to settle unaccompanied minors.
            ["em_grunn"] = presented is null ? "" : presented.EmEligibility.Text,
            // Zero is not written as "herav 0": a municipality not asked for EM (or a need without EM) gets no clause.
            ["herav_em"] = EmClause(nn, input.Numbers.RequestedEm),
            ["behov_herav_em"] = EmClause(nn, input.Numbers.NeedEm),
            ["kopi"] = CopyLine(input.Recipient.County),
            // The signer is configured per year; without one the letter is signed by the directorate alone.
            ["signatar"] = input.Texts.SignerName ?? "",
            ["signatar_tittel"] = input.Texts.SignerTitle ?? "",
        };
    }

    /// <summary>The template's tables: the criteria, "before / now" and, with an explanation, its parts and rules.</summary>
    private static Dictionary<string, Table> Tables(LetterInput input, PresentedExplanation? presented)
    {
        var nn = input.Identity.Standard == WrittenStandard.Nn;
        string T(string nb, string nnText) => nn ? nnText : nb;
        var tables = new Dictionary<string, Table>
        {
            ["kriterium"] = new(
                [[T("Kriterium", "Kriterium"), T("Gruppe", "Gruppe"), T("Vekt", "Vekt")],
                 .. input.Criteria.Where(c => c.Weight > 0).Select(c => (IReadOnlyList<string>)[nn ? c.NameNn : c.NameNb, Inv($"{c.PriorityGroup}"), Percent(c.Weight)])],
                [false, true, true]),
            ["endring"] = new(
                [["", T("Før", "Før"), T("Nå", "No"), T("Endring", "Endring")],
                 ChangeRow(nn, T("Nasjonalt behov", "Nasjonalt behov"), input.Previous?.NeedPersons, input.Numbers.NeedPersons),
                 ChangeRow(nn, T("Anmodet", "Oppmoda"), input.Previous?.Requested, input.Numbers.Requested),
                 .. input.Numbers.RequestedEm == 0 && (input.Previous?.RequestedEm ?? 0) == 0
                     ? Array.Empty<IReadOnlyList<string>>()
                     : [ChangeRow(nn, T("Herav enslige mindreårige", "Av dei einslege mindreårige"), input.Previous?.RequestedEm, input.Numbers.RequestedEm)]],
                [false, true, true, true]),
        };
        if (presented is not null)
        {
            tables["forklaring"] = ExplanationTable(presented);
            tables["reglar"] = RulesTable(presented, input.Justification);
        }
        return tables;
    }

    /// <summary>The parts that add up to the number, with each criterion's weight and indicator.</summary>
    public static Table ExplanationTable(PresentedExplanation x) => new(
        [[x.Label(ExplanationLabel.Part), x.Label(ExplanationLabel.Weight), x.Label(ExplanationLabel.Indicator), x.Label(ExplanationLabel.PersonsColumn)],
         .. x.Parts.Select(p => (IReadOnlyList<string>)[p.Label, p.Weight ?? "", p.Indicator ?? "", p.Persons]),
         [x.Label(ExplanationLabel.Sum), "", "", x.Sum]],
        [false, true, false, true]);

    /// <summary>The rules that decide the number, or the sentence saying none does; an agreed number's public justification after them.</summary>
    /// <param name="justification">Already in the letter's written standard (<see cref="LetterInput.Justification"/>).</param>
    public static Table RulesTable(PresentedExplanation x, string? justification = null) => new(
        [[x.Label(ExplanationLabel.Rules)],
         .. x.BindingRules.Count == 0
             ? [[x.Label(ExplanationLabel.NoRules)]]
             : x.BindingRules.Select(r => (IReadOnlyList<string>)[r.Text]),
         .. justification is null ? Array.Empty<IReadOnlyList<string>>()
             : [[(x.Language == WrittenStandard.Nn ? "Grunngjeving: " : "Begrunnelse: ") + justification]]],
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
