using System.Globalization;

namespace Busetting.Domain.Allocation;

/// <summary>
/// A municipality's recent pattern: its share of the latest known year's requests (averaged with its share of that
/// year's council decisions, when known) and of that year's settled refugees. Only the most recent year with any known
/// figure is used, so the pattern is "last year" whenever last year is known.
/// </summary>
/// <param name="Year">The year the pattern describes.</param>
/// <param name="RequestedShares">Share of the requests (and decisions) per participant, or null when that year's requests are unknown.</param>
/// <param name="SettledShares">Share of the settled per participant, or null when that year's settlements are unknown.</param>
/// <param name="SettledUntil">Set when the settled figures cover only part of the year.</param>
/// <param name="Shares">The pattern: requestWeight × requested + (1 − requestWeight) × settled, or the one that is known.</param>
public sealed record ContinuityPattern(
    int Year,
    double[]? RequestedShares,
    bool DecisionsIncluded,
    double[]? SettledShares,
    DateOnly? SettledUntil,
    double[] Shares)
{
    /// <summary>The pattern for <paramref name="participants"/> from their (already date-filtered) history, or null when none is known.</summary>
    public static ContinuityPattern? Of(IReadOnlyList<MunicipalityProfile> participants, int year, double requestWeight)
    {
        var known = participants.SelectMany(p => p.History)
            .Where(h => h.Year < year && (h.Requested > 0 || h.Settled > 0))
            .Select(h => h.Year)
            .DefaultIfEmpty(0)
            .Max();
        if (known == 0)
        {
            return null;
        }
        var points = participants.Select(p => p.History.FirstOrDefault(h => h.Year == known)).ToList();
        var requested = SharesOf(points.Select(h => h?.Requested).ToList());
        var decided = SharesOf(points.Select(h => h?.Decided).ToList());
        if (requested is not null && decided is not null)
        {
            requested = requested.Zip(decided, (r, d) => (r + d) / 2).ToArray();
        }
        var settled = SharesOf(points.Select(h => h?.Settled).ToList());
        var until = points.Select(h => h?.SettledUntil).FirstOrDefault(d => d is not null);
        double[] shares;
        if (requested is not null && settled is not null)
        {
            shares = requested.Zip(settled, (r, s) => requestWeight * r + (1 - requestWeight) * s).ToArray();
        }
        else
        {
            shares = requested ?? settled!;
        }
        return new ContinuityPattern(known, requested, requested is not null && decided is not null, settled, until, shares);
    }

    /// <summary>Which figures the pattern rests on, for warnings and the Teknisk section.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"continuity pattern from {Year}: {string.Join(" + ", new[]
        {
            RequestedShares is null ? null : DecisionsIncluded ? "requests and council decisions" : "requests",
            SettledShares is null ? null : SettledUntil is { } d ? $"settled up to {d:yyyy-MM-dd}" : "settled (whole year)",
        }.Where(s => s is not null))}");

    private static double[]? SharesOf(IReadOnlyList<int?> values)
    {
        var sum = values.Sum(v => (double)(v ?? 0));
        return sum > 0 ? values.Select(v => (v ?? 0) / sum).ToArray() : null;
    }
}
