using Busetting.Data.Reference;
using Busetting.Domain.Allocation;

namespace Busetting.Data.Profiles;

/// <summary>
/// Builds each municipality's profile for a settlement year from what was known at the run's knowledge date — by
/// default when that year's letters were written (15 November Y−1): population on 1 January of a year already published,
/// indicators of Y−1 or earlier, and every history figure only from the date it was known (requests and decisions of a
/// year from 1 October that year, a whole year's settled from 1 February after it, EM grants from 1 March after it,
/// figures delivered mid-year as "up to" that date). The municipal structure is the settlement year's: a municipality
/// that exists in Y takes part even where its earlier figures sit inside another, split by population.
/// </summary>
public static class ProfileBuilder
{
    public sealed record Profiles(IReadOnlyList<MunicipalityProfile> Municipalities, IReadOnlyList<DataNote> Notes, DateOnly KnowledgeDate);

    /// <summary>When a year's request letters are written: IMDi sent them on 11 November 2021 (for 2022) and in November 2023 (for 2024).</summary>
    public static DateOnly LettersDate(SettlementYear year) => new(year.Value - 1, 11, 15);

    /// <summary>SSB publishes the population on 1 January in February; it is taken as known from 1 March.</summary>
    public static DateOnly PopulationKnownFrom(int year) => new(year, 3, 1);

    public static Result<Profiles> Build(ReferenceData data, SettlementYear year, DateOnly? knowledgeDate = null)
    {
        var asOf = knowledgeDate ?? LettersDate(year);
        if (asOf >= new DateOnly(year.Value + 1, 1, 1))
        {
            return Error.Invalid("knowledge-date", string.Create(CultureInfo.InvariantCulture,
                $"the knowledge date {asOf:yyyy-MM-dd} lies after the settlement year {year}; choose a date before 1 January {year.Value + 1}"));
        }
        var lastYear = year.LastDataYear;
        var notes = new List<DataNote>(data.Notes) { new KnowledgeDateNote(asOf) };
        var allPopulationYears = data.Population.Values.SelectMany(p => p.Keys).Distinct().ToList();
        var populationYears = allPopulationYears.Where(y => PopulationKnownFrom(y) <= asOf).ToList();
        if (populationYears.Count == 0)
        {
            return Error.Invalid("data.population", string.Create(CultureInfo.InvariantCulture,
                $"no population figures known on {asOf:yyyy-MM-dd}; the earliest in the data is 1 January {allPopulationYears.DefaultIfEmpty().Min()}"));
        }
        var populationYear = populationYears.Max();
        notes.Add(new PopulationNote(populationYear, data.PopulationSource));

        var indicators = data.Indicators
            .Where(i => i.Value.Year <= lastYear)
            .GroupBy(i => (i.Municipality, i.Value.IndicatorId))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(i => i.Value.Year).First().Value);
        foreach (var unused in data.Indicators.Where(i => i.Value.Year > lastYear).GroupBy(i => (i.Value.IndicatorId, i.Value.Year)).OrderBy(g => g.Key.IndicatorId, StringComparer.Ordinal))
        {
            notes.Add(new IndicatorAfterLettersNote(unused.Key.IndicatorId, unused.Key.Year, year.Value));
        }
        var history = HistoryByMunicipality(data, year.Value, asOf, notes);
        var population = data.Population.ToDictionary(p => p.Key, p => p.Value.GetValueOrDefault(populationYear));
        foreach (var split in Splits(data, year.Value))
        {
            ApplySplit(split, data.Population, population, history, notes);
        }

