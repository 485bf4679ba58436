using System.Collections.Concurrent;
using PdfSharp.Drawing;

namespace Busetting.Letters;

public static partial class LetterRenderer
{
    /// <summary>
    /// Text widths, remembered across letters: a batch lays out the same template words in the same few fonts hundreds
    /// of times, and PDFsharp measures glyph by glyph. A width depends only on the text, the size and the weight
    /// (one family), so the remembered width is the measured one.
    /// </summary>
    private sealed class Measure : IDisposable
    {
        /// <summary>Enough for many batches' words; past it the memory starts again (free text could grow it without end).</summary>
        private const int MaxRemembered = 100_000;
        private static readonly ConcurrentDictionary<(double Size, bool Bold, string Text), double> Widths = new();
        private readonly XGraphics _graphics = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);

        public double Width(string text, XFont font)
        {
            var key = (font.Size, font.Bold, text);
            if (Widths.TryGetValue(key, out var width))
            {
                return width;
            }
            if (Widths.Count > MaxRemembered)
            {
                Widths.Clear();
            }
            width = _graphics.MeasureString(text, font).Width;
            Widths[key] = width;
            return width;
        }

        public void Dispose() => _graphics.Dispose();
    }
}
