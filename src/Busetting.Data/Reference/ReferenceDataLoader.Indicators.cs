using Busetting.Data.Csv;
using Busetting.Domain.Allocation;
using Busetting.Domain.Municipalities;

namespace Busetting.Data.Reference;

/// <summary>The shipped indicator files: the covidnorge extracts and the reception centres.</summary>
public static partial class ReferenceDataLoader
{
    /// <summary>
    /// The covidnorge extracts (2020 structure). Pre-split Ålesund ("1508;1580") is given to Ålesund 1508 with a note;
    /// Haram 1580 gets no value, as the source has none of its own.
    /// </summary>
    private static Result<List<MunicipalityIndicator>> ReadCovidNorge(string path, string column, string id, int year, string source, HashSet<MunicipalityNumber> known)
    {
        var (min, max) = IndicatorIds.RangeOf(id);
        return ReadRows<MunicipalityIndicator>(path, ["kommunenummer_2024", column], (t, row) =>
        {
            if (t.Get(row, column).Trim().Length == 0)
            {
                return (MunicipalityIndicator?)null;
            }
            var codes = t.Get(row, "kommunenummer_2024").Split(';');
            if (!MunicipalityNumber.TryParse(codes[0], out var number, out var problem) || !known.Contains(number))
            {
                return Error.Invalid("data.kommunenummer", problem.Length > 0 ? problem : $"unknown kommunenummer {codes[0]}", t.Where(row, "kommunenummer_2024"));
            }
            var value = CsvFields.Number(t, row, column, min, max);
            if (!value.IsSuccess)
            {
                return Result<MunicipalityIndicator?>.Fail(value.Errors);
            }
            var note = codes.Length > 1 ? $"{source}; value of the municipality before its split into {string.Join(" and ", codes)}" : source;
            return new MunicipalityIndicator(number, new IndicatorValue(id, value.Value, year, note));
        });
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
}
