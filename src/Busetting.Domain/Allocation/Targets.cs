using System.Globalization;
using Busetting.Domain.Criteria;
using Busetting.Domain.Primitives;

namespace Busetting.Domain.Allocation;

/// <summary>One criterion's part of a municipality's target, with the data it rests on.</summary>
/// <param name="Weight">The effective weight after weight from criteria without data was moved here.</param>
/// <param name="Share">The municipality's share of everything this criterion hands out (0–1).</param>
/// <param name="Persons">need × weight × share.</param>
/// <param name="Factor">For indicator criteria: how the indicator moved the size share (1 = national mean).</param>
public sealed record CriterionContribution(
    string CriterionId,
    decimal Weight,
    double Share,
    double Persons,
    IndicatorValue? Indicator,
    double? Factor,
    bool IndicatorMissing);

/// <summary>Weight moved from a criterion whose data is missing to named proxies.</summary>
public sealed record WeightMove(string FromCriterion, IReadOnlyList<string> ToCriteria, decimal Weight, string Reason)
{
    /// <summary>The same move as a typed note, for the words in Bokmål and Nynorsk.</summary>
    internal WeightMovedNote? Note { get; init; }
}

/// <summary>The continuity anchor's part of a municipality's target: need × anchor share × the municipality's pattern share.</summary>
/// <param name="RequestedShare">Its share of the pattern year's requests (and decisions), when known.</param>
/// <param name="SettledShare">Its share of the pattern year's settled, when known.</param>
/// <param name="Requested">The municipality's own request in the pattern year, when known (what the explanation shows).</param>
/// <param name="Settled">The municipality's own settled in the pattern year, when known.</param>
public sealed record AnchorContribution(int Year, decimal AnchorShare, double Share, double Persons, double? RequestedShare, double? SettledShare,
    int? Requested = null, int? Settled = null);

/// <summary>A municipality's target before any rule: the anchor (if any) plus the sum of its criteria contributions.</summary>
/// <param name="ImmigrantFactor">Set when the immigrant-share consideration reduced the criteria part (the factor applied).</param>
public sealed record MunicipalityTarget(MunicipalityNumber Municipality, double Target, IReadOnlyList<CriterionContribution> Contributions,
    AnchorContribution? Anchor = null, decimal? ImmigrantFactor = null);

/// <summary>Targets for all municipalities that take part, the effective weights, and how missing data was handled.</summary>
/// <param name="AnchorShare">The share of the need that followed the recent pattern (0 when no pattern is known).</param>
public sealed record TargetResult(
    IReadOnlyList<MunicipalityTarget> Targets,
    IReadOnlyDictionary<string, decimal> EffectiveWeights,
    IReadOnlyList<WeightMove> WeightMoves,
    IReadOnlyList<DataNote> Warnings,
    decimal AnchorShare = 0,
    ContinuityPattern? Pattern = null);

/// <summary>Turns a criteria set and the municipalities' data into criteria targets that sum to the need.</summary>
public static class TargetCalculator
{
    /// <summary>An indicator criterion counts as having data when at least this share of municipalities have a value.</summary>
    public const double MinimumCoverage = 0.5;

