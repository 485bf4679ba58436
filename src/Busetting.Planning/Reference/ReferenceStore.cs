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
        ByNumber = Data.Municipalities.ToDictionary(m => m.Number);
        Counties = Data.Municipalities.GroupBy(m => m.County.Value).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.First().CountyName)).ToList();
        _settled = Data.Settlements.GroupBy(s => (s.Municipality, s.Year))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Settled ?? 0));
        _keyFigures = Data.KeyFigures.Where(k => k.CurrentNumbers.Count == 1)
            .GroupBy(k => (k.CurrentNumbers[0], k.Year)).ToDictionary(g => g.Key, g => g.First());
    }

    private readonly Dictionary<(MunicipalityNumber, int), int> _settled;
    private readonly Dictionary<(MunicipalityNumber, int), KeyFigureRow> _keyFigures;

    public string Folder { get; }

    private readonly ConcurrentDictionary<int, Result<ProfileBuilder.Profiles>> _profiles = new();

    /// <summary>Municipality profiles for an allocation year (data dated up to the year before), built once per year.</summary>
    public Result<ProfileBuilder.Profiles> Profiles(SettlementYear year) =>
        _profiles.GetOrAdd(year.Value, _ => ProfileBuilder.Build(Data, year));

    public ReferenceData Data { get; }

    public IReadOnlyDictionary<MunicipalityNumber, Municipality> ByNumber { get; }

    public IReadOnlyList<(string Number, string Name)> Counties { get; }

    public Municipality? Find(MunicipalityNumber? kommunenummer) =>
        kommunenummer is { } number && ByNumber.TryGetValue(number, out var m) ? m : null;

    /// <summary>The municipality a typed-in or routed number names; null when the text is no kommunenummer or names none.</summary>
    public Municipality? Find(string? text) => MunicipalityNumber.TryParse(text, out var number, out _) ? Find(number) : null;

    public int? Population(MunicipalityNumber kommunenummer, int dataYear) =>
        Data.Population.TryGetValue(kommunenummer, out var byYear) && byYear.TryGetValue(dataYear, out var p) ? p : null;

    /// <summary>Settled persons per municipality and year (IMDi), summed over the rows of that year.</summary>
    public int? Settled(MunicipalityNumber kommunenummer, int dataYear) => _settled.TryGetValue((kommunenummer, dataYear), out var n) ? n : null;

    public IReadOnlyList<int> SettledYears => Data.Settlements.Select(s => s.Year).Distinct().Order().ToList();

    /// <summary>IMDi's published key figures (requested, decided, settled) for a municipality and year, mapped to 2024 numbers.</summary>
    public KeyFigureRow? KeyFigures(MunicipalityNumber kommunenummer, int dataYear) => _keyFigures.GetValueOrDefault((kommunenummer, dataYear));

    public IReadOnlyList<int> KeyFigureYears => Data.KeyFigures.Select(k => k.Year).Distinct().Order().ToList();

    /// <summary>The shipped criteria for a year (its own file, else the newest earlier one).</summary>
    public string DefaultCriteriaJson(SettlementYear year)
    {
        var found = CriteriaJson.ForYear(Folder, year.Value);
        return found.IsSuccess ? CriteriaJson.Write(found.Value.Criteria) : throw new InvalidOperationException(string.Join("; ", found.Errors));
    }
}
