namespace Busetting.Domain.Allocation;

public enum PartKind
{
    /// <summary>need × anchor share × the municipality's share of its recent pattern (last year's requests and settled).</summary>
    Continuity,
    /// <summary>need × effective weight × the municipality's share under one criterion.</summary>
    Criterion,
    /// <summary>The municipality's proportional part of what other municipalities' floors, caps and exclusions moved.</summary>
    Redistribution,
    /// <summary>A floor raised or a cap cut the number.</summary>
    Rule,
    /// <summary>From a continuous to a whole number of persons (and, rarely, the integer optimum's other choices).</summary>
    Rounding,
    /// <summary>The municipality is not asked; its target goes to the others.</summary>
    NotAsked,
    /// <summary>A minimum-change revision: what keeps the number close to the earlier request (or decision) instead of the criteria target.</summary>
    Revision,
}

/// <summary>One addend of a municipality's number. The parts of an explanation add up exactly to the number.</summary>
/// <param name="Criterion">The criterion's id, for <see cref="PartKind.Criterion"/> parts only.</param>
/// <param name="Rule">The rule that moved the number, for <see cref="PartKind.Rule"/> and <see cref="PartKind.NotAsked"/> parts.</param>
public sealed record ExplanationPart(PartKind Kind, decimal Persons, string? Criterion = null, RuleId? Rule = null);

/// <summary>How the municipality's EM number arose.</summary>
public sealed record EmExplanation(bool Eligible, RuleNote Eligibility, decimal Target, int Requested);

/// <summary>Why a municipality's number is what it is: data, criteria contributions, binding rules, and parts that add up.</summary>
public sealed record Explanation(
    decimal Target,
    IReadOnlyList<CriterionContribution> Contributions,
    IReadOnlyList<ExplanationPart> Parts,
    MunicipalityBounds Bounds,
    IReadOnlyList<RuleId> BindingRules,
    IReadOnlyList<IndicatorValue> Indicators,
    EmExplanation Em,
    AnchorContribution? Anchor = null);

/// <summary>Builds explanations whose parts, rounded to hundredths, sum exactly to the whole number requested.</summary>
public static class ExplanationBuilder
{
    /// <param name="askedBecause">The spread rule that made the municipality be asked at all, if any: it names the lift
    /// to the floor instead of the floor, which alone would have left the municipality unasked.</param>
    public static IReadOnlyList<ExplanationPart> Parts(
        MunicipalityTarget target, MunicipalityBounds bounds, double lambda, int requested, bool asked, RuleId? notAskedRule,
        RuleId? askedBecause = null)
    {
        var parts = new List<ExplanationPart>();
        if (target.Anchor is { } anchor)
        {
            parts.Add(new ExplanationPart(PartKind.Continuity, Round(anchor.Persons)));
        }
        parts.AddRange(target.Contributions
            .Where(c => c.Weight > 0)
            .Select(c => new ExplanationPart(PartKind.Criterion, Round(c.Persons), c.CriterionId)));
        if (!asked)
        {
            parts.Add(new ExplanationPart(PartKind.NotAsked, requested - parts.Sum(p => p.Persons), Rule: notAskedRule));
            return parts;
        }
        var scaled = lambda * target.Target;
        parts.Add(new ExplanationPart(PartKind.Redistribution, Round(scaled - target.Target)));
        var clamped = Math.Clamp(scaled, bounds.Lower, Math.Max(bounds.Lower, bounds.Upper));
        if (Math.Abs(clamped - scaled) > 1e-9)
        {
            var rule = clamped > scaled ? askedBecause ?? bounds.LowerRule : bounds.UpperRule;
            parts.Add(new ExplanationPart(PartKind.Rule, Round(clamped - scaled), Rule: rule));
        }
        parts.Add(new ExplanationPart(PartKind.Rounding, requested - parts.Sum(p => p.Persons)));
        return parts;
    }

    private static decimal Round(double value) => Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);
}
