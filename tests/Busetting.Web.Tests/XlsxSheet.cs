using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Busetting.Web.Tests;

/// <summary>An exported XLSX read back as Excel shows it (the Open XML SDK): the rows above the header, and the table.</summary>
internal static class XlsxSheet
{
    /// <summary>The first worksheet's table: the header (the last frozen row) and the rows under it, as text cells.</summary>
    public static List<string[]> Read(byte[] xlsx) => Sheet(xlsx).Table;

    /// <summary>
    /// The first worksheet read with the Open XML SDK: the first cell of each row above the header (title, revision,
    /// date, source, filter), and the table from the header down (cells placed by their reference; empty = "").
    /// The header is the row the frozen pane splits under.
    /// </summary>
    public static (List<string> Above, List<string[]> Table) Sheet(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var worksheet = workbook.WorksheetParts.First().Worksheet;
        var header = (int)(worksheet.Descendants<Pane>().Single().VerticalSplit?.Value ?? 1);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var (above, rows) = (new List<string>(), new List<string[]>());
        foreach (var row in worksheet.Descendants<Row>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                if (cell.CellReference?.Value is { } reference)
                {
                    var column = reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => n * 26 + c - 'A' + 1) - 1;
                    while (cells.Count < column)
                    {
                        cells.Add("");
                    }
                }
                cells.Add(cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText
                    : cell.CellValue?.Text ?? "");
            }
            if (row.RowIndex!.Value < header)
            {
                if (cells.Count > 0)
                {
                    above.Add(cells[0]);
                }
            }
            else
            {
                rows.Add([.. cells]);
            }
        }
        return (above, rows);
    }
}
