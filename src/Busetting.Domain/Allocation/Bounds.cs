using Busetting.Domain.Criteria;
using Busetting.Domain.Primitives;

namespace Busetting.Domain.Allocation;

/// <summary>What the rules allow one municipality: 0, or between <see cref="Lower"/> and <see cref="Upper"/> when asked.</summary>
/// <param name="LowerRule">The rule that set the lower bound (floor, exception or continuity).</param>
/// <param name="UpperRule">The rule that set the upper bound (capacity, immigrant share, continuity or exception).</param>
public sealed record MunicipalityBounds(
    MunicipalityNumber Municipality,
    int Lower,
    int Upper,
    bool MustAsk,
    bool Excluded,
    RuleId LowerRule,
    RuleId UpperRule,
    IReadOnlyList<RuleNote> Notes);

/// <summary>Applies the criteria set's hard rules to each municipality.</summary>
public static class BoundsCalculator
{
    /// <param name="nationalRate">Persons per inhabitant the need implies nationally (need ÷ population).</param>
    /// <param name="previousRequested">Last year's requests and their national sum, when the data has them.</param>
    /// <param name="previousDecided">Last year's council decision and last year's national need, when known.</param>
    public static MunicipalityBounds Calculate(
        MunicipalityProfile profile,
        AllocationRules rules,
        double nationalRate,
        int total,
        (int Requested, int NationalTotal)? previousRequested,
        (int Decided, int NationalTotal)? previousDecided = null)
    {
        var number = profile.Municipality.Number;
        var notes = new List<RuleNote>();
        var exception = rules.Exceptions.FirstOrDefault(e => e.Municipality == number);

        if (profile.NotSeparateReason is { } parent)
        {
            notes.Add(new RuleNote(RuleId.NotSeparateMunicipality, null, parent));
            return Excluded(number, notes);
        }
        if (exception is { Exclude: true })
        {
            notes.Add(new RuleNote(RuleId.ExceptionExcluded, null, exception.Reason));
            return Excluded(number, notes);
        }

        // As a rule no municipality is asked for fewer than the floor; a named exception may set another floor.
        var lower = rules.Floor;
        var lowerRule = RuleId.Floor;
        if (exception?.Floor is { } exceptionFloor)
        {
            lower = exceptionFloor;
            lowerRule = RuleId.FloorException;
            notes.Add(new RuleNote(RuleId.FloorException, exceptionFloor, exception.Reason));
        }

        // Capacity relative to population (optional): at most a multiple of the national rate per inhabitant, never below the floor.
        var upper = total;
        var upperRule = RuleId.CapacityCap;
        if (rules.CapacityMaxMultipleOfNationalRate is { } multiple)
        {
            upper = Math.Min(total, Math.Max(lower, (int)Math.Ceiling((double)multiple * nationalRate * profile.Population)));
        }

        // Capacity from decisions: at most a factor × last year's council decision, scaled by the change in the need.
        if (rules.DecisionCapacity is { } capacity && previousDecided is { Decided: >= 0, NationalTotal: > 0 } decided)
        {
            var cap = Math.Max(lower, (int)Math.Ceiling((double)capacity.MaxFactor * decided.Decided * total / decided.NationalTotal - 1e-9));
            notes.Add(new RuleNote(RuleId.DecisionCapacity, cap) { Basis = decided.Decided });
            if (cap < upper)
            {
                upper = cap;
                upperRule = RuleId.DecisionCapacity;
            }
        }

        // Avoid housing segregation: above the immigrant-share threshold, cap at a fraction of the national rate, or exclude;
        // in "consider" mode only the target is reduced (see TargetCalculator), never the bounds.
        if (rules.ImmigrantShare.Mode == ImmigrantShareMode.Consider
            && profile.Indicators.TryGetValue(IndicatorIds.ImmigrantShare, out var considered) && considered.Value > rules.ImmigrantShare.ThresholdPercent)
        {
            notes.Add(new RuleNote(RuleId.ImmigrantShareConsidered, rules.ImmigrantShare.ConsiderFactor) { Basis = considered.Value });
        }
        if (profile.Indicators.TryGetValue(IndicatorIds.ImmigrantShare, out var share) && share.Value > rules.ImmigrantShare.ThresholdPercent
            && rules.ImmigrantShare.Mode != ImmigrantShareMode.Consider)
        {
            if (rules.ImmigrantShare.Mode == ImmigrantShareMode.Exclude)
            {
                notes.Add(new RuleNote(RuleId.ImmigrantShareExcluded, share.Value));
                return Excluded(number, notes);
            }
            var cap = (int)Math.Floor((double)rules.ImmigrantShare.CapFactorOfNationalRate * nationalRate * profile.Population);
            notes.Add(new RuleNote(RuleId.ImmigrantShareCap, cap) { Basis = share.Value });
            if (cap < upper)
            {
                upper = cap;
                upperRule = RuleId.ImmigrantShareCap;
            }
        }

        if (exception?.MaxPersons is { } max && max < upper)
        {
            upper = max;
            upperRule = RuleId.ExceptionMax;
            notes.Add(new RuleNote(RuleId.ExceptionMax, max, exception.Reason));
        }

        // Continuity: stay within a band around last year's request, scaled by the change in the national need.
        if (rules.Continuity is { } band && previousRequested is { Requested: > 0, NationalTotal: > 0 } previous)
        {
            var scaled = previous.Requested * (double)total / previous.NationalTotal;
            var bandLower = (int)Math.Floor(scaled * (double)(1 - band.MaxDecrease));
            var bandUpper = (int)Math.Ceiling(scaled * (double)(1 + band.MaxIncrease));
            if (bandLower > lower && bandLower <= upper)
            {
                lower = bandLower;
                lowerRule = RuleId.ContinuityFloor;
                notes.Add(new RuleNote(RuleId.ContinuityFloor, bandLower) { Basis = previous.Requested });
            }
            if (bandUpper < upper && bandUpper >= lower)
            {
                upper = bandUpper;
                upperRule = RuleId.ContinuityCap;
                notes.Add(new RuleNote(RuleId.ContinuityCap, bandUpper) { Basis = previous.Requested });
            }
        }

        var mustAsk = false;
        // Municipalities hosting a reception centre are always considered: they are always asked.
        if (rules.ReceptionCentresAlwaysAsked && profile.HostsReceptionCentre)
        {
            mustAsk = true;
            notes.Add(new RuleNote(RuleId.ReceptionCentre, profile.ReceptionCentre!.Value));
        }
        if (exception is { AlwaysAsk: true })
        {
            mustAsk = true;
            notes.Add(new RuleNote(RuleId.ExceptionAlwaysAsk, null, exception.Reason));
        }

        if (upper < lower)
        {
            // A cap below the floor: the municipality cannot be asked for the floor, so it is not asked, unless it must be.
            notes.Add(new RuleNote(RuleId.CapBelowFloor, upper));
            if (!mustAsk)
            {
                return new MunicipalityBounds(number, lower, upper, false, true, lowerRule, upperRule, notes);
            }
        }
        return new MunicipalityBounds(number, lower, upper, mustAsk, false, lowerRule, upperRule, notes);
    }

    private static MunicipalityBounds Excluded(MunicipalityNumber number, List<RuleNote> notes) =>
        new(number, 0, 0, false, true, RuleId.Floor, notes[^1].Rule, notes);
}
