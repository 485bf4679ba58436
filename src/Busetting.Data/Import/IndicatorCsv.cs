using Busetting.Data.Csv;
using Busetting.Data.Reference;
using Busetting.Domain.Allocation;

namespace Busetting.Data.Import;

/// <summary>
/// The indicator file format (docs/data-formats.md): <c>indikator,kommunenummer,aar,verdi[,kjelde]</c>, comma-separated,
/// decimal point, one row per indicator, municipality and year. All rows are checked before any is used.
/// </summary>
public static class IndicatorCsv
{
    public static readonly string[] Columns = ["indikator", "kommunenummer", "aar", "verdi"];

    /// <summary>At most this many errors are reported for one file; the rest are counted.</summary>
    public const int MaxErrors = 25;

    public static Result<IReadOnlyList<MunicipalityIndicator>> Read(string path, IReadOnlySet<MunicipalityNumber> known, CodeChanges changes) =>
        CsvTable.Read(path, Columns).Bind(table => Validate(table, known, changes));

    public static Result<IReadOnlyList<MunicipalityIndicator>> Validate(CsvTable table, IReadOnlySet<MunicipalityNumber> known, CodeChanges changes)
    {
        var errors = new List<Error>();
        var values = new List<MunicipalityIndicator>();
        var seen = new Dictionary<(string, MunicipalityNumber, int), int>();
        var source = Path.GetFileName(table.File);
        if (table.Rows.Count == 0)
        {
            return Error.Invalid("indicator.empty", "the file has a header but no rows", table.File);
        }
        foreach (var row in table.Rows)
        {
            var id = table.Get(row, "indikator").Trim();
            if (!IndicatorIds.Importable.Contains(id))
            {
                errors.Add(Error.Invalid("indicator.unknown", $"unknown indicator '{id}'; known: {string.Join(", ", IndicatorIds.Importable)}", table.Where(row, "indikator")));
                continue;
            }
            var number = CsvFields.Municipality(table, row, "kommunenummer");
            var year = CsvFields.Integer(table, row, "aar", 1990, SettlementYear.Latest);
            var (min, max) = IndicatorIds.RangeOf(id);
            var value = CsvFields.Number(table, row, "verdi", min, max);
            errors.AddRange(number.Errors.Concat(year.Errors).Concat(value.Errors));
            if (!number.IsSuccess || !year.IsSuccess || !value.IsSuccess)
            {
                continue;
            }
            var current = ToCurrent(number.Value, year.Value, known, changes, table, row);
            if (!current.IsSuccess)
            {
                errors.AddRange(current.Errors);
                continue;
            }
            var key = (id, current.Value, year.Value);
            if (seen.TryGetValue(key, out var firstLine))
            {
                errors.Add(Error.Invalid("indicator.duplicate",
                    string.Create(CultureInfo.InvariantCulture, $"duplicate row: '{id}' for {current.Value} in {year.Value} is already given on line {firstLine}"),
                    table.Where(row, "kommunenummer")));
                continue;
            }
            seen[key] = row.Line;
            var rowSource = table.HasColumn("kjelde") && table.Get(row, "kjelde").Trim() is { Length: > 0 } given ? given : $"imported from {source}";
            values.Add(new MunicipalityIndicator(current.Value, new IndicatorValue(id, value.Value, year.Value, rowSource)));
        }
        if (errors.Count > 0)
        {
            var shown = errors.Take(MaxErrors).ToList();
            if (errors.Count > MaxErrors)
            {
                shown.Add(Error.Invalid("indicator.more", string.Create(CultureInfo.InvariantCulture, $"… and {errors.Count - MaxErrors} more errors"), table.File));
            }
            return Result<IReadOnlyList<MunicipalityIndicator>>.Fail(shown);
        }
        return values;
    }

    /// <summary>A number from an earlier structure is accepted when it maps to exactly one current municipality.</summary>
    private static Result<MunicipalityNumber> ToCurrent(MunicipalityNumber number, int year, IReadOnlySet<MunicipalityNumber> known, CodeChanges changes, CsvTable table, CsvRow row)
    {
        var mapped = changes.ToCurrent(number, year);
        if (mapped.Count == 1 && known.Contains(mapped[0]))
        {
            return mapped[0];
        }
        if (mapped.Count > 1)
        {
            return Error.Invalid("indicator.split",
                $"kommunenummer {number} of {year} was later split into {string.Join(" and ", mapped)}; give a row for each of them",
                table.Where(row, "kommunenummer"));
        }
        return Error.Invalid("indicator.kommunenummer", $"unknown kommunenummer {number} (not a municipality of 2024, nor one that maps to it)", table.Where(row, "kommunenummer"));
    }

    /// <summary>Writes indicator values in this format, sorted, so an import produces a canonical file.</summary>
    public static string Write(IEnumerable<MunicipalityIndicator> values)
    {
        var builder = new System.Text.StringBuilder("indikator,kommunenummer,aar,verdi,kjelde\n");
        foreach (var v in values.OrderBy(v => v.Value.IndicatorId, StringComparer.Ordinal).ThenBy(v => v.Value.Year).ThenBy(v => v.Municipality))
        {
            builder.Append(CultureInfo.InvariantCulture, $"{v.Value.IndicatorId},{v.Municipality},{v.Value.Year},{v.Value.Value},{Quote(v.Value.Source)}\n");
        }
        return builder.ToString();
    }

    private static string Quote(string text) =>
        text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
