using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Busetting.Letters;

/// <summary>
/// Tagged PDF (PDF/UA): case workers download letters from the web, where the universal-design rules apply. Every piece
/// of text belongs to a structure element (headings, paragraphs, lists, tables with header cells) in reading order;
/// rules, the repeated table header and the footer are artifacts a screen reader skips.
/// </summary>
public static partial class LetterRenderer
{
    /// <summary>The structure elements a letter uses (standard structure types of PDF 1.7, 14.8.4).</summary>
    private enum Tag { Heading1, Heading2, Paragraph, List, ListItem, Label, ListBody, Table, Row, HeaderCell, DataCell, Artifact }

    /// <summary>One recorded step of a page: text, a rule, or the start or end of a structure element.</summary>
    private abstract record Mark;

    private sealed record TextMark(string Text, XFont Font, double X, double Y, XStringFormat Format) : Mark;

    private sealed record RuleMark(XColor Color, double Thickness, double X1, double Y, double X2) : Mark;

    private sealed record OpenMark(Tag Tag) : Mark;

    private sealed record CloseMark : Mark
    {
        public static readonly CloseMark Instance = new();
    }

    /// <summary>
    /// Paints the recorded pages into the document with its structure tree: /Lang from the letter's written standard,
    /// the title shown instead of the file name, and on every page the footer with "Side n av m" as an artifact.
    /// </summary>
    private static void Paint(PdfDocument document, IReadOnlyList<IReadOnlyList<Mark>> pages, LetterDocument letter, XFont small)
    {
        var accessibility = UAManager.ForDocument(document);
        // UAManager starts the document in English; the letter's language replaces it.
        accessibility.SetDocumentLanguage(WrittenStandards.NynorskOrBokmal(letter.Language).CultureName());
        var structure = accessibility.StructureBuilder;
        var rulePen = new XPen(XColors.Gray, 0.5);
        for (var i = 0; i < pages.Count; i++)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            using var graphics = XGraphics.FromPdfPage(page);
            foreach (var mark in pages[i])
            {
                switch (mark)
                {
                    case TextMark t:
                        graphics.DrawString(t.Text, t.Font, XBrushes.Black, t.X, t.Y, t.Format);
                        break;
                    case RuleMark r:
                        structure.BeginArtifact();
                        graphics.DrawLine(new XPen(r.Color, r.Thickness), r.X1, r.Y, r.X2, r.Y);
                        structure.End();
                        break;
                    case OpenMark o:
                        Begin(structure, o.Tag);
                        break;
                    case CloseMark:
                        structure.End();
                        break;
                }
            }
            structure.BeginArtifact();
            var footerY = PageHeight - Margin + 12;
            graphics.DrawLine(rulePen, Margin, footerY - 6, PageWidth - Margin, footerY - 6);
            graphics.DrawString(letter.FooterText, small, XBrushes.Gray, Margin, footerY, XStringFormats.TopLeft);
            graphics.DrawString(string.Create(CultureInfo.InvariantCulture, $"Side {i + 1} av {pages.Count}"), small, XBrushes.Gray, PageWidth - Margin, footerY, XStringFormats.TopRight);
            structure.End();
            // An element that goes on over the page (a table, a long paragraph) closes its marked content on this page.
            structure.EndMarkedContentsWithId();
        }
    }

    private static void Begin(StructureBuilder structure, Tag tag)
    {
        switch (tag)
        {
            case Tag.Artifact:
                structure.BeginArtifact();
                return;
            case Tag.Heading1:
                structure.BeginElement(PdfBlockLevelElementTag.Heading1);
                return;
            case Tag.Heading2:
                structure.BeginElement(PdfBlockLevelElementTag.Heading2);
                return;
            case Tag.Paragraph:
                structure.BeginElement(PdfBlockLevelElementTag.Paragraph);
                return;
            case Tag.List:
                structure.BeginElement(PdfBlockLevelElementTag.List);
                return;
            case Tag.ListItem:
                structure.BeginElement(PdfBlockLevelElementTag.ListItem);
                return;
            case Tag.Label:
                structure.BeginElement(PdfBlockLevelElementTag.Label);
                return;
            case Tag.ListBody:
                structure.BeginElement(PdfBlockLevelElementTag.ListBody);
                return;
            case Tag.Table:
                structure.BeginElement(PdfBlockLevelElementTag.Table);
                return;
            case Tag.Row:
                structure.BeginElement(PdfBlockLevelElementTag.TableRow);
                return;
            case Tag.HeaderCell:
                structure.BeginElement(PdfBlockLevelElementTag.TableHeaderCell);
                // A header cell heads its column.
                structure.CurrentStructureElement.TableAttributes.Elements.SetName("/Scope", "/Column");
                return;
            case Tag.DataCell:
                structure.BeginElement(PdfBlockLevelElementTag.TableDataCell);
                return;
        }
    }
}
