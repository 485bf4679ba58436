using PdfSharp.Drawing;

namespace Busetting.Letters;

/// <summary>Table layout: column widths, wrapped cells, row heights and drawing rows across pages.</summary>
public static partial class LetterRenderer
{
    private static double[] ColumnWidths(Measure g, Table table, XFont regular, XFont bold, double width)
    {
        var columns = table.Rows[0].Count;
        var natural = Enumerable.Range(0, columns)
            .Select(c => table.Rows.Max(r => g.Width(r[c], r == table.Rows[0] ? bold : regular)) + 10).ToArray();
        if (natural.Sum() <= width)
        {
            return natural;
        }
        // Numeric columns keep their width; text columns share what is left.
        var fixedWidth = Enumerable.Range(0, columns).Where(c => table.Numeric[c]).Sum(c => natural[c]);
        var textWidth = natural.Where((_, c) => !table.Numeric[c]).Sum();
        var scale = Math.Max(0.2, (width - fixedWidth) / textWidth);
        return natural.Select((w, c) => table.Numeric[c] ? w : w * scale).ToArray();
    }

    private static List<List<IReadOnlyList<(string, XFont)>>> Cells(Measure g, Table table, IReadOnlyList<string> row, XFont font, double[] widths) =>
        row.Select((text, c) => table.Numeric[c]
            ? [[(text, font)]]
            : Wrap(g, text, font, font, widths[c] - 10)).ToList();

    private static double RowHeight(List<List<IReadOnlyList<(string, XFont)>>> cells, XFont regular) =>
        cells.Max(c => Math.Max(1, c.Count)) * regular.Height * 1.25 + 4;

    /// <summary>The height of a table's header and first row as they will be drawn.</summary>
    private static double HeadHeight(Measure g, Table table, XFont regular, XFont bold, double width)
    {
        var widths = ColumnWidths(g, table, regular, bold, width);
        return table.Rows.Take(2).Select((row, r) => RowHeight(Cells(g, table, row, r == 0 ? bold : regular, widths), regular)).Sum();
    }

    /// <summary>
    /// The table as a tagged table: its first row header cells (TH), the others data cells (TD). A header row repeated
    /// on a new page is an artifact, so a screen reader meets the header once.
    /// </summary>
    private static void DrawTable(PageWriter writer, Table table, XFont regular, XFont bold, double width)
    {
        var widths = ColumnWidths(writer.Measure, table, regular, bold, width);
        var lineHeight = regular.Height * 1.25;
        List<List<IReadOnlyList<(string, XFont)>>> Cells(IReadOnlyList<string> row, XFont font) => LetterRenderer.Cells(writer.Measure, table, row, font, widths);
        double Height(List<List<IReadOnlyList<(string, XFont)>>> cells) => RowHeight(cells, regular);
        // The header row never stands alone at the bottom of a page: it needs room for the first data row too.
        var headerHeight = Height(Cells(table.Rows[0], bold));
        writer.EnsureRoom(headerHeight + (table.Rows.Count > 1 ? Height(Cells(table.Rows[1], regular)) : 0));
        writer.Open(Tag.Table);
        foreach (var (row, r) in table.Rows.Select((row, r) => (row, r)))
        {
            var font = r == 0 ? bold : regular;
            var cells = Cells(row, font);
            var height = Height(cells);
            if (r > 0 && writer.WouldBreak(height))
            {
                // A table that goes on over the page repeats its header row first.
                writer.EnsureRoom(height + headerHeight);
                writer.Open(Tag.Artifact);
                DrawRow(writer, table, Cells(table.Rows[0], bold), bold, widths, lineHeight, headerHeight, header: true, tagged: false);
                writer.Close();
            }
            writer.EnsureRoom(height);
            DrawRow(writer, table, cells, font, widths, lineHeight, height, header: r == 0, tagged: true);
        }
        writer.Close();
    }

    private static void DrawRow(PageWriter writer, Table table, List<List<IReadOnlyList<(string, XFont)>>> cells, XFont font,
        double[] widths, double lineHeight, double height, bool header, bool tagged)
    {
        if (tagged)
        {
            writer.Open(Tag.Row);
        }
        var x = Margin;
        for (var c = 0; c < cells.Count; c++)
        {
            if (tagged)
            {
                writer.Open(header ? Tag.HeaderCell : Tag.DataCell);
            }
            var lineY = writer.Y + 2;
            foreach (var line in cells[c])
            {
                var text = string.Concat(line.Select(run => run.Item1));
                if (table.Numeric[c])
                {
                    writer.Text(text, font, x + widths[c] - 5, lineY, XStringFormats.TopRight);
                }
                else
                {
                    writer.Text(text, font, x + 5, lineY, XStringFormats.TopLeft);
                }
                lineY += lineHeight;
            }
            if (tagged)
            {
                writer.Close();
            }
            x += widths[c];
        }
        if (tagged)
        {
            writer.Close();
        }
        writer.Y += height;
        writer.Rule(header ? XColors.Black : XColors.LightGray, header ? 0.8 : 0.4, Margin, writer.Y, Margin + widths.Sum());
    }
}
