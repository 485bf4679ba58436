using Busetting.Planning.Tables;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Busetting.Planning.Tests.Tables;

/// <summary>
/// Issue 16 item 10: an exported table laid out as IMDi's own tables are — title, revision, publication date and source
/// rows, then a bold header that stays frozen and carries the autofilter, widths to fit, whole numbers grouped in
/// thousands ("#,##0", which Norwegian Excel shows with a space), municipality numbers as text. Read back with the
/// Open XML SDK; no host.
/// </summary>
public sealed class ExportTests
{
    private sealed record Row(string Kommunenummer, string Name, string CountyNumber, string County, int? Persons, decimal? Share) : IMunicipalityRow;

    private static readonly IReadOnlyList<Column<Row>> Columns =
    [
        new("personar", "Personer", "Personar", r => r.Persons),
        new("del", "Del", "Del", r => r.Share),
    ];

    private static readonly Row[] Rows =
    [
        new("0301", "Oslo", "03", "Oslo", 12_345, 1.5m),
        new("4640", "Sogndal", "46", "Vestland", null, null),
        new("1818", "Herøy (Nordland)", "18", "Nordland", 7, 0m),
    ];

    private static readonly SheetTitle Title = new("Anmodning, vedtak og bosatte 2025", ["Revisjon 1", "Publisert 07.12.2026", "Kilde: IMDi"]);

    [Fact]
    public async Task Xlsx_TitleRowsAboveABoldFrozenFilteredHeader_WidthsThousandsAndTextNumbers()
    {
        var xlsx = await Export.Xlsx("Busetting 2025", Title, Rows, Columns, WrittenStandard.Nb);

        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        var cells = Cells(sheet);
        string Text(string reference) => cells.TryGetValue(reference, out var c) ? c.InlineString?.InnerText ?? c.CellValue?.Text ?? "" : "";
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var fonts = workbook.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ToList();
        CellFormat Format(string reference) => formats[(int)(cells[reference].StyleIndex?.Value ?? 0)];
        bool Bold(string reference) => fonts[(int)Format(reference).FontId!.Value].Bold is { } bold && (bold.Val?.Value ?? true);

        // Row 1 the title, rows 2–4 its lines, row 5 empty, row 6 the header, rows 7–9 the municipalities.
        Assert.Equal(["Anmodning, vedtak og bosatte 2025", "Revisjon 1", "Publisert 07.12.2026", "Kilde: IMDi"], new[] { "A1", "A2", "A3", "A4" }.Select(Text));
        Assert.True(Bold("A1"), "the title is bold");
        Assert.DoesNotContain(cells.Keys, k => k.EndsWith('5') && k.Length == 2);
        Assert.Equal(6, Export.HeaderRow(Title));
        Assert.Equal(["Kommunenummer", "Kommune", "Fylkesnummer", "Fylke", "Personer", "Del"], new[] { "A6", "B6", "C6", "D6", "E6", "F6" }.Select(Text));
        Assert.All(new[] { "A6", "B6", "C6", "D6", "E6", "F6" }, h => Assert.True(Bold(h), h + " is bold"));

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal((6d, "A7", PaneStateValues.Frozen), (pane.VerticalSplit?.Value, pane.TopLeftCell?.Value, pane.State?.Value));
        Assert.Equal("A6:F9", sheet.Descendants<AutoFilter>().Single().Reference?.Value);

        var widths = sheet.Descendants<Column>().ToDictionary(c => (int)c.Min!.Value, c => c.Width!.Value);
        Assert.Equal(6, widths.Count);
        Assert.True(widths[1] >= "Kommunenummer".Length, $"number column {widths[1]}");
        Assert.True(widths[2] >= "Herøy (Nordland)".Length, $"name column {widths[2]}");
        Assert.All(widths.Values, w => Assert.InRange(w, 8, 50));

        // Whole numbers grouped (built-in format 3, "#,##0"), a share with one decimal, numbers as text: 0301 keeps its zero.
        Assert.Equal(("12345", 3u), (Text("E7"), Format("E7").NumberFormatId!.Value));
        var share = workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Single(f => f.NumberFormatId!.Value == Format("F7").NumberFormatId!.Value);
        Assert.Equal("#,##0.0", share.FormatCode?.Value);
        Assert.Equal("0301", Text("A7"));
        Assert.NotEqual(CellValues.Number, cells["A7"].DataType?.Value ?? CellValues.Number);
        Assert.Equal(49u, Format("A7").NumberFormatId!.Value); // "@": stays text when edited
        Assert.Equal("", Text("E8")); // unknown is empty, not 0
    }

