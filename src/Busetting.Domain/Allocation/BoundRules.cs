using Busetting.Domain.Criteria;

namespace Busetting.Domain.Allocation;

/// <summary>The criteria set's hard rules for one municipality's bounds, each a named function, applied in order.</summary>
public static class BoundRules
{
    /// <summary>The order matters: exclusions first, then the floor, the caps, continuity, must-ask, and last the cap-below-floor check.</summary>
    public static IReadOnlyList<BoundRule> InOrder { get; } =
    [
        new("not a separate municipality", NotSeparateMunicipality),
        new("excluded by exception", ExceptionExcluded),
        new("floor exception", FloorException),
        new("capacity from population", CapacityFromPopulation),
        new("capacity from decisions", CapacityFromDecisions),
        new("immigrant share considered", ImmigrantShareConsidered),
        new("immigrant share cap", ImmigrantShareCap),
        new("exception maximum", ExceptionMax),
        new("continuity", Continuity),
        new("reception centre", ReceptionCentre),
        new("exception always ask", ExceptionAlwaysAsk),
        new("cap below floor", CapBelowFloor),
    ];

    /// <summary>A municipality that is not yet (or no longer) separate is not asked.</summary>
    public static BoundsDraft NotSeparateMunicipality(BoundsDraft draft, BoundsContext context) =>
        context.Profile.NotSeparateReason is { } parent ? draft.Exclude(new RuleNote(RuleId.NotSeparateMunicipality, null, parent)) : draft;

    /// <summary>A named exception may exclude a municipality.</summary>
    public static BoundsDraft ExceptionExcluded(BoundsDraft draft, BoundsContext context) =>
        context.Exception is { Exclude: true } exception ? draft.Exclude(new RuleNote(RuleId.ExceptionExcluded, null, exception.Reason)) : draft;

    /// <summary>As a rule no municipality is asked for fewer than the floor; a named exception may set another floor.</summary>
    public static BoundsDraft FloorException(BoundsDraft draft, BoundsContext context) =>
        context.Exception?.Floor is { } floor
            ? draft.Note(new RuleNote(RuleId.FloorException, floor, context.Exception.Reason)) with { Lower = floor, LowerRule = RuleId.FloorException }
            : draft;

    /// <summary>Capacity relative to population (optional): at most a multiple of the national rate per inhabitant, never below the floor.</summary>
    public static BoundsDraft CapacityFromPopulation(BoundsDraft draft, BoundsContext context) =>
        context.Rules.CapacityMaxMultipleOfNationalRate is { } multiple
            ? draft with { Upper = Math.Min(context.Total, Math.Max(draft.Lower, (int)Math.Ceiling((double)multiple * context.NationalRate * context.Profile.Population))) }
            : draft;

    /// <summary>Capacity from decisions: at most a factor × last year's council decision, scaled by the change in the need.</summary>
    public static BoundsDraft CapacityFromDecisions(BoundsDraft draft, BoundsContext context)
    {
        if (context.Rules.DecisionCapacity is not { } capacity || context.PreviousDecided is not { Decided: >= 0, NationalTotal: > 0 } decided)
        {
            return draft;
        }
        var cap = Math.Max(draft.Lower, (int)Math.Ceiling((double)capacity.MaxFactor * decided.Decided * context.Total / decided.NationalTotal - 1e-9));
        return draft.Note(new RuleNote(RuleId.DecisionCapacity, cap) { Basis = decided.Decided }).CapAt(cap, RuleId.DecisionCapacity);
    }

    /// <summary>In "consider" mode an immigrant share above the threshold only reduces the target (see TargetCalculator), never the bounds.</summary>
    public static BoundsDraft ImmigrantShareConsidered(BoundsDraft draft, BoundsContext context)
    {
        var rule = context.Rules.ImmigrantShare;
        return rule.Mode == ImmigrantShareMode.Consider && ImmigrantShareAbove(context) is { } share
            ? draft.Note(new RuleNote(RuleId.ImmigrantShareConsidered, rule.ConsiderFactor) { Basis = share })
            : draft;
    }

