using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Busetting.Letters;

public static partial class LetterRenderer
{
    private sealed class PageWriter : IDisposable
    {
        private readonly PdfDocument _document;

        public PageWriter(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        public XGraphics Graphics { get; private set; } = null!;

        public double Y { get; set; }

        private void NewPage()
        {
            Graphics?.Dispose();
            var page = _document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            Graphics = XGraphics.FromPdfPage(page);
            Y = Margin;
        }

        public void EnsureRoom(double height)
        {
            if (Y + height > PageHeight - Margin - FooterSpace)
            {
                NewPage();
            }
        }

        public void Space(double points) => Y += points;

        /// <summary>Whether <paramref name="height"/> more would start a new page.</summary>
        public bool WouldBreak(double height) => Y + height > PageHeight - Margin - FooterSpace;

        public void Lines(IReadOnlyList<IReadOnlyList<(string Text, XFont Font)>> lines, XFont font, double x)
        {
            var height = font.Height * Leading;
            foreach (var line in lines)
            {
                EnsureRoom(height);
                var cursor = x;
                foreach (var (text, runFont) in line)
                {
                    Graphics.DrawString(text, runFont, XBrushes.Black, cursor, Y, XStringFormats.TopLeft);
                    cursor += Graphics.MeasureString(text, runFont).Width;
                }
                Y += height;
            }
        }

        public void Dispose() => Graphics.Dispose();
    }
}