    public static TargetResult Calculate(CriteriaSet criteria, IReadOnlyList<MunicipalityProfile> participants, int year, int total)
    {
        var warnings = new List<DataNote>();
        var available = criteria.Criteria.ToDictionary(c => c.Id, c => HasData(c, participants, year, criteria.HistoryYears));
        var (weights, moves) = EffectiveWeights(criteria, available);
        foreach (var move in moves)
        {
            warnings.Add(move.Note!);
        }

        var (anchorShare, pattern) = Anchor(criteria, participants, year, warnings);
        var criteriaTotal = total * (1 - (double)anchorShare);
        var immigrantRule = criteria.Rules.ImmigrantShare;

        var rawByCriterion = new Dictionary<string, double[]>();
        var rawSums = new Dictionary<string, double>();
        var factorByCriterion = new Dictionary<string, double[]>();
        foreach (var criterion in criteria.Criteria.Where(c => weights[c.Id] > 0))
        {
            var (raw, factors) = RawWeights(criterion, criteria, participants, year);
            rawByCriterion[criterion.Id] = raw;
            rawSums[criterion.Id] = raw.Sum();
            factorByCriterion[criterion.Id] = factors;
        }

        var targets = new List<MunicipalityTarget>(participants.Count);
        for (var i = 0; i < participants.Count; i++)
        {
            var profile = participants[i];
            var contributions = new List<CriterionContribution>();
            foreach (var criterion in criteria.Criteria)
            {
                var weight = weights[criterion.Id];
                IndicatorValue? indicator = null;
                if (criterion.IndicatorId is { } indicatorId)
                {
                    profile.Indicators.TryGetValue(indicatorId, out indicator);
                }
                if (weight == 0)
                {
                    contributions.Add(new CriterionContribution(criterion.Id, 0, 0, 0, indicator, null, indicator is null && criterion.Kind == CriterionKind.SizeScaledIndicator));
                    continue;
                }
                var sum = rawSums[criterion.Id];
                var share = sum > 0 ? rawByCriterion[criterion.Id][i] / sum : 0;
                var persons = criteriaTotal * (double)weight * share;
                double? factor = criterion.Kind == CriterionKind.SizeScaledIndicator ? factorByCriterion[criterion.Id][i] : null;
                contributions.Add(new CriterionContribution(criterion.Id, weight, share, persons, indicator,
                    factor, criterion.Kind == CriterionKind.SizeScaledIndicator && indicator is null));
            }
            decimal? immigrantFactor = null;
            if (immigrantRule.Mode == ImmigrantShareMode.Consider && immigrantRule.ConsiderFactor < 1
                && profile.Indicators.TryGetValue(IndicatorIds.ImmigrantShare, out var immigrants) && immigrants.Value > immigrantRule.ThresholdPercent)
            {
                immigrantFactor = immigrantRule.ConsiderFactor;
                contributions = contributions.Select(c => c with { Persons = c.Persons * (double)immigrantRule.ConsiderFactor }).ToList();
            }
            var point = pattern is null ? null : profile.History.FirstOrDefault(h => h.Year == pattern.Year);
            AnchorContribution? anchor = pattern is null ? null : new AnchorContribution(pattern.Year, anchorShare, pattern.Shares[i],
                total * (double)anchorShare * pattern.Shares[i], pattern.RequestedShares?[i], pattern.SettledShares?[i],
                pattern.RequestedShares is null ? null : point?.Requested ?? 0, pattern.SettledShares is null ? null : point?.Settled ?? 0);
            targets.Add(new MunicipalityTarget(profile.Municipality.Number, (anchor?.Persons ?? 0) + contributions.Sum(c => c.Persons), contributions,
                anchor, immigrantFactor));
        }
        return new TargetResult(targets, weights, moves, warnings, anchorShare, pattern);
    }

    /// <summary>The anchor share in force and the pattern it follows; no pattern known means the criteria carry the whole need.</summary>
    private static (decimal Share, ContinuityPattern? Pattern) Anchor(CriteriaSet criteria, IReadOnlyList<MunicipalityProfile> participants, int year, List<DataNote> warnings)
    {
        if (criteria.Anchor is not { Share: > 0 } anchor)
        {
            return (0, null);
        }
        var pattern = ContinuityPattern.Of(participants, year, (double)anchor.RequestWeight);
        if (pattern is null)
        {
            warnings.Add(new AnchorUnusedNote(anchor.Share, year));
            return (0, null);
        }
        if (pattern.Year < year - 1)
        {
            warnings.Add(new AnchorOlderPatternNote(year - 1, pattern.Year));
        }
        return (anchor.Share, pattern);
    }

    /// <summary>Whether a criterion has the data it needs this year.</summary>
    public static bool HasData(CriterionDefinition criterion, IReadOnlyList<MunicipalityProfile> participants, int year, int historyYears) =>
        criterion.Kind switch
        {
            CriterionKind.Size or CriterionKind.Equal => participants.Count > 0,
            CriterionKind.SizeScaledIndicator => participants.Count > 0 &&
                participants.Count(p => p.Indicators.ContainsKey(criterion.IndicatorId!)) >= MinimumCoverage * participants.Count,
            CriterionKind.History => HistorySeries(participants, year, historyYears).Count > 0,
        };