    [Fact]
    public async Task Xlsx_Nynorsk_HeadingsInTheReadersForm_AndAnEmptySelectionKeepsItsHeaderAndFilter()
    {
        var xlsx = await Export.Xlsx("Busetting 2025", new SheetTitle("Tittel", []), Array.Empty<Row>(), Columns, WrittenStandard.Nn);

        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Equal("Personar", Cells(sheet)["E3"].InlineString?.InnerText);
        Assert.Equal("A3:F3", sheet.Descendants<AutoFilter>().Single().Reference?.Value);
        Assert.Equal(3d, sheet.Descendants<Pane>().Single().VerticalSplit?.Value);
    }

    [Fact]
    public void PublicTitle_RevisionPublicationDateAndSource_InBothWrittenStandards()
    {
        var published = new DateTime(2026, 12, 7, 9, 30, 0, DateTimeKind.Utc);
        var revised = new PublicYear(2025, PublicSource.Busetting, 1, null, [], published, new Dictionary<string, int> { ["0301"] = 100 });
        var original = revised with { Revision = 0, Original = null };

        var nb = SheetTitles.Public(revised, WrittenStandard.Nb);
        var nn = SheetTitles.Public(revised, WrittenStandard.Nn);

        Assert.Equal("Anmodning, vedtak og bosatte 2025", nb.Title);
        Assert.Equal("Oppmoding, vedtak og busette 2025", nn.Title);
        Assert.Equal(["Revisjon 1", "Publisert 07.12.2026"], nb.Lines.Take(2));
        Assert.StartsWith("Kilde: IMDi", nb.Lines[2], StringComparison.Ordinal);
        Assert.StartsWith("Kjelde: IMDi", nn.Lines[2], StringComparison.Ordinal);
        Assert.Equal("Opprinnelig publisering", SheetTitles.Public(original, WrittenStandard.Nb).Lines[0]);
        Assert.Equal("Opphavleg publisering", SheetTitles.Public(original, WrittenStandard.Nn).Lines[0]);
        // A year from IMDi's own tables: the source, no revision or date this system does not know.
        Assert.Equal(["Kjelde: IMDi, publiserte nøkkeltal og busetjingsstatistikk (levert med Busetting); innbyggjarar: SSB, tabell 07459"],
            SheetTitles.Public(new PublicYear(2024, PublicSource.Imdi, 0, null, []), WrittenStandard.Nn).Lines);
        Assert.Equal("Utval", nn.With("Utval: søk «Herøy»").Lines[^1][..5]);
        Assert.Same(nn, nn.With(null));
    }

    [Fact]
    public void PublicTable_AfterARevision_OriginalBesideAdjustedAndTheChange_OnlyChangedKeepsTheMoved()
    {
        PublicRow Row(string number, int requested) => new(number, number, "03", "Oslo", 1000, requested, 0, 0, null, null, null);
        var y = new PublicYear(2025, PublicSource.Busetting, 1, null, [Row("0301", 80), Row("0302", 50)], null,
            new Dictionary<string, int> { ["0301"] = 100, ["0302"] = 50 });

        var table = Busetting.Planning.Tables.Tables.PublicFor(y);

        Assert.Equal(["Innbyggere", "Opprinnelig anmodet", "Justert anmodet", "Endring", "Herav EM", "Plantall neste år", "Vedtatt", "Vedtatt EM", "Bosatt"],
            table.Columns.Select(c => c.Heading(WrittenStandard.Nb)));
        Assert.Equal(["Opphavleg oppmoda", "Justert oppmoda"], table.Columns.Skip(1).Take(2).Select(c => c.Heading(WrittenStandard.Nn)));
        Assert.Equal([100, 80, -20], table.Columns.Skip(1).Take(3).Select(c => (int?)c.Value(table.Rows[0])));
        Assert.Equal(["0301"], table.Rows.Where(table.Changed!).Select(r => r.Kommunenummer));
        // Before any revision: the published columns as they always were.
        Assert.Same(Busetting.Planning.Tables.Tables.Public, Busetting.Planning.Tables.Tables.PublicFor(y with { Original = null }).Columns);
    }

    /// <summary>The cells by their reference ("A1"); SpreadCheetah writes cells in order without references, as the format allows.</summary>
    private static Dictionary<string, Cell> Cells(Worksheet sheet)
    {
        var cells = new Dictionary<string, Cell>();
        var rowNumber = 0u;
        foreach (var row in sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>())
        {
            rowNumber = row.RowIndex?.Value ?? rowNumber + 1;
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column++;
                cells[cell.CellReference?.Value ?? $"{(char)('A' + column - 1)}{rowNumber}"] = cell;
            }
        }
        return cells;
    }
}
