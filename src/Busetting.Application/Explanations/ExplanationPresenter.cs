using Busetting.Domain.Allocation;
using Busetting.Domain.Primitives;

namespace Busetting.Application;

/// <summary>
/// One explanation ready to lay out, in one written standard: every line keeps its key (part kind, rule, criterion) and
/// carries its text and its numbers formatted the Norwegian way. The CLI, the web pages and the letters only lay these
/// lines out, so they cannot disagree.
/// </summary>
/// <param name="BindingRules">The rules that decide the number; empty means <see cref="ExplanationLabel.NoRules"/>.</param>
/// <param name="AllRules">Every rule that applies to the municipality, binding or not.</param>
public sealed record PresentedExplanation(
    WrittenStandard Language,
    string Target,
    IReadOnlyList<ContributionLine> Contributions,
    IReadOnlyList<PartLine> Parts,
    string Sum,
    IReadOnlyList<RuleLine> BindingRules,
    IReadOnlyList<RuleLine> AllRules,
    RuleLine EmEligibility,
    string EmTarget,
    string EmRequested,
    IReadOnlyList<IndicatorLine> Indicators)
{
    public string Label(ExplanationLabel label) => ExplanationTexts.Label(Language, label);
}

/// <param name="Indicator">"id = value (year)", the missing-value note, or null when the criterion has no indicator.</param>
public sealed record ContributionLine(string Criterion, string Name, string Weight, string Share, string? Factor, string? Indicator, bool IndicatorMissing, string Persons);

/// <param name="Persons">Formatted with two decimals ("50,67", "−0,31").</param>
/// <param name="Weight">For criterion parts: the criterion's weight.</param>
/// <param name="Indicator">For criterion parts: as in <see cref="ContributionLine.Indicator"/>.</param>
public sealed record PartLine(PartKind Kind, string Label, decimal Value, string Persons, string? Criterion, RuleId? Rule, string? Weight, string? Indicator);

public sealed record RuleLine(RuleId Rule, string Text);

/// <param name="Name">The indicator's Norwegian name; a stand-in for a criterion says so ("stedfortreder").</param>
public sealed record IndicatorLine(string Id, string Name, string Value, int Year, string Source);

/// <summary>Turns a stored explanation into <see cref="PresentedExplanation"/> lines.</summary>
public static class ExplanationPresenter
{
    /// <param name="criterionNames">Criterion id → (Bokmål, Nynorsk) name; an unknown id is shown as itself.</param>
    public static PresentedExplanation Present(StoredExplanation x, WrittenStandard language, IReadOnlyDictionary<string, (string Nb, string Nn)> criterionNames)
    {
        string Name(string id) => criterionNames.TryGetValue(id, out var n) ? (language == WrittenStandard.Nn ? n.Nn : n.Nb) : id;
        var contributions = x.Contributions.Where(c => c.Weight > 0)
            .Select(c => new ContributionLine(
                c.Criterion,
                Name(c.Criterion),
                Percent(c.Weight * 100, 1),
                Percent((decimal)c.Share * 100, 3),
                c.Factor is { } f ? Texts.Number(f, 2) : null,
                c.Indicator is { } i ? $"{ExplanationTexts.Indicator(language, i.Id)} = {IndicatorValue(i.Value)} ({ExplanationTexts.DataYear(language, i.Year)})"
                    : c.IndicatorMissing == true ? ExplanationTexts.Label(language, ExplanationLabel.IndicatorMissing) : null,
                c.IndicatorMissing == true,
                Texts.Number(c.Persons, 2)))
            .ToList();
        var byCriterion = contributions.ToDictionary(c => c.Criterion);
        var parts = x.Parts.Select(p =>
        {
            var contribution = p.Kind == PartKind.Criterion && p.Criterion is { } id ? byCriterion.GetValueOrDefault(id) : null;
            var label = p.Kind == PartKind.Continuity && x.Anchor is { } anchor
                ? ExplanationTexts.Continuity(language, anchor.Year, anchor.Share, anchor.Requested, anchor.Settled)
                : ExplanationTexts.Part(language, p.Kind,
                    p.Criterion is { } criterion ? Name(criterion) : "",
                    p.Rule is { } rule ? RuleText(x, rule, language) : "");
            return new PartLine(p.Kind, label, p.Persons, Texts.Number(p.Persons, 2), p.Kind == PartKind.Criterion ? p.Criterion : null, p.Rule,
                contribution?.Weight, contribution?.Indicator);
        }).ToList();
        return new PresentedExplanation(
            language,
            Texts.Number(x.Target, 2),
            contributions,
            parts,
            Texts.Number(x.Parts.Sum(p => p.Persons), 2),
            x.BindingRules.Select(r => new RuleLine(r, RuleText(x, r, language))).ToList(),
            x.Rules.Select(r => new RuleLine(r.Rule, r.Rule == RuleId.MinimumChangeRevision ? RuleText(x, r.Rule, language) : ExplanationTexts.Rule(language, r.ToNote()))).ToList(),
            new RuleLine(x.Em.Eligibility, ExplanationTexts.Rule(language, x.Em.EligibilityNote)),
            Texts.Number(x.Em.Target, 2),
            Texts.Number(x.Em.Requested),
            x.Indicators.Select(i => new IndicatorLine(i.Id, ExplanationTexts.Indicator(language, i.Id), IndicatorValue(i.Value), i.Year, i.Source)).ToList());
    }

    /// <summary>
    /// The rule's latest note (an agreed change replaces an earlier one). The floor and the capacity cap keep no note of
    /// their own; their number is the bound they set.
    /// </summary>
    private static string RuleText(StoredExplanation x, RuleId rule, WrittenStandard language)
    {
        var note = x.Rules.LastOrDefault(r => r.Rule == rule)?.ToNote() ?? rule switch
        {
            RuleId.Floor when x.Bounds.Lower > 0 => new RuleNote(rule, x.Bounds.Lower),
            RuleId.CapacityCap when x.Bounds.Upper > 0 => new RuleNote(rule, x.Bounds.Upper),
            _ => new RuleNote(rule),
        };
        return rule == RuleId.MinimumChangeRevision
            ? ExplanationTexts.MinimumChange(language, note, (int)x.Parts.Sum(p => p.Persons))
            : ExplanationTexts.Rule(language, note);
    }

    private static string IndicatorValue(decimal value) => Texts.Number(value, value == decimal.Truncate(value) ? 0 : 2);

    private static string Percent(decimal value, int decimals) => Texts.Number(value, decimals) + " %";
}
