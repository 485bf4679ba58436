using Busetting.Domain.Municipalities;

namespace Busetting.Domain.Allocation;

/// <summary>A measured value with its provenance, so every number in an explanation can name its source and year.</summary>
public sealed record IndicatorValue(string IndicatorId, decimal Value, int Year, string Source);

/// <summary>What one municipality requested, decided and settled in an earlier year (null where unknown).</summary>
/// <param name="SettledEmSuppressed">IMDi suppressed a small (&lt; 5) EM count: some EM were settled.</param>
public sealed record HistoryPoint(int Year, int? Requested, int? Decided, int? Settled, int? SettledEm, bool SettledEmSuppressed);

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