    /// <summary>Avoid housing segregation: above the immigrant-share threshold, cap at a fraction of the national rate, or exclude.</summary>
    public static BoundsDraft ImmigrantShareCap(BoundsDraft draft, BoundsContext context)
    {
        var rule = context.Rules.ImmigrantShare;
        if (rule.Mode == ImmigrantShareMode.Consider || ImmigrantShareAbove(context) is not { } share)
        {
            return draft;
        }
        if (rule.Mode == ImmigrantShareMode.Exclude)
        {
            return draft.Exclude(new RuleNote(RuleId.ImmigrantShareExcluded, share));
        }
        var cap = (int)Math.Floor((double)rule.CapFactorOfNationalRate * context.NationalRate * context.Profile.Population);
        return draft.Note(new RuleNote(RuleId.ImmigrantShareCap, cap) { Basis = share }).CapAt(cap, RuleId.ImmigrantShareCap);
    }

    /// <summary>A named exception may set a maximum below the caps so far.</summary>
    public static BoundsDraft ExceptionMax(BoundsDraft draft, BoundsContext context) =>
        context.Exception?.MaxPersons is { } max && max < draft.Upper
            ? draft.CapAt(max, RuleId.ExceptionMax).Note(new RuleNote(RuleId.ExceptionMax, max, context.Exception.Reason))
            : draft;

    /// <summary>Continuity: stay within a band around last year's request, scaled by the change in the national need.</summary>
    public static BoundsDraft Continuity(BoundsDraft draft, BoundsContext context)
    {
        if (context.Rules.Continuity is not { } band || context.PreviousRequested is not { Requested: > 0, NationalTotal: > 0 } previous)
        {
            return draft;
        }
        var scaled = previous.Requested * (double)context.Total / previous.NationalTotal;
        var bandLower = (int)Math.Floor(scaled * (double)(1 - band.MaxDecrease));
        var bandUpper = (int)Math.Ceiling(scaled * (double)(1 + band.MaxIncrease));
        if (bandLower > draft.Lower && bandLower <= draft.Upper)
        {
            draft = draft.Note(new RuleNote(RuleId.ContinuityFloor, bandLower) { Basis = previous.Requested })
                with { Lower = bandLower, LowerRule = RuleId.ContinuityFloor };
        }
        if (bandUpper < draft.Upper && bandUpper >= draft.Lower)
        {
            draft = draft.CapAt(bandUpper, RuleId.ContinuityCap).Note(new RuleNote(RuleId.ContinuityCap, bandUpper) { Basis = previous.Requested });
        }
        return draft;
    }

    /// <summary>Municipalities hosting a reception centre are always considered: they are always asked.</summary>
    public static BoundsDraft ReceptionCentre(BoundsDraft draft, BoundsContext context) =>
        context.Rules.ReceptionCentresAlwaysAsked && context.Profile.HostsReceptionCentre
            ? draft.Note(new RuleNote(RuleId.ReceptionCentre, context.Profile.ReceptionCentre!.Value)) with { MustAsk = true }
            : draft;

    /// <summary>A named exception may say the municipality is always asked.</summary>
    public static BoundsDraft ExceptionAlwaysAsk(BoundsDraft draft, BoundsContext context) =>
        context.Exception is { AlwaysAsk: true } exception
            ? draft.Note(new RuleNote(RuleId.ExceptionAlwaysAsk, null, exception.Reason)) with { MustAsk = true }
            : draft;

    /// <summary>A cap below the floor: the municipality cannot be asked for the floor, so it is not asked, unless it must be.</summary>
    public static BoundsDraft CapBelowFloor(BoundsDraft draft, BoundsContext context) =>
        draft.Upper < draft.Lower
            ? draft.Note(new RuleNote(RuleId.CapBelowFloor, draft.Upper)) with { Excluded = !draft.MustAsk }
            : draft;

    /// <summary>The municipality's immigrant share in per cent when it is above the threshold; null otherwise or unknown.</summary>
    private static decimal? ImmigrantShareAbove(BoundsContext context) =>
        context.Profile.Indicators.TryGetValue(IndicatorIds.ImmigrantShare, out var share) && share.Value > context.Rules.ImmigrantShare.ThresholdPercent
            ? share.Value
            : null;
}
