using Busetting.Planning.Tables;
using Microsoft.AspNetCore.Http;

namespace Busetting.Web.Services.Tables;

/// <summary>What a table shows, from the URL: search (name or number), county, only changed, sort, page (0 = all rows).</summary>
public sealed record TableQuery(string? Search, string? County, bool OnlyChanged, string? Sort, int Page)
{
    public const int PageSize = 50;

    public static TableQuery From(IQueryCollection query) => new(
        query["q"].FirstOrDefault(), query["fylke"].FirstOrDefault(), query["endra"].FirstOrDefault() == "1",
        query["sorter"].FirstOrDefault(), query["side"].FirstOrDefault() switch
        {
            "alle" => 0,
            var text when int.TryParse(text, out var page) && page > 1 => page,
            _ => 1,
        });

    /// <summary>Filtered and sorted, all pages (the export takes these).</summary>
    public IReadOnlyList<T> Apply<T>(TableData<T> table) where T : IMunicipalityRow
    {
        IEnumerable<T> rows = table.Rows;
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var q = Search.Trim();
            rows = rows.Where(r => r.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || r.Kommunenummer.StartsWith(q, StringComparison.Ordinal));
        }
        if (!string.IsNullOrEmpty(County))
        {
            rows = rows.Where(r => r.CountyNumber == County);
        }
        if (OnlyChanged && table.Changed is { } changed)
        {
            rows = rows.Where(changed);
        }
        var descending = Sort?.StartsWith('-') == true;
        var key = Sort?.TrimStart('-');
        var column = table.Columns.FirstOrDefault(c => c.Key == key);
        Func<T, object?> by = key switch
        {
            "nr" => r => r.Kommunenummer,
            "fylke" => r => r.County,
            _ when column is not null => column.Value,
            _ => r => r.Name,
        };
        var comparer = Comparer<object?>.Create(CompareValues);
        var sorted = descending ? rows.OrderByDescending(by, comparer) : rows.OrderBy(by, comparer);
        return sorted.ThenBy(r => r.Kommunenummer, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The filter in words for the line above an exported selection ("Utvalg: søk «Herøy», fylke Vestland"); null when
    /// every row is there. Sort and page do not select rows, so they are not named.
    /// </summary>
    public string? Describe<T>(TableData<T> table, WrittenStandard lang) where T : IMunicipalityRow
    {
        var nn = lang == WrittenStandard.Nn;
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            parts.Add($"søk «{Search.Trim()}»");
        }
        if (!string.IsNullOrEmpty(County))
        {
            parts.Add("fylke " + (table.Rows.FirstOrDefault(r => r.CountyNumber == County)?.County ?? County));
        }
        if (OnlyChanged && table.Changed is not null)
        {
            var label = table.FilterLabel(lang);
            parts.Add(char.ToLowerInvariant(label[0]) + label[1..]);
        }
        return parts.Count == 0 ? null : (nn ? "Utval: " : "Utvalg: ") + string.Join(", ", parts);
    }

    /// <summary>One page of the filtered rows.</summary>
    public IReadOnlyList<T> PageOf<T>(IReadOnlyList<T> rows) =>
        Page == 0 ? rows : rows.Skip((Math.Min(Page, Pages(rows.Count)) - 1) * PageSize).Take(PageSize).ToList();

    public static int Pages(int count) => Math.Max(1, (count + PageSize - 1) / PageSize);

    private static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.Compare(x, y, StringComparison.Ordinal),
        (IComparable x, _) => x.CompareTo(b),
        _ => 0,
    };
}