        var profiles = new List<MunicipalityProfile>();
        foreach (var municipality in data.Municipalities)
        {
            var number = municipality.Number;
            var own = IndicatorIds.Importable.Append(IndicatorIds.Centrality)
                .Where(id => indicators.ContainsKey((number, id)))
                .Distinct()
                .ToDictionary(id => id, id => indicators[(number, id)]);
            own.Remove(IndicatorIds.ReceptionCentreResidents, out var reception);
            own.Remove(IndicatorIds.EmCapable, out var emCapable);
            var residents = population.GetValueOrDefault(number);
            profiles.Add(new MunicipalityProfile(municipality, residents, populationYear, own, reception,
                emCapable is null ? null : emCapable.Value > 0, history.GetValueOrDefault(number)?.OrderBy(h => h.Year).ToList() ?? [],
                NotSeparate(data, number, year.Value) ?? (residents == 0 ? string.Create(CultureInfo.InvariantCulture, $"no residents recorded on 1 January {populationYear}") : null)));
        }
        return new Profiles(profiles, notes, asOf);
    }

    /// <summary>A split that created <see cref="New"/> out of <see cref="Parent"/> (which kept the old figures) on <see cref="Date"/>.</summary>
    private sealed record Split(DateOnly Date, MunicipalityNumber Parent, MunicipalityNumber New);

    /// <summary>Splits that happened on or before 1 January of the settlement year: both municipalities exist in it.</summary>
    private static IEnumerable<Split> Splits(ReferenceData data, int year) =>
        data.Changes.All
            .Where(c => c.Date <= new DateOnly(year, 1, 1))
            .GroupBy(c => (c.Date, c.OldNumber))
            .Where(g => g.Count() == 2)
            .Select(g =>
            {
                // The part that kept the old name (Ålesund 1507 → 1508) carries the pre-split figures in the sources.
                var parent = g.FirstOrDefault(c => c.NewName == c.OldName) ?? g.First();
                return new Split(g.Key.Date, parent.NewNumber, g.First(c => c != parent).NewNumber);
            });

    /// <summary>
    /// Before a split the sources hold the whole municipality under the part that kept the name (SSB gives Haram 0 for
    /// 2020–2023; IMDi's rows of pre-split Ålesund map to both). Share those figures by the two parts' populations on the
    /// first 1 January both have.
    /// </summary>
    private static void ApplySplit(Split split, IReadOnlyDictionary<MunicipalityNumber, IReadOnlyDictionary<int, int>> series,
        Dictionary<MunicipalityNumber, int> population, Dictionary<MunicipalityNumber, List<HistoryPoint>> history, List<DataNote> notes)
    {
        // The population ratio is read from the full series, so it may be dated after the knowledge date: it is a
        // structural fact about the split (where the border goes), not a figure about the settlement year.
        var populationMissing = population.GetValueOrDefault(split.New) == 0 && population.GetValueOrDefault(split.Parent) > 0;
        var historyToShare = history.TryGetValue(split.Parent, out var before) && before.Any(h => h.Year < split.Date.Year);
        if (!populationMissing && !historyToShare)
        {
            return; // the sources already hold both parts separately for every year used
        }
        var ratio = SplitRatio(split, series);
        if (ratio is null)
        {
            notes.Add(new SplitNotSharedNote(split.New.Value, split.Parent.Value, split.Date));
            return;
        }
        var share = ratio.Value.Share;
        if (populationMissing)
        {
            var whole = population[split.Parent];
            population[split.New] = (int)Math.Round(whole * share, MidpointRounding.AwayFromZero);
            population[split.Parent] = whole - population[split.New];
        }
        if (history.TryGetValue(split.Parent, out var parentHistory))
        {
            var newHistory = history.GetValueOrDefault(split.New) ?? [];
            foreach (var point in parentHistory.Where(h => h.Year < split.Date.Year).ToList())
            {
                var own = newHistory.FirstOrDefault(h => h.Year == point.Year);
                if (own is { Requested: > 0 } || own is { Settled: > 0 })
                {
                    continue; // figures of its own already: nothing to share
                }
                int? Part(int? value) => value is { } v ? (int)Math.Round(v * share, MidpointRounding.AwayFromZero) : null;
                int? Rest(int? value) => value is { } v ? v - Part(v)!.Value : null;
                decimal? GrantPart(decimal? value) => value is { } v ? Math.Round(v * (decimal)share, 2) : null;
                var newPoint = new HistoryPoint(point.Year, Part(point.Requested), Part(point.Decided), Part(point.Settled), Part(point.SettledEm),
                    point.SettledEmSuppressed, point.SettledUntil, GrantPart(point.EmGrant), point.EmGrantSuppressed);
                var parentPoint = point with
                {
                    Requested = Rest(point.Requested),
                    Decided = Rest(point.Decided),
                    Settled = Rest(point.Settled),
                    SettledEm = Rest(point.SettledEm),
                    EmGrant = point.EmGrant - newPoint.EmGrant,
                };
                parentHistory[parentHistory.IndexOf(point)] = parentPoint;
                newHistory.RemoveAll(h => h.Year == point.Year);
                newHistory.Add(newPoint);
            }
            history[split.New] = newHistory;
        }
        notes.Add(new SplitSharedNote(split.New.Value, split.Parent.Value, split.Date, ratio.Value.Year, share));

    }

    private static (double Share, int Year)? SplitRatio(Split split, IReadOnlyDictionary<MunicipalityNumber, IReadOnlyDictionary<int, int>> series)
    {
        if (!series.TryGetValue(split.Parent, out var parent) || !series.TryGetValue(split.New, out var created))
        {
            return null;
        }
        foreach (var year in parent.Keys.Intersect(created.Keys).Order())
        {
            if (parent[year] > 0 && created[year] > 0)
            {
                return (created[year] / (double)(parent[year] + created[year]), year);
            }
        }
        return null;
    }

    /// <summary>Set when the municipality did not exist on its own on 1 January of the settlement year.</summary>
    private static string? NotSeparate(ReferenceData data, MunicipalityNumber number, int year)
    {
        var split = data.Changes.SplitsCreating(number, year).FirstOrDefault();
        if (split is null)
        {
            return null;
        }
        var parent = data.Changes.All.Where(c => c.Date == split.Date && c.OldNumber == split.OldNumber && c.NewNumber != number)
            .Select(c => $"{c.NewNumber} {c.NewName}").FirstOrDefault() ?? $"{split.OldNumber} {split.OldName}";
        return string.Create(CultureInfo.InvariantCulture, $"part of {parent} until {split.Date:yyyy-MM-dd}");
    }

    private static Dictionary<MunicipalityNumber, List<HistoryPoint>> HistoryByMunicipality(ReferenceData data, int year, DateOnly asOf, List<DataNote> notes)
    {
        var result = new Dictionary<MunicipalityNumber, Dictionary<int, HistoryPoint>>();
        HistoryPoint Point(MunicipalityNumber number, int y)
        {
            if (!result.TryGetValue(number, out var byYear))
            {
                result[number] = byYear = [];
            }
            return byYear.TryGetValue(y, out var point) ? point : byYear[y] = new HistoryPoint(y, null, null, null, null, false);
        }
        void Set(MunicipalityNumber number, HistoryPoint point) => result[number][point.Year] = point;

        // Sorted by their technical text, as the notes always listed them.
        var used = new SortedDictionary<string, HistorySource>(StringComparer.Ordinal);
        var unused = new SortedDictionary<string, HistorySource>(StringComparer.Ordinal);
        void Track(bool known, HistorySource what) => (known ? used : unused)[what.Technical] = what;

        foreach (var row in data.KeyFigures.Where(k => k.Year < year))
        {
            // A row of an older structure that maps to several current municipalities (pre-split Ålesund) is held by the
            // first of them here and shared by population where the split has happened (ApplySplit).
            var number = row.CurrentNumbers[0];
            var requestsKnown = row.RequestsKnownFrom <= asOf;
            var settledKnown = row.SettledKnownFrom <= asOf;
            Track(requestsKnown, new HistorySource(HistoryKind.RequestsAndDecisions, row.Year, row.RequestsKnownFrom));
            Track(settledKnown, new HistorySource(HistoryKind.SettledKeyFigures, row.Year, row.SettledKnownFrom));
            var point = Point(number, row.Year);
            Set(number, point with
            {
                Requested = requestsKnown ? row.Requested : point.Requested,
                Decided = requestsKnown ? row.Decided : point.Decided,
                Settled = settledKnown && row.Settled is not null ? row.Settled : point.Settled,
            });
        }
        foreach (var record in data.Settlements.Where(s => s.Year < year))
        {
            var known = record.KnownFrom <= asOf;
            var emKnown = record.EmKnownFrom <= asOf;
            Track(known, new HistorySource(HistoryKind.Settled, record.Year, record.KnownFrom, record.Until));
            Track(emKnown, new HistorySource(HistoryKind.EmSettled, record.Year, record.EmKnownFrom, record.EmUntil));
            var point = Point(record.Municipality, record.Year);
            Set(record.Municipality, point with
            {
                // IMDi's key-figure table is the authority for a year it covers; the delivered series fills the rest.
                Settled = point.Settled ?? (known ? record.Settled : null),
                SettledUntil = point.Settled is null && known ? record.Until : point.SettledUntil,
                SettledEm = emKnown ? record.SettledEm : null,
                SettledEmSuppressed = emKnown && record.EmSuppressed,
            });
        }
        foreach (var grant in (data.EmGrants ?? []).Where(g => g.Year < year))
        {
            var known = grant.KnownFrom <= asOf;
            Track(known, new HistorySource(HistoryKind.EmGrants, grant.Year, grant.KnownFrom));
            if (known)
            {
                var point = Point(grant.Municipality, grant.Year);
                Set(grant.Municipality, point with { EmGrant = grant.Kroner ?? 0, EmGrantSuppressed = grant.Suppressed });
            }
        }
        notes.Add(used.Count == 0 ? new NoHistoryNote(asOf) : new HistoryUsedNote([.. used.Values]));
        if (unused.Count > 0)
        {
            notes.Add(new HistoryNotYetKnownNote(asOf, [.. unused.Values]));
        }
        var ignored = data.KeyFigures.Select(k => k.Year).Concat(data.Settlements.Select(s => s.Year)).Where(y => y >= year).Distinct().Order().ToList();
        if (ignored.Count > 0)
        {
            notes.Add(new HistoryIgnoredNote(ignored));
        }
        return result.ToDictionary(r => r.Key, r => r.Value.Values.ToList());
    }
}
