using Busetting.Data.Csv;
using Busetting.Data.Import;
using Busetting.Domain.Allocation;
using Busetting.Domain.Municipalities;

namespace Busetting.Data.Reference;

/// <summary>Reads a data folder laid out like the shipped data/ (see data/SOURCES.md). Any error fails the whole load.</summary>
public static partial class ReferenceDataLoader
{
    public const string MunicipalitiesFile = "kommuner_2024.csv";
    public const string PopulationFile = "ssb_folketall_2020_2026_kommuner2024.csv";
    public const string ChangesFile = "ssb_kommuneendringer_2011_2024.csv";
    public const string ImmigrantShareFile = "ssb_innvandrere_norskfodte_andel_2020.csv";
    public const string CentralityFile = "ssb_sentralitetsindeks_2020.csv";
    public const string UnemploymentFile = "nav_helt_ledige_pst_jan_feb_2020.csv";
    public const string SettlementsFile = "imdi_bosatte_flyktninger_2022_2024.csv";
    public const string ReceptionCentresFile = "udi_ukrainere_i_mottak_2024-01-31.csv";
    public const string GrantsFile = "imdi_tilskudd_kommune_2022_2024.csv";

    /// <summary>The grant type that pays for settling unaccompanied minors (IMDi's name).</summary>
    public const string EmGrantType = "Tilskudd til bosetting av enslige mindreårige flyktninger";

    /// <summary>When IMDi delivered the settlement figures (data/SOURCES.md): totals on 13.11.2024, EM on 09.02.2024.</summary>
    public static readonly DateOnly SettledRetrieved = new(2024, 11, 13);

    public static readonly DateOnly SettledEmRetrieved = new(2024, 2, 9);
    public const string IndicatorFolder = "indicators";

    public static Result<ReferenceData> Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return Error.NotFound("data.folder", $"data folder not found: {folder}") with { Values = new Dictionary<string, object> { ["folder"] = folder } };
        }
        var errors = new List<Error>();
        var notes = new List<DataNote>();
        var municipalities = Collect(ReadMunicipalities(Path.Combine(folder, MunicipalitiesFile)), errors) ?? [];
        var changes = new CodeChanges(Collect(ReadChanges(Path.Combine(folder, ChangesFile)), errors) ?? []);
        var known = municipalities.Select(m => m.Number).ToHashSet();
        var population = Collect(ReadPopulation(Path.Combine(folder, PopulationFile), known), errors) ?? [];
        var indicators = new List<MunicipalityIndicator>();
        indicators.AddRange(Collect(ReadCovidNorge(Path.Combine(folder, ImmigrantShareFile), "innvandrere_og_norskfodte_med_innvandrerforeldre_pst_2020",
            IndicatorIds.ImmigrantShare, 2020, "SSB 09817, 1 January 2020 (via covidnorge, UiT)", known), errors) ?? []);
        indicators.AddRange(Collect(ReadCovidNorge(Path.Combine(folder, CentralityFile), "sentralitetsindeks_2020",
            IndicatorIds.Centrality, 2020, "SSB sentralitetsindeks 2020 (via covidnorge, UiT)", known), errors) ?? []);
        indicators.AddRange(Collect(ReadCovidNorge(Path.Combine(folder, UnemploymentFile), "helt_ledige_pst_arbeidsstyrken_snitt_jan_feb_2020",
            IndicatorIds.Unemployment, 2020, "NAV helt ledige, gjennomsnitt for januar–februar 2020 (via covidnorge, UiT)", known), errors) ?? []);
        indicators.AddRange(Collect(ReadReceptionCentres(Path.Combine(folder, ReceptionCentresFile), known), errors) ?? []);
        var settlements = Collect(ReadSettlements(Path.Combine(folder, SettlementsFile), known), errors) ?? [];
        var grantsPath = Path.Combine(folder, GrantsFile);
        var grants = File.Exists(grantsPath) ? Collect(ReadEmGrants(grantsPath, known), errors) ?? [] : [];
        if (!File.Exists(grantsPath))
        {
            notes.Add(new NoEmGrantsFileNote(GrantsFile));
        }

        var keyFigures = new List<KeyFigureRow>();
        foreach (var file in Directory.GetFiles(folder, KeyFiguresCsv.FilePrefix + "*.csv").Order(StringComparer.Ordinal))
        {
            keyFigures.AddRange(Collect(KeyFiguresCsv.Read(file, known, changes), errors) ?? []);
        }
        var indicatorFolder = Path.Combine(folder, IndicatorFolder);
        if (Directory.Exists(indicatorFolder))
        {
            foreach (var file in Directory.GetFiles(indicatorFolder, "*.csv").Order(StringComparer.Ordinal))
            {
                var imported = Collect(IndicatorCsv.Read(file, known, changes), errors) ?? [];
                indicators.AddRange(imported.Where(i => i.Value.IndicatorId != IndicatorIds.Population));
                foreach (var p in imported.Where(i => i.Value.IndicatorId == IndicatorIds.Population))
                {
                    population.TryAdd(p.Municipality, []);
                    population[p.Municipality][p.Value.Year] = (int)p.Value.Value;
                }
                notes.Add(new IndicatorsImportedNote(Path.GetFileName(file), imported.Count));
            }
        }
        var duplicated = indicators.GroupBy(i => (i.Municipality, i.Value.IndicatorId, i.Value.Year)).FirstOrDefault(g => g.Count() > 1);
        if (duplicated is not null)
        {
            errors.Add(Error.Invalid("data.duplicate", $"indicator '{duplicated.Key.IndicatorId}' for {duplicated.Key.Municipality} in {duplicated.Key.Year} is given by more than one file: {string.Join(", ", duplicated.Select(d => d.Value.Source))}", folder));
        }
        if (errors.Count > 0)
        {
            return Result<ReferenceData>.Fail(errors);
        }
        return new ReferenceData(folder, municipalities, population.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<int, int>)p.Value),
            "SSB 07459 (Kommuner 2024, sammenslåtte tidsserier)", changes, indicators, settlements, keyFigures, notes, grants);
    }

    private static T? Collect<T>(Result<T> result, List<Error> errors) where T : class
    {
        if (result.IsSuccess)
        {
            return result.Value;
        }
        errors.AddRange(result.Errors);
        return null;
    }

    /// <summary>Reads a CSV file with these columns into one item per row, stopping at the first row in error; a row read as null is skipped.</summary>
    private static Result<List<T>> ReadRows<T>(string path, string[] columns, Func<CsvTable, CsvRow, Result<T?>> read) where T : class
    {
        var table = CsvTable.Read(path, columns);
        if (!table.IsSuccess)
        {
            return Result<List<T>>.Fail(table.Errors);
        }
        var list = new List<T>();
        foreach (var row in table.Value.Rows)
        {
            var item = read(table.Value, row);
            if (!item.IsSuccess)
            {
                return Result<List<T>>.Fail(item.Errors);
            }
            if (item.Value is { } value)
            {
                list.Add(value);
            }
        }
        return list;
    }
}