    /// <summary>
    /// Weight of a criterion without data goes, in equal parts, to the named proxies that have data;
    /// if none of them has data, to all criteria with data in proportion to their weights.
    /// </summary>
    public static (Dictionary<string, decimal> Weights, List<WeightMove> Moves) EffectiveWeights(
        CriteriaSet criteria, IReadOnlyDictionary<string, bool> available)
    {
        var weights = criteria.Criteria.ToDictionary(c => c.Id, c => available[c.Id] ? c.Weight : 0m);
        var moves = new List<WeightMove>();
        foreach (var missing in criteria.Criteria.Where(c => !available[c.Id] && c.Weight > 0))
        {
            var proxies = missing.WhenMissingMoveTo.Where(id => available[id]).ToList();
            WeightMovedNote note;
            if (proxies.Count > 0)
            {
                var part = missing.Weight / proxies.Count;
                foreach (var proxy in proxies)
                {
                    weights[proxy] += part;
                }
                note = Moved(criteria, missing, proxies, spreadOverAll: false);
            }
            else
            {
                proxies = criteria.Criteria.Where(c => available[c.Id] && c.Weight > 0).Select(c => c.Id).ToList();
                var baseSum = proxies.Sum(id => criteria.Criteria.First(c => c.Id == id).Weight);
                foreach (var proxy in proxies)
                {
                    weights[proxy] += missing.Weight * criteria.Criteria.First(c => c.Id == proxy).Weight / baseSum;
                }
                note = Moved(criteria, missing, proxies, spreadOverAll: true);
            }
            moves.Add(new WeightMove(missing.Id, proxies, missing.Weight, note.Technical) { Note = note });
        }
        return (weights, moves);
    }

    private static WeightMovedNote Moved(CriteriaSet criteria, CriterionDefinition missing, List<string> to, bool spreadOverAll) => new(
        NoteCriterion.Of(missing),
        missing.Kind switch
        {
            CriterionKind.SizeScaledIndicator => MissingData.Indicator,
            CriterionKind.History => MissingData.History,
            _ => MissingData.Other,
        },
        missing.IndicatorId,
        to.Select(id => NoteCriterion.Of(criteria.Criteria.First(c => c.Id == id))).ToList(),
        missing.Weight,
        spreadOverAll);

    private static (double[] Raw, double[] Factors) RawWeights(
        CriterionDefinition criterion, CriteriaSet criteria, IReadOnlyList<MunicipalityProfile> participants, int year)
    {
        var n = participants.Count;
        var raw = new double[n];
        var factors = new double[n];
        Array.Fill(factors, 1.0);
        switch (criterion.Kind)
        {
            case CriterionKind.Size:
                for (var i = 0; i < n; i++)
                {
                    raw[i] = CriterionFunctions.Size(participants[i].Population, criteria.SizeElasticity);
                }
                break;
            case CriterionKind.Equal:
                Array.Fill(raw, CriterionFunctions.Equal());
                break;
            case CriterionKind.SizeScaledIndicator:
                var values = participants
                    .Select(p => p.Indicators.TryGetValue(criterion.IndicatorId!, out var v) ? (double?)(double)v.Value : null)
                    .ToArray();
                var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
                var mean = present.Count > 0 ? present.Average() : 0;
                for (var i = 0; i < n; i++)
                {
                    factors[i] = CriterionFunctions.IndicatorFactor(values[i], mean, criterion.Direction, criteria.IndicatorClip);
                    raw[i] = CriterionFunctions.Size(participants[i].Population, criteria.SizeElasticity) * factors[i];
                }
                break;
            case CriterionKind.History:
                var series = HistorySeries(participants, year, criteria.HistoryYears);
                for (var i = 0; i < n; i++)
                {
                    raw[i] = CriterionFunctions.HistoryShare(series.Select(s => s.Values[i] / s.Total));
                }
                break;
        }
        return (raw, factors);
    }

    /// <summary>A year's requests or settlements across all participants, where that year and series have data.</summary>
    public sealed record Series(int Year, string Kind, double[] Values, double Total);

    /// <summary>The requested and settled series of the <paramref name="historyYears"/> years before <paramref name="year"/>.</summary>
    public static List<Series> HistorySeries(IReadOnlyList<MunicipalityProfile> participants, int year, int historyYears)
    {
        var result = new List<Series>();
        for (var y = year - historyYears; y < year; y++)
        {
            var requested = participants.Select(p => (double)(p.History.FirstOrDefault(h => h.Year == y)?.Requested ?? 0)).ToArray();
            var settled = participants.Select(p => (double)(p.History.FirstOrDefault(h => h.Year == y)?.Settled ?? 0)).ToArray();
            if (requested.Sum() > 0)
            {
                result.Add(new Series(y, "requested", requested, requested.Sum()));
            }
            if (settled.Sum() > 0)
            {
                result.Add(new Series(y, "settled", settled, settled.Sum()));
            }
        }
        return result;
    }
}
