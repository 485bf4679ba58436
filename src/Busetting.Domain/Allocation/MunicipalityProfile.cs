using Busetting.Domain.Municipalities;

namespace Busetting.Domain.Allocation;

/// <summary>A measured value with its provenance, so every number in an explanation can name its source and year.</summary>
public sealed record IndicatorValue(string IndicatorId, decimal Value, int Year, string Source);

/// <summary>
/// What one municipality requested, decided and settled in an earlier year, as far as it was known at the run's
/// knowledge date (null where unknown or not yet known then).
/// </summary>
/// <param name="SettledEmSuppressed">IMDi suppressed a small (&lt; 5) EM count: some EM were settled.</param>
/// <param name="SettledUntil">Set when <paramref name="Settled"/> covers only part of the year (settled up to this date).</param>
/// <param name="EmGrant">IMDi's grant for settling unaccompanied minors paid that year, in kroner (0 when suppressed).</param>
/// <param name="EmGrantSuppressed">IMDi paid an EM grant that year but suppressed its (small) amount.</param>
public sealed record HistoryPoint(int Year, int? Requested, int? Decided, int? Settled, int? SettledEm, bool SettledEmSuppressed,
    DateOnly? SettledUntil = null, decimal? EmGrant = null, bool EmGrantSuppressed = false);

/// <summary>Everything the allocation may know about one municipality for one settlement year, all of it dated before that year.</summary>
/// <param name="Population">Residents on 1 January of <paramref name="PopulationYear"/>.</param>
/// <param name="NotSeparateReason">Set when the municipality did not exist on its own at the reference date.</param>
/// <param name="EmCapable">True or false from an imported indicator; null when no such data exists.</param>
public sealed record MunicipalityProfile(
    Municipality Municipality,
    int Population,
    int PopulationYear,
    IReadOnlyDictionary<string, IndicatorValue> Indicators,
    IndicatorValue? ReceptionCentre,
    bool? EmCapable,
    IReadOnlyList<HistoryPoint> History,
    string? NotSeparateReason = null)
{
    public bool HostsReceptionCentre => ReceptionCentre is { Value: > 0 };
}
