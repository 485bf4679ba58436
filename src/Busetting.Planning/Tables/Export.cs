using System.Globalization;
using System.Text;
using SpreadCheetah;

namespace Busetting.Planning.Tables;

/// <summary>A municipality table as a file: XLSX (SpreadCheetah) or a CSV that Norwegian Excel opens (semicolon, UTF-8 BOM).</summary>
public static class Export
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IReadOnlyList<string> Headings<T>(IReadOnlyList<Column<T>> columns, WrittenStandard lang) =>
        [Lang(lang, "Kommunenummer", "Kommunenummer"), "Kommune", Lang(lang, "Fylkesnummer", "Fylkesnummer"), "Fylke", .. columns.Select(c => c.Heading(lang))];

    public static async Task<byte[]> Xlsx<T>(string sheet, IReadOnlyList<T> rows, IReadOnlyList<Column<T>> columns, WrittenStandard lang)
        where T : IMunicipalityRow
    {
        using var stream = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream))
        {
            await spreadsheet.StartWorksheetAsync(sheet);
            await spreadsheet.AddHeaderRowAsync(Headings(columns, lang).ToList());
            foreach (var row in rows)
            {
                var cells = new List<Cell> { new(row.Kommunenummer), new(row.Name), new(row.CountyNumber), new(row.County) };
                cells.AddRange(columns.Select(c => CellOf(c.Value(row))));
                await spreadsheet.AddRowAsync(cells);
            }
            await spreadsheet.FinishAsync();
        }
        return stream.ToArray();
    }

    /// <summary>Any list as a sheet (the audit trail): headings, then one row of cells per item.</summary>
    public static async Task<byte[]> Xlsx(string sheet, IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream))
        {
            await spreadsheet.StartWorksheetAsync(sheet);
            await spreadsheet.AddHeaderRowAsync(headings.ToList());
            foreach (var row in rows)
            {
                await spreadsheet.AddRowAsync(row.Select(CellOf).ToList());
            }
            await spreadsheet.FinishAsync();
        }
        return stream.ToArray();
    }

    private static Cell CellOf(object? value) => value switch
    {
        null => new Cell((string?)null),
        int i => new Cell(i),
        long l => new Cell(l),
        decimal d => new Cell(d),
        double d => new Cell(d),
        DateTime utc => new Cell(NorwegianTime.FromUtc(utc)),
        var other => new Cell(Convert.ToString(other, CultureInfo.InvariantCulture)),
    };

    /// <summary>Semicolon-separated with a UTF-8 BOM and readable headings: Norwegian Excel opens it as columns with æøå intact.</summary>
    public static byte[] ExcelCsv<T>(IReadOnlyList<T> rows, IReadOnlyList<Column<T>> columns, WrittenStandard lang) where T : IMunicipalityRow
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(';', Headings(columns, lang).Select(Quote))).Append("\r\n");
        foreach (var row in rows)
        {
            IEnumerable<string> cells = [row.Kommunenummer, row.Name, row.CountyNumber, row.County,
                .. columns.Select(c => c.Value(row) switch
                {
                    null => "",
                    decimal d => d.ToString(DecimalComma),
                    DateTime utc => NorwegianTime.FromUtc(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
                })];
            csv.Append(string.Join(';', cells.Select(Quote))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>Norwegian Excel reads a decimal comma; the culture "nb-NO" is not there (the app runs with invariant globalization).</summary>
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = "," };

    private static string Quote(string text) =>
        text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static string Lang(WrittenStandard lang, string nb, string nn) => lang == WrittenStandard.Nn ? nn : nb;
}
