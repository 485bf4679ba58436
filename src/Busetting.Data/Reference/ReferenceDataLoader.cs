using System.Globalization;
using Busetting.Data.Csv;
using Busetting.Data.Import;
using Busetting.Domain.Allocation;
using Busetting.Domain.Errors;
using Busetting.Domain.Municipalities;
using Busetting.Domain.Primitives;

namespace Busetting.Data.Reference;

/// <summary>Reads a data folder laid out like the shipped data/ (see data/SOURCES.md). Any error fails the whole load.</summary>
public static class ReferenceDataLoader
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
            return Error.NotFound("data.folder", $"data folder not found: {folder}");
        }
        var errors = new List<Error>();
        var notes = new List<string>();
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
            notes.Add($"no EM grants file ({GrantsFile}): EM capability rests on EM settled and imported capacity only");
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
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"imported indicators from {Path.GetFileName(file)}: {imported.Count} values"));
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

    private static Result<List<Municipality>> ReadMunicipalities(string path)
    {
        var table = CsvTable.Read(path, ["kommunenummer", "kommunenavn", "kommunenavn_offisielt", "fylkesnummer", "fylkesnavn", "landsdel", "malform", "ba_region_nr", "ba_region_navn"]);
        if (!table.IsSuccess)
        {
            return Result<List<Municipality>>.Fail(table.Errors);
        }
        var t = table.Value;
        var list = new List<Municipality>();
        foreach (var row in t.Rows)
        {
            var number = CsvFields.Municipality(t, row, "kommunenummer");
            if (!number.IsSuccess)
            {
                return Result<List<Municipality>>.Fail(number.Errors);
            }
            var form = t.Get(row, "malform") switch
            {
                "Bokmål" => LanguageForm.Bokmal,
                "Nynorsk" => LanguageForm.Nynorsk,
                _ => LanguageForm.Neutral,
            };
            int? region = int.TryParse(t.Get(row, "ba_region_nr"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : null;
            list.Add(new Municipality(number.Value, t.Get(row, "kommunenavn"), t.Get(row, "kommunenavn_offisielt"),
                CountyNumber.Parse(t.Get(row, "fylkesnummer")), t.Get(row, "fylkesnavn"), t.Get(row, "landsdel"), form,
                region, t.Get(row, "ba_region_navn") is { Length: > 0 } name ? name : null));
        }
        var duplicate = list.GroupBy(m => m.Number).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? list : Error.Invalid("data.duplicate", $"kommunenummer {duplicate.Key} appears twice", path);
    }

    private static Result<List<CodeChange>> ReadChanges(string path)
    {
        var table = CsvTable.Read(path, ["endringsdato", "gammelt_nummer", "gammelt_navn", "nytt_nummer", "nytt_navn"]);
        if (!table.IsSuccess)
        {
            return Result<List<CodeChange>>.Fail(table.Errors);
        }
        var t = table.Value;
        var list = new List<CodeChange>();
        foreach (var row in t.Rows)
        {
            if (!DateOnly.TryParseExact(t.Get(row, "endringsdato"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Error.Invalid("data.date", $"'{t.Get(row, "endringsdato")}' is not a date (yyyy-MM-dd)", t.Where(row, "endringsdato"));
            }
            var old = CsvFields.Municipality(t, row, "gammelt_nummer");
            var @new = CsvFields.Municipality(t, row, "nytt_nummer");
            if (!old.IsSuccess || !@new.IsSuccess)
            {
                return Result<List<CodeChange>>.Fail([.. old.Errors, .. @new.Errors]);
            }
            list.Add(new CodeChange(date, old.Value, t.Get(row, "gammelt_navn"), @new.Value, t.Get(row, "nytt_navn")));
        }
        return list;
    }

    private static Result<Dictionary<MunicipalityNumber, Dictionary<int, int>>> ReadPopulation(string path, HashSet<MunicipalityNumber> known)
    {
        var table = CsvTable.Read(path, ["kommunenummer", "aar_per_1_januar", "folketall"]);
        if (!table.IsSuccess)
        {
            return Result<Dictionary<MunicipalityNumber, Dictionary<int, int>>>.Fail(table.Errors);
        }
        var t = table.Value;
        var result = new Dictionary<MunicipalityNumber, Dictionary<int, int>>();
        foreach (var row in t.Rows)
        {
            var number = CsvFields.Municipality(t, row, "kommunenummer");
            var year = CsvFields.Integer(t, row, "aar_per_1_januar", 1900, 2100);
            var count = CsvFields.Integer(t, row, "folketall", 0, 10_000_000);
            if (!number.IsSuccess || !year.IsSuccess || !count.IsSuccess)
            {
                return Result<Dictionary<MunicipalityNumber, Dictionary<int, int>>>.Fail([.. number.Errors, .. year.Errors, .. count.Errors]);
            }
            if (!known.Contains(number.Value))
            {
                return Error.Invalid("data.kommunenummer", $"unknown kommunenummer {number.Value}", t.Where(row, "kommunenummer"));
            }
            result.TryAdd(number.Value, []);
            result[number.Value][year.Value] = count.Value;
        }
        return result;
    }

    /// <summary>
    /// The covidnorge extracts (2020 structure). Pre-split Ålesund ("1508;1580") is given to Ålesund 1508 with a note;
    /// Haram 1580 gets no value, as the source has none of its own.
    /// </summary>
    private static Result<List<MunicipalityIndicator>> ReadCovidNorge(string path, string column, string id, int year, string source, HashSet<MunicipalityNumber> known)
    {
        var table = CsvTable.Read(path, ["kommunenummer_2024", column]);
        if (!table.IsSuccess)
        {
            return Result<List<MunicipalityIndicator>>.Fail(table.Errors);
        }
        var t = table.Value;
        var (min, max) = IndicatorIds.RangeOf(id);
        var list = new List<MunicipalityIndicator>();
        foreach (var row in t.Rows)
        {
            if (t.Get(row, column).Trim().Length == 0)
            {
                continue;
            }
            var codes = t.Get(row, "kommunenummer_2024").Split(';');
            if (!MunicipalityNumber.TryParse(codes[0], out var number, out var problem) || !known.Contains(number))
            {
                return Error.Invalid("data.kommunenummer", problem.Length > 0 ? problem : $"unknown kommunenummer {codes[0]}", t.Where(row, "kommunenummer_2024"));
            }
            var value = CsvFields.Number(t, row, column, min, max);
            if (!value.IsSuccess)
            {
                return Result<List<MunicipalityIndicator>>.Fail(value.Errors);
            }
            var note = codes.Length > 1 ? $"{source}; value of the municipality before its split into {string.Join(" and ", codes)}" : source;
            list.Add(new MunicipalityIndicator(number, new IndicatorValue(id, value.Value, year, note)));
        }
        return list;
    }

    /// <summary>Municipalities hosting a reception centre on 31 January 2024 (UDI, centres with Ukrainian residents only).</summary>
    private static Result<List<MunicipalityIndicator>> ReadReceptionCentres(string path, HashSet<MunicipalityNumber> known)
    {
        var table = CsvTable.Read(path, ["mottak_navn", "ukrainere_i_mottak", "kommunenummer"]);
        if (!table.IsSuccess)
        {
            return Result<List<MunicipalityIndicator>>.Fail(table.Errors);
        }
        var t = table.Value;
        var residents = new SortedDictionary<MunicipalityNumber, int>();
        foreach (var row in t.Rows.Where(r => t.Get(r, "kommunenummer").Trim().Length > 0))
        {
            var number = CsvFields.Municipality(t, row, "kommunenummer");
            var count = CsvFields.Integer(t, row, "ukrainere_i_mottak", 0, 100_000);
            if (!number.IsSuccess || !count.IsSuccess)
            {
                return Result<List<MunicipalityIndicator>>.Fail([.. number.Errors, .. count.Errors]);
            }
            if (!known.Contains(number.Value))
            {
                return Error.Invalid("data.kommunenummer", $"unknown kommunenummer {number.Value}", t.Where(row, "kommunenummer"));
            }
            residents[number.Value] = residents.GetValueOrDefault(number.Value) + count.Value;
        }
        return residents.Select(r => new MunicipalityIndicator(r.Key, new IndicatorValue(IndicatorIds.ReceptionCentreResidents, r.Value, 2024,
            "UDI via Samarbeidsdesken: Ukrainians in reception centres on 2024-01-31 (centres with Ukrainian residents only)"))).ToList();
    }

    private static Result<List<SettlementRecord>> ReadSettlements(string path, HashSet<MunicipalityNumber> known)
    {
        var table = CsvTable.Read(path, ["aar", "kommunenummer", "bosatt_flyktninger_totalt", "bosatt_ema", "ema_merknad"]);
        if (!table.IsSuccess)
        {
            return Result<List<SettlementRecord>>.Fail(table.Errors);
        }
        var t = table.Value;
        var list = new List<SettlementRecord>();
        foreach (var row in t.Rows)
        {
            var year = CsvFields.Integer(t, row, "aar", 2000, 2100);
            var number = CsvFields.Municipality(t, row, "kommunenummer");
            if (!year.IsSuccess || !number.IsSuccess)
            {
                return Result<List<SettlementRecord>>.Fail([.. year.Errors, .. number.Errors]);
            }
            if (!known.Contains(number.Value))
            {
                return Error.Invalid("data.kommunenummer", $"unknown kommunenummer {number.Value}", t.Where(row, "kommunenummer"));
            }
            Result<int?> Optional(string column) =>
                t.Get(row, column).Trim().Length == 0 ? (int?)null : CsvFields.Integer(t, row, column, 0, 1_000_000).Map(v => (int?)v);
            var settled = Optional("bosatt_flyktninger_totalt");
            var em = Optional("bosatt_ema");
            if (!settled.IsSuccess || !em.IsSuccess)
            {
                return Result<List<SettlementRecord>>.Fail([.. settled.Errors, .. em.Errors]);
            }
            var (knownFrom, until) = Known(year.Value, SettledRetrieved);
            var (emKnownFrom, emUntil) = Known(year.Value, SettledEmRetrieved);
            list.Add(new SettlementRecord(year.Value, number.Value, settled.Value, em.Value,
                t.Get(row, "ema_merknad").Contains("prikket", StringComparison.Ordinal), "IMDi via Samarbeidsdesken (received 13.11.2024)",
                knownFrom, until, emKnownFrom, emUntil));
        }
        return list;
    }

    /// <summary>
    /// A year's settled count is complete, and known, from 1 February of the year after; a year still running when the
    /// figures were delivered covers only up to that date, and is known from it.
    /// </summary>
    public static (DateOnly KnownFrom, DateOnly? Until) Known(int year, DateOnly retrieved)
    {
        var complete = new DateOnly(year + 1, 2, 1);
        return complete <= retrieved ? (complete, null) : (retrieved, retrieved);
    }

    /// <summary>
    /// IMDi's EM settlement grant per municipality and year (only that grant type is read). Empty amounts marked
    /// "Anonymisert" are small grants IMDi suppressed; "Ikke tilgjengelig" rows (2024) are not yet published and skipped.
    /// A year's grants are taken as known from 1 March of the year after.
    /// </summary>
    private static Result<List<EmGrantRecord>> ReadEmGrants(string path, HashSet<MunicipalityNumber> known)
    {
        var table = CsvTable.Read(path, ["aar", "kommunenummer", "tilskuddstype", "kroner", "merknad"]);
        if (!table.IsSuccess)
        {
            return Result<List<EmGrantRecord>>.Fail(table.Errors);
        }
        var t = table.Value;
        var list = new List<EmGrantRecord>();
        foreach (var row in t.Rows.Where(r => t.Get(r, "tilskuddstype") == EmGrantType))
        {
            var year = CsvFields.Integer(t, row, "aar", 2000, 2100);
            var number = CsvFields.Municipality(t, row, "kommunenummer");
            if (!year.IsSuccess || !number.IsSuccess)
            {
                return Result<List<EmGrantRecord>>.Fail([.. year.Errors, .. number.Errors]);
            }
            if (!known.Contains(number.Value))
            {
                return Error.Invalid("data.kommunenummer", $"unknown kommunenummer {number.Value}", t.Where(row, "kommunenummer"));
            }
            var note = t.Get(row, "merknad").Trim();
            if (note == "Ikke tilgjengelig")
            {
                continue;
            }
            decimal? kroner = null;
            if (t.Get(row, "kroner").Trim().Length > 0)
            {
                var value = CsvFields.Number(t, row, "kroner", -10_000_000_000m, 10_000_000_000m); // repayments are negative
                if (!value.IsSuccess)
                {
                    return Result<List<EmGrantRecord>>.Fail(value.Errors);
                }
                kroner = value.Value;
            }
            else if (note != "Anonymisert")
            {
                return Error.Invalid("data.kroner", "empty amount without the note 'Anonymisert' or 'Ikke tilgjengelig'", t.Where(row, "kroner"));
            }
            list.Add(new EmGrantRecord(year.Value, number.Value, kroner, kroner is null, new DateOnly(year.Value + 1, 3, 1)));
        }
        return list;
    }
}
