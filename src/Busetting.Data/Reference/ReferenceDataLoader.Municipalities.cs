using Busetting.Data.Csv;
using Busetting.Domain.Municipalities;

namespace Busetting.Data.Reference;

/// <summary>The municipality list, the code changes between municipality structures, and the population.</summary>
public static partial class ReferenceDataLoader
{
    private static Result<List<Municipality>> ReadMunicipalities(string path)
    {
        var read = ReadRows<Municipality>(path, ["kommunenummer", "kommunenavn", "kommunenavn_offisielt", "fylkesnummer", "fylkesnavn", "landsdel", "malform", "ba_region_nr", "ba_region_navn"], (t, row) =>
        {
            var number = CsvFields.Municipality(t, row, "kommunenummer");
            if (!number.IsSuccess)
            {
                return Result<Municipality?>.Fail(number.Errors);
            }
            var form = t.Get(row, "malform") switch
            {
                "Bokmål" => LanguageForm.Bokmal,
                "Nynorsk" => LanguageForm.Nynorsk,
                _ => LanguageForm.Neutral,
            };
            int? region = int.TryParse(t.Get(row, "ba_region_nr"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : null;
            return new Municipality(number.Value, t.Get(row, "kommunenavn"), t.Get(row, "kommunenavn_offisielt"),
                CountyNumber.Parse(t.Get(row, "fylkesnummer")), t.Get(row, "fylkesnavn"), t.Get(row, "landsdel"), form,
                region, t.Get(row, "ba_region_navn") is { Length: > 0 } name ? name : null);
        });
        return read.Bind(list => list.GroupBy(m => m.Number).FirstOrDefault(g => g.Count() > 1) is { } duplicate
            ? Error.Invalid("data.duplicate", $"kommunenummer {duplicate.Key} appears twice", path)
            : Result<List<Municipality>>.Ok(list));
    }

    private static Result<List<CodeChange>> ReadChanges(string path)
    {
        return ReadRows<CodeChange>(path, ["endringsdato", "gammelt_nummer", "gammelt_navn", "nytt_nummer", "nytt_navn"], (t, row) =>
        {
            if (!DateOnly.TryParseExact(t.Get(row, "endringsdato"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Error.Invalid("data.date", $"'{t.Get(row, "endringsdato")}' is not a date (yyyy-MM-dd)", t.Where(row, "endringsdato"));
            }
            var old = CsvFields.Municipality(t, row, "gammelt_nummer");
            var @new = CsvFields.Municipality(t, row, "nytt_nummer");
            if (!old.IsSuccess || !@new.IsSuccess)
            {
                return Result<CodeChange?>.Fail([.. old.Errors, .. @new.Errors]);
            }
            return new CodeChange(date, old.Value, t.Get(row, "gammelt_navn"), @new.Value, t.Get(row, "nytt_navn"));
        });
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
}
