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
    /// <summary>A minimum-change revision: what keeps the number close to the earlier request instead of the criteria target.</summary>
    Revision,
}

/// <summary>One addend of a municipality's number. The parts of an explanation add up exactly to the number.</summary>
public sealed record ExplanationPart(PartKind Kind, string Id, decimal Persons, RuleId? Rule = null);

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
    EmExplanation Em);

/// <summary>Builds explanations whose parts, rounded to hundredths, sum exactly to the whole number requested.</summary>
public static class ExplanationBuilder
{
    public static IReadOnlyList<ExplanationPart> Parts(
        MunicipalityTarget target, MunicipalityBounds bounds, double lambda, int requested, bool asked, RuleId? notAskedRule)
    {
        var parts = new List<ExplanationPart>();
        if (target.Anchor is { } anchor)
        {
            parts.Add(new ExplanationPart(PartKind.Continuity, "continuity", Round(anchor.Persons)));
        }
        parts.AddRange(target.Contributions
            .Where(c => c.Weight > 0)
            .Select(c => new ExplanationPart(PartKind.Criterion, c.CriterionId, Round(c.Persons))));
        if (!asked)
        {
            parts.Add(new ExplanationPart(PartKind.NotAsked, "not-asked", requested - parts.Sum(p => p.Persons), notAskedRule));
            return parts;
        }
        var scaled = lambda * target.Target;
        parts.Add(new ExplanationPart(PartKind.Redistribution, "redistribution", Round(scaled - target.Target)));
        var clamped = Math.Clamp(scaled, bounds.Lower, Math.Max(bounds.Lower, bounds.Upper));
        if (Math.Abs(clamped - scaled) > 1e-9)
        {
            var rule = clamped > scaled ? bounds.LowerRule : bounds.UpperRule;
            parts.Add(new ExplanationPart(PartKind.Rule, rule.ToString(), Round(clamped - scaled), rule));
        }
        parts.Add(new ExplanationPart(PartKind.Rounding, "rounding", requested - parts.Sum(p => p.Persons)));
        return parts;
    }

    private static decimal Round(double value) => Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);
}
