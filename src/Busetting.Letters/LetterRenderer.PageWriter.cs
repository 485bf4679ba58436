using PdfSharp.Drawing;

namespace Busetting.Letters;

public static partial class LetterRenderer
{
    /// <summary>
    /// Lays the letter out page by page, recording what each page shows (text, rules, structure elements) instead of
    /// drawing it: the pages are painted once the page count is known, so "Side n av m" is drawn with its page and the
    /// structure tree is built in reading order (<see cref="Paint"/>).
    /// </summary>
    private sealed class PageWriter
    {
        private readonly List<List<Mark>> _pages = [];
        private List<Mark> _page = null!;

        public PageWriter(Measure measure)
        {
            Measure = measure;
            NewPage();
        }

        public Measure Measure { get; }

        public double Y { get; set; }

        public IReadOnlyList<IReadOnlyList<Mark>> Pages => _pages;

        private void NewPage()
        {
            _page = [];
            _pages.Add(_page);
            Y = Margin;
        }

        public void EnsureRoom(double height)
        {
            if (WouldBreak(height))
            {
                NewPage();
            }
        }

        public void Space(double points) => Y += points;

        /// <summary>Whether <paramref name="height"/> more would start a new page.</summary>
        public bool WouldBreak(double height) => Y + height > PageHeight - Margin - FooterSpace;

        public void Text(string text, XFont font, double x, double y, XStringFormat format) => _page.Add(new TextMark(text, font, x, y, format));

        /// <summary>A drawn line: page furniture, painted as an artifact.</summary>
        public void Rule(XColor color, double thickness, double x1, double y, double x2) => _page.Add(new RuleMark(color, thickness, x1, y, x2));

        /// <summary>Opens a structure element; what is written until <see cref="Close"/> belongs to it (and may run onto the next page).</summary>
        public void Open(Tag tag) => _page.Add(new OpenMark(tag));

        public void Close() => _page.Add(CloseMark.Instance);

        /// <summary>Wrapped lines; each line's runs of one font are written as one piece of text.</summary>
        public void Lines(IReadOnlyList<IReadOnlyList<(string Text, XFont Font)>> lines, XFont font, double x)
        {
            var height = font.Height * Leading;
            foreach (var line in lines)
            {
                EnsureRoom(height);
                var cursor = x;
                foreach (var (text, runFont) in Runs(line))
                {
                    Text(text, runFont, cursor, Y, XStringFormats.TopLeft);
                    cursor += Measure.Width(text, runFont);
                }
                Y += height;
            }
        }

        /// <summary>Neighbouring words of the same font joined ("Tallet for 2026" once, not three times).</summary>
        private static List<(string Text, XFont Font)> Runs(IReadOnlyList<(string Text, XFont Font)> line)
        {
            var runs = new List<(string Text, XFont Font)>();
            foreach (var (text, font) in line)
            {
                if (runs.Count > 0 && ReferenceEquals(runs[^1].Font, font))
                {
                    runs[^1] = (runs[^1].Text + text, font);
                }
                else
                {
                    runs.Add((text, font));
                }
            }
            return runs;
        }
    }
}
