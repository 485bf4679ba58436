using Busetting.Domain.Primitives;

namespace Busetting.Domain.Criteria;

/// <summary>The hard rules of a criteria set: floor, exceptions, spread, caps, continuity, segregation, EM.</summary>
public sealed record AllocationRules(
    int Floor,
    IReadOnlyList<MunicipalityException> Exceptions,
    bool ReceptionCentresAlwaysAsked,
    SpreadRule Spread,
    decimal? CapacityMaxMultipleOfNationalRate,
    ContinuityBand? Continuity,
    ImmigrantShareRule ImmigrantShare,
    EmRule Em,
    DecisionCapacity? DecisionCapacity = null);

/// <summary>
/// Capacity from decisions: a request is at most <see cref="MaxFactor"/> × what the council decided for last year,
/// scaled by the change in the national need (never below the floor).
/// </summary>
public sealed record DecisionCapacity(decimal MaxFactor);

/// <summary>A named exception for one municipality, always with a reason.</summary>
/// <param name="Floor">Replaces the general floor when asked (e.g. 5 for a very small municipality).</param>
/// <param name="MaxPersons">An upper limit agreed with the municipality.</param>
/// <param name="Exclude">Not asked this year.</param>
/// <param name="AlwaysAsk">Asked even if its target is small.</param>
public sealed record MunicipalityException(
    MunicipalityNumber Municipality,
    int? Floor,
    int? MaxPersons,
    bool Exclude,
    bool AlwaysAsk,
    string Reason);

/// <summary>Settle in all regions and municipality sizes: at least so many asked in each landsdel and size class.</summary>
/// <param name="SizeClassLowerBounds">Population lower bounds of the size classes, ascending, starting at 0.</param>
public sealed record SpreadRule(int MinAskedPerLandsdel, IReadOnlyList<int> SizeClassLowerBounds, int MinAskedPerSizeClass)
{
    /// <summary>The size class of a population: the index of the last lower bound it reaches.</summary>
    public int SizeClassOf(int population)
    {
        var index = 0;
        for (var i = 0; i < SizeClassLowerBounds.Count; i++)
        {
            if (population >= SizeClassLowerBounds[i])
            {
                index = i;
            }
        }
        return index;
    }

    public string SizeClassLabel(int index) =>
        index + 1 < SizeClassLowerBounds.Count
            ? $"{SizeClassLowerBounds[index]}–{SizeClassLowerBounds[index + 1] - 1}"
            : $"{SizeClassLowerBounds[index]}+";
}

/// <summary>Continuity: a request may move at most so far from last year's request, scaled by the change in need.</summary>
public sealed record ContinuityBand(decimal MaxDecrease, decimal MaxIncrease);

/// <summary>How municipalities with an immigrant share above the threshold are treated.</summary>
public enum ImmigrantShareMode
{
    /// <summary>Asked for at most a fraction of the national per-inhabitant rate.</summary>
    Cap,
    /// <summary>Not asked.</summary>
    Exclude,
    /// <summary>
    /// Taken into account, never a bound: the criteria part of the target is multiplied by
    /// <see cref="ImmigrantShareRule.ConsiderFactor"/>. The 30 % rule in the ministry's criteria concerns areas within a
    /// municipality, so it must not exclude or cap a whole municipality.
    /// </summary>
    Consider,
}

/// <summary>Avoid housing segregation: share of immigrants and Norwegian-born to immigrant parents above the threshold.</summary>
public sealed record ImmigrantShareRule(decimal ThresholdPercent, ImmigrantShareMode Mode, decimal CapFactorOfNationalRate, decimal ConsiderFactor = 1m);

/// <summary>EM (unaccompanied minors) only where the municipality can receive them.</summary>
/// <param name="HistoryYears">Years of EM settlement history that make a municipality EM-capable.</param>
/// <param name="HistoryWeight">Share of the EM target taken from EM settled in recent years; the rest follows the EM grants
/// of the latest known year (the size of the municipality's EM apparatus), or the persons requested when neither is known.</param>
/// <param name="MinimumPerMunicipality">A municipality asked for EM is asked for at least this many (a viable unit).</param>
public sealed record EmRule(int HistoryYears, decimal HistoryWeight, int MinimumPerMunicipality = 1);
