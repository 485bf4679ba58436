using System.Collections.Concurrent;
using Busetting.Data.Criteria;
using Busetting.Data.Profiles;
using Busetting.Data.Reference;
using Busetting.Domain.Municipalities;

namespace Busetting.Planning;

/// <summary>The shipped data folder, read once at start-up (≈ 1 MB): municipalities, population, indicators, settlements.</summary>
public sealed class ReferenceStore
{
    public ReferenceStore(string folder)
    {
        var loaded = ReferenceDataLoader.Load(folder);
        if (!loaded.IsSuccess)
        {
            throw new InvalidOperationException($"the data folder {folder} cannot be read: {string.Join("; ", loaded.Errors)}");
        }
        Folder = folder;
        Data = loaded.Value;
        ByNumber = Data.Municipalities.ToDictionary(m => m.Number.Value, StringComparer.Ordinal);
        Counties = Data.Municipalities.GroupBy(m => m.County.Value).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.First().CountyName)).ToList();
        _settled = Data.Settlements.GroupBy(s => (s.Municipality.Value, s.Year))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Settled ?? 0));
        _keyFigures = Data.KeyFigures.Where(k => k.CurrentNumbers.Count == 1)
            .GroupBy(k => (k.CurrentNumbers[0].Value, k.Year)).ToDictionary(g => g.Key, g => g.First());
    }

    private readonly Dictionary<(string, int), int> _settled;
    private readonly Dictionary<(string, int), KeyFigureRow> _keyFigures;

    public string Folder { get; }

    private readonly ConcurrentDictionary<int, Result<ProfileBuilder.Profiles>> _profiles = new();

    /// <summary>Municipality profiles for an allocation year (data dated up to the year before), built once per year.</summary>
    public Result<ProfileBuilder.Profiles> Profiles(SettlementYear year) =>
        _profiles.GetOrAdd(year.Value, _ => ProfileBuilder.Build(Data, year));

    public ReferenceData Data { get; }

    public IReadOnlyDictionary<string, Municipality> ByNumber { get; }

    public IReadOnlyList<(string Number, string Name)> Counties { get; }

    public Municipality? Find(string? kommunenummer) =>
        kommunenummer is not null && ByNumber.TryGetValue(kommunenummer, out var m) ? m : null;

    public int? Population(string kommunenummer, int dataYear) =>
        MunicipalityNumber.TryParse(kommunenummer, out var n, out _) && Data.Population.TryGetValue(n, out var byYear) && byYear.TryGetValue(dataYear, out var p) ? p : null;

    /// <summary>Settled persons per municipality and year (IMDi), summed over the rows of that year.</summary>
    public int? Settled(string kommunenummer, int dataYear) => _settled.TryGetValue((kommunenummer, dataYear), out var n) ? n : null;

    public IReadOnlyList<int> SettledYears => Data.Settlements.Select(s => s.Year).Distinct().Order().ToList();

    /// <summary>IMDi's published key figures (requested, decided, settled) for a municipality and year, mapped to 2024 numbers.</summary>
    public KeyFigureRow? KeyFigures(string kommunenummer, int dataYear) => _keyFigures.GetValueOrDefault((kommunenummer, dataYear));

    public IReadOnlyList<int> KeyFigureYears => Data.KeyFigures.Select(k => k.Year).Distinct().Order().ToList();

    /// <summary>The shipped criteria for a year (its own file, else the newest earlier one).</summary>
    public string DefaultCriteriaJson(SettlementYear year)
    {
        var found = CriteriaJson.ForYear(Folder, year.Value);
        return found.IsSuccess ? CriteriaJson.Write(found.Value.Criteria) : throw new InvalidOperationException(string.Join("; ", found.Errors));
    }
}
