using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Busetting.Web.Services;

/// <summary>
/// Draws municipality boundaries (shipped GeoJSON, Kartverket 2024) as SVG paths, once at start-up. Projection:
/// longitude scaled by cos(65°), enough for a national overview map; the map is decoration for the table beside it.
/// </summary>
public sealed class MapRenderer
{
    public const string FileName = "kommuner_2024_S.geojson";
    private const double Scale = 40;
    private static readonly double LonFactor = Math.Cos(65 * Math.PI / 180);

    public MapRenderer(ReferenceStore reference)
    {
        var path = Path.Combine(reference.Folder, FileName);
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var shapes = new Dictionary<string, string>(StringComparer.Ordinal);
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        var raw = new List<(string Number, List<List<(double X, double Y)>> Rings)>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var number = feature.GetProperty("properties").GetProperty("kommunenummer").GetString()!;
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "MultiPolygon"
                ? geometry.GetProperty("coordinates").EnumerateArray().ToList()
                : [geometry.GetProperty("coordinates")];
            var rings = new List<List<(double, double)>>();
            foreach (var polygon in polygons)
            {
                foreach (var ring in polygon.EnumerateArray())
                {
                    var points = ring.EnumerateArray().Select(p => Project(p[0].GetDouble(), p[1].GetDouble())).ToList();
                    foreach (var (x, y) in points)
                    {
                        (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
                    }
                    rings.Add(points);
                }
            }
            raw.Add((number, rings));
        }
        foreach (var (number, rings) in raw)
        {
            var d = new StringBuilder();
            foreach (var ring in rings)
            {
                for (var i = 0; i < ring.Count; i++)
                {
                    d.Append(i == 0 ? 'M' : 'L');
                    d.Append(CultureInfo.InvariantCulture, $"{ring[i].X - minX:0.#} {ring[i].Y - minY:0.#}");
                }
                d.Append('Z');
            }
            shapes[number] = d.ToString();
        }
        Paths = shapes;
        Width = Math.Ceiling(maxX - minX);
        Height = Math.Ceiling(maxY - minY);
    }

    /// <summary>SVG path data per kommunenummer.</summary>
    public IReadOnlyDictionary<string, string> Paths { get; }

    public double Width { get; }

    public double Height { get; }

    public string ViewBox => string.Create(CultureInfo.InvariantCulture, $"0 0 {Width} {Height}");

    private static (double X, double Y) Project(double lon, double lat) => (lon * LonFactor * Scale, -lat * Scale);

    /// <summary>Class boundaries (quintiles of the non-zero values) for a choropleth; class 0 = not asked.</summary>
    public static IReadOnlyList<double> Breaks(IEnumerable<double> values)
    {
        var sorted = values.Where(v => v > 0).Order().ToList();
        if (sorted.Count == 0)
        {
            return [];
        }
        return Enumerable.Range(1, 4).Select(k => sorted[Math.Min(sorted.Count - 1, sorted.Count * k / 5)]).Distinct().ToList();
    }

    public static int ClassOf(double value, IReadOnlyList<double> breaks) =>
        value <= 0 ? 0 : 1 + breaks.Count(b => value >= b);
}
