using Busetting.Data.Csv;
using Busetting.Data.Reference;

namespace Busetting.Data.Import;

/// <summary>
/// IMDi's "nøkkeltall bosetting" table for one year, in the layout of the shipped imdi_nokkeltall_bosetting_2022.csv:
/// requested (anmodet), decided (vedtatt) and settled (bosatt) per municipality. "-", ":" and empty cells mean
/// no number (not asked, suppressed, not yet decided).
/// </summary>
public static class KeyFiguresCsv
{
    public static readonly string[] Columns = ["aar", "kommunenummer", "kommune_imdi", "fylke_imdi", "anmodet", "vedtatt", "bosatt"];

    public const string FilePrefix = "imdi_nokkeltall_bosetting_";

    /// <summary>Optional column: of the persons requested, unaccompanied minors.</summary>
    public const string EmColumn = "anmodet_em";

    public static Result<IReadOnlyList<KeyFigureRow>> Read(string path, IReadOnlySet<MunicipalityNumber> known, CodeChanges changes) =>
        CsvTable.Read(path, Columns).Bind(table => Validate(table, known, changes));

    public static Result<IReadOnlyList<KeyFigureRow>> Validate(CsvTable table, IReadOnlySet<MunicipalityNumber> known, CodeChanges changes)
    {
        var errors = new List<Error>();
        var rows = new List<KeyFigureRow>();
        var seen = new Dictionary<MunicipalityNumber, int>();
        if (table.Rows.Count == 0)
        {
            return Error.Invalid("keyfigures.empty", "the file has a header but no rows", table.File);
        }
        int? fileYear = null;
        foreach (var row in table.Rows)
        {
            var year = CsvFields.Integer(table, row, "aar", 2000, SettlementYear.Latest);
            var number = CsvFields.Municipality(table, row, "kommunenummer");
            errors.AddRange(year.Errors.Concat(number.Errors));
            if (!year.IsSuccess || !number.IsSuccess)
            {
                continue;
            }
            fileYear ??= year.Value;
            if (year.Value != fileYear)
            {
                errors.Add(Error.Invalid("keyfigures.year", string.Create(CultureInfo.InvariantCulture, $"year {year.Value} differs from the file's first row ({fileYear}); one file holds one year"), table.Where(row, "aar")));
                continue;
            }
            if (seen.TryGetValue(number.Value, out var first))
            {
                errors.Add(Error.Invalid("keyfigures.duplicate", string.Create(CultureInfo.InvariantCulture, $"kommunenummer {number.Value} already appears on line {first}"), table.Where(row, "kommunenummer")));
                continue;
            }
            seen[number.Value] = row.Line;
            var current = changes.ToCurrent(number.Value, year.Value);
            if (current.Any(c => !known.Contains(c)))
            {
                errors.Add(Error.Invalid("keyfigures.kommunenummer", string.Create(CultureInfo.InvariantCulture, $"unknown kommunenummer {number.Value} for {year.Value} (it maps to no municipality of 2024)"), table.Where(row, "kommunenummer")));
                continue;
            }
            if (table.HasColumn("kommunenummer_2024"))
            {
                var given = table.Get(row, "kommunenummer_2024").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (given.Length > 0 && !given.OrderBy(g => g, StringComparer.Ordinal).SequenceEqual(current.Select(c => c.Value)))
                {
                    errors.Add(Error.Invalid("keyfigures.kommunenummer_2024",
                        $"'{string.Join(";", given)}' does not match the change list, which maps {number.Value} of {year.Value} to '{string.Join(";", current)}'",
                        table.Where(row, "kommunenummer_2024")));
                    continue;
                }
            }
            var requested = Count(table, row, "anmodet");
            var decided = Count(table, row, "vedtatt");
            var settled = Count(table, row, "bosatt");
            // Optional: the EM part of the request, where the table has it.
            var requestedEm = table.HasColumn(EmColumn) ? Count(table, row, EmColumn) : (int?)null;
            errors.AddRange(requested.Errors.Concat(decided.Errors).Concat(settled.Errors).Concat(requestedEm.Errors));
            if (requested.IsSuccess && decided.IsSuccess && settled.IsSuccess && requestedEm.IsSuccess)
            {
                rows.Add(new KeyFigureRow(year.Value, number.Value, current, table.Get(row, "kommune_imdi").Trim(), table.Get(row, "fylke_imdi").Trim(),
                    requested.Value, decided.Value, settled.Value, row.Line, requestedEm.Value));
            }
        }
        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<KeyFigureRow>>.Fail(errors.Take(IndicatorCsv.MaxErrors).ToList());
        }
        var nameYear = YearFromFileName(table.File);
        if (nameYear is { } y && y != fileYear)
        {
            return Error.Invalid("keyfigures.year", string.Create(CultureInfo.InvariantCulture, $"the file name says {y} but its rows are for {fileYear}"), table.File);
        }
        return rows;
    }

    public static int? YearFromFileName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return name.StartsWith(FilePrefix, StringComparison.Ordinal)
            && int.TryParse(name[FilePrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;
    }

    private static Result<int?> Count(CsvTable table, CsvRow row, string column)
    {
        var text = table.Get(row, column).Trim();
        if (text is "" or "-" or ":")
        {
            return (int?)null;
        }
        var value = CsvFields.Integer(table, row, column, 0, 1_000_000);
        return value.IsSuccess ? value.Value : Result<int?>.Fail(value.Errors);
    }
}
