using System.Globalization;
using Busetting.Data.Reference;
using Busetting.Domain.Allocation;
using Busetting.Domain.Errors;
using Busetting.Domain.Primitives;

namespace Busetting.Data.Profiles;

/// <summary>
/// Builds each municipality's profile for a settlement year from what existed when that year's letters were written
/// (autumn of Y−1): population on 1 January Y−1 or earlier, indicators, settlements and requests of Y−1 or earlier.
/// Nothing dated in year Y or later is ever used.
/// </summary>
public static class ProfileBuilder
{
    public sealed record Profiles(IReadOnlyList<MunicipalityProfile> Municipalities, IReadOnlyList<string> Notes);

    public static Result<Profiles> Build(ReferenceData data, SettlementYear year)
    {
        var lastYear = year.LastDataYear;
        var notes = new List<string>(data.Notes);
        var populationYears = data.Population.Values.SelectMany(p => p.Keys).Distinct().Where(y => y <= lastYear).ToList();
        if (populationYears.Count == 0)
        {
            return Error.Invalid("data.population", string.Create(CultureInfo.InvariantCulture,
                $"no population figures on 1 January {lastYear} or earlier; the earliest in the data is {data.Population.Values.SelectMany(p => p.Keys).DefaultIfEmpty().Min()}"));
        }
        var populationYear = populationYears.Max();
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"population: 1 January {populationYear} ({data.PopulationSource})"));
        if (populationYear < lastYear)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"population of 1 January {lastYear} is not in the data; using {populationYear}"));
        }

        var indicators = data.Indicators
            .Where(i => i.Value.Year <= lastYear)
            .GroupBy(i => (i.Municipality, i.Value.IndicatorId))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(i => i.Value.Year).First().Value);
        foreach (var unused in data.Indicators.Where(i => i.Value.Year > lastYear).GroupBy(i => (i.Value.IndicatorId, i.Value.Year)).OrderBy(g => g.Key.IndicatorId, StringComparer.Ordinal))
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"not used (dated {unused.Key.Year}, after the letters for {year} were written): '{unused.Key.IndicatorId}'"));
        }
        var history = HistoryByMunicipality(data, lastYear, notes);

        var profiles = new List<MunicipalityProfile>();
        foreach (var municipality in data.Municipalities)
        {
            var number = municipality.Number;
            var population = data.Population.TryGetValue(number, out var series) && series.TryGetValue(populationYear, out var p) ? p : 0;
            var own = IndicatorIds.Importable.Append(IndicatorIds.Centrality)
                .Where(id => indicators.ContainsKey((number, id)))
                .Distinct()
                .ToDictionary(id => id, id => indicators[(number, id)]);
            own.Remove(IndicatorIds.ReceptionCentreResidents, out var reception);
            own.Remove(IndicatorIds.EmCapable, out var emCapable);
            profiles.Add(new MunicipalityProfile(municipality, population, populationYear, own, reception,
                emCapable is null ? null : emCapable.Value > 0, history.GetValueOrDefault(number) ?? [],
                population == 0 ? NotSeparate(data, number, populationYear) : null));
        }
        return new Profiles(profiles, notes);
    }

    /// <summary>A municipality with no residents at the reference date did not exist on its own: say which one it was part of.</summary>
    private static string NotSeparate(ReferenceData data, MunicipalityNumber number, int populationYear)
    {
        var split = data.Changes.SplitsCreating(number, populationYear).FirstOrDefault();
        if (split is null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"no residents recorded on 1 January {populationYear}");
        }
        var parent = data.Changes.All.Where(c => c.Date == split.Date && c.OldNumber == split.OldNumber && c.NewNumber != number)
            .Select(c => $"{c.NewNumber} {c.NewName}").FirstOrDefault() ?? $"{split.OldNumber} {split.OldName}";
        return string.Create(CultureInfo.InvariantCulture, $"part of {parent} until {split.Date:yyyy-MM-dd}");
    }

    private static Dictionary<MunicipalityNumber, List<HistoryPoint>> HistoryByMunicipality(ReferenceData data, int lastYear, List<string> notes)
    {
        var keyFigures = data.KeyFigures.Where(k => k.Year <= lastYear).ToList();
        var settlements = data.Settlements.Where(s => s.Year <= lastYear).ToList();
        var years = keyFigures.Select(k => k.Year).Concat(settlements.Select(s => s.Year)).Distinct().Order().ToList();
        notes.Add(years.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"no requests or settlements of {lastYear} or earlier in the data: continuity and EM history cannot be used")
            : string.Create(CultureInfo.InvariantCulture, $"history used: requests {Years(keyFigures.Select(k => k.Year))}, settlements {Years(settlements.Select(s => s.Year))}"));
        var ignored = data.KeyFigures.Select(k => k.Year).Concat(data.Settlements.Select(s => s.Year)).Where(y => y > lastYear).Distinct().Order().ToList();
        if (ignored.Count > 0)
        {
            notes.Add($"not used (after the letters were written): requests and settlements of {string.Join(", ", ignored)}");
        }

        var result = new Dictionary<MunicipalityNumber, List<HistoryPoint>>();
        foreach (var y in years)
        {
            // A row of an older structure that maps to several current municipalities (pre-split Ålesund) counts for the first of them.
            var figures = keyFigures.Where(k => k.Year == y).ToDictionary(k => k.CurrentNumbers[0]);
            var settled = settlements.Where(s => s.Year == y).ToDictionary(s => s.Municipality);
            foreach (var number in figures.Keys.Union(settled.Keys))
            {
                figures.TryGetValue(number, out var figure);
                settled.TryGetValue(number, out var record);
                result.TryAdd(number, []);
                result[number].Add(new HistoryPoint(y, figure?.Requested, figure?.Decided, figure?.Settled ?? record?.Settled,
                    record?.SettledEm, record?.EmSuppressed ?? false));
            }
        }
        return result;
    }

    private static string Years(IEnumerable<int> years)
    {
        var list = years.Distinct().Order().ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
