using System.Globalization;
using System.Text;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Busetting.Planning.Tables;

/// <summary>
/// A municipality table as a file: XLSX (SpreadCheetah) laid out as IMDi's own tables are — title, revision, date and
/// source rows above a bold, frozen, filterable header, widths to fit, thousands grouped — or a CSV that Norwegian
/// Excel opens (semicolon, UTF-8 BOM). ADR 0018 says why Excel users are steered to the XLSX.
/// </summary>
public static class Export
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The title row and its lines, then one empty row, then the header: the header's row number is this plus the lines.</summary>
    private const int RowsAboveLines = 1, EmptyRows = 1;

    /// <summary>Column widths in characters: never narrower than a number, never wider than a screen's third.</summary>
    private const int MinWidth = 8, MaxWidth = 50;

    public static IReadOnlyList<string> Headings<T>(IReadOnlyList<Column<T>> columns, WrittenStandard lang) =>
        [Lang(lang, "Kommunenummer", "Kommunenummer"), "Kommune", Lang(lang, "Fylkesnummer", "Fylkesnummer"), "Fylke", .. columns.Select(c => c.Heading(lang))];

    /// <summary>A municipality table: the numbers (municipality, county) as text, so 0301 keeps its zero.</summary>
    public static Task<byte[]> Xlsx<T>(string sheet, SheetTitle title, IReadOnlyList<T> rows, IReadOnlyList<Column<T>> columns, WrittenStandard lang)
        where T : IMunicipalityRow =>
        Xlsx(sheet, title, Headings(columns, lang),
            rows.Select(row => (IReadOnlyList<object?>)[row.Kommunenummer, row.Name, row.CountyNumber, row.County, .. columns.Select(c => c.Value(row))]));

    /// <summary>Any list as a sheet (the audit trail): title rows, headings, then one row of cells per item.</summary>
    public static async Task<byte[]> Xlsx(string sheet, SheetTitle title, IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var cells = rows.ToList();
        var header = HeaderRow(title);
        var options = new WorksheetOptions { FrozenRows = header };
        for (var c = 0; c < headings.Count; c++)
        {
            options.Column(c + 1).Width = Width(headings[c], cells.Select(r => c < r.Count ? r[c] : null));
        }
        if (headings.Count > 0)
        {
            options.AutoFilter = new AutoFilterOptions(FormattableString.Invariant($"A{header}:{ColumnName(headings.Count)}{header + cells.Count}"));
        }
        using var stream = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream))
        {
            var styles = new Styles(spreadsheet);
            await spreadsheet.StartWorksheetAsync(sheet, options);
            await spreadsheet.AddRowAsync([new Cell(title.Title, styles.Title)]);
            foreach (var line in title.Lines)
            {
                await spreadsheet.AddRowAsync([new Cell(line)]);
            }
            await spreadsheet.AddRowAsync(Array.Empty<Cell>());
            await spreadsheet.AddHeaderRowAsync(headings.ToList(), styles.Header);
            foreach (var row in cells)
            {
                await spreadsheet.AddRowAsync(row.Select(v => CellOf(v, styles)).ToList());
            }
            await spreadsheet.FinishAsync();
        }
        return stream.ToArray();
    }

    /// <summary>The header's row number (1-based): the title, its lines and one empty row stand above it.</summary>
    public static int HeaderRow(SheetTitle title) => RowsAboveLines + title.Lines.Count + EmptyRows + 1;

    /// <summary>The styles of a sheet: Excel shows "#,##0" with the reader's own grouping (a space in Norwegian Excel).</summary>
    private sealed class Styles(Spreadsheet spreadsheet)
    {
        public StyleId Title { get; } = spreadsheet.AddStyle(new Style { Font = { Bold = true, Size = 14 } });
        public StyleId Header { get; } = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
        public StyleId Whole { get; } = spreadsheet.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.ThousandsSeparator) });
        public StyleId Decimal { get; } = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("#,##0.0") });
        public StyleId Time { get; } = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("dd.mm.yyyy hh:mm") });
        public StyleId Text { get; } = spreadsheet.AddStyle(new Style { Format = NumberFormat.Standard(StandardNumberFormat.Text) });
    }

    private static Cell CellOf(object? value, Styles styles) => value switch
    {
        null => new Cell((string?)null),
        int i => new Cell(i, styles.Whole),
        long l => new Cell(l, styles.Whole),
        decimal d => new Cell(d, styles.Decimal),
        double d => new Cell(d, styles.Decimal),
        DateTime utc => new Cell(NorwegianTime.FromUtc(utc), styles.Time),
        // Text stays text when edited: a number typed over "0301" keeps its zero.
        var other => new Cell(Convert.ToString(other, CultureInfo.InvariantCulture), styles.Text),
    };

    /// <summary>Wide enough for the heading and the longest value as Excel shows it (grouped numbers, a date and time).</summary>
    private static double Width(string heading, IEnumerable<object?> values) =>
        Math.Clamp(values.Select(ShownLength).Append(heading.Length).Max() + 2, MinWidth, MaxWidth);

    private static int ShownLength(object? value) => value switch
    {
        null => 0,
        int i => Grouped(i),
        long l => Grouped(l),
        decimal or double => Grouped(Convert.ToInt64(value, CultureInfo.InvariantCulture)) + 2,
        DateTime => "dd.mm.yyyy hh:mm".Length,
        var other => Convert.ToString(other, CultureInfo.InvariantCulture)?.Length ?? 0,
    };

    private static int Grouped(long n)
    {
        var digits = Math.Abs(n).ToString(CultureInfo.InvariantCulture).Length;
        return digits + (digits - 1) / 3 + (n < 0 ? 1 : 0);
    }

    /// <summary>A, B, …, Z, AA, …: the column letters of a 1-based column number.</summary>
    private static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + (column - 1) % 26) + name;
        }
        return name;
    }

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
