using System.Text.Json;
using Busetting.Data.Reference;
using Busetting.Domain.Allocation;

namespace Busetting.Data.Import;

/// <summary>
/// Reads an SSB PxWebApi table in JSON-stat 2.0 (class "dataset") into indicator values: one region dimension
/// (municipalities, "K-" prefix allowed), one time dimension (years), and every other dimension filtered to one category
/// (or chosen with <c>contents</c>). Regions that are not municipalities (the country, counties) are skipped and counted.
/// </summary>
public static class JsonStat
{
    public sealed record Imported(IReadOnlyList<MunicipalityIndicator> Values, int SkippedRegions, int MissingValues, string Label);

    public static Result<Imported> Read(string path, string indicatorId, string? contents, IReadOnlySet<MunicipalityNumber> known, CodeChanges changes)
    {
        if (!File.Exists(path))
        {
            return Error.NotFound("file.missing", $"file not found: {path}");
        }
        if (!IndicatorIds.Importable.Contains(indicatorId))
        {
            return Error.Invalid("jsonstat.indicator", $"unknown indicator '{indicatorId}'; known: {string.Join(", ", IndicatorIds.Importable)}");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            return Error.Invalid("jsonstat.json", $"not valid JSON: {e.Message.Split(" Path:")[0]}",
                string.Create(CultureInfo.InvariantCulture, $"{path}:{(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}"));
        }
        using (document)
        {
            return Parse(document.RootElement, path, indicatorId, contents, known, changes);
        }
    }

    private static Result<Imported> Parse(JsonElement root, string path, string indicatorId, string? contents, IReadOnlySet<MunicipalityNumber> known, CodeChanges changes)
    {
        Error Bad(string message) => Error.Invalid("jsonstat.format", message, path);
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Bad("the top level must be a JSON-stat object");
        }
        if (!root.TryGetProperty("version", out var version) || version.GetString() != "2.0" || !root.TryGetProperty("class", out var cls) || cls.GetString() != "dataset")
        {
            return Bad("expected JSON-stat 2.0 with \"version\": \"2.0\" and \"class\": \"dataset\" (PxWebApi: outputFormat=json-stat2)");
        }
        if (!root.TryGetProperty("id", out var idElement) || !root.TryGetProperty("size", out var sizeElement) || !root.TryGetProperty("dimension", out var dimensions) || !root.TryGetProperty("value", out var valueElement))
        {
            return Bad("missing one of \"id\", \"size\", \"dimension\", \"value\"");
        }
        var ids = idElement.EnumerateArray().Select(e => e.GetString() ?? "").ToList();
        var sizes = sizeElement.EnumerateArray().Select(e => e.GetInt32()).ToList();
        if (ids.Count != sizes.Count || ids.Count == 0)
        {
            return Bad("\"id\" and \"size\" must list the same number of dimensions");
        }
        var categories = new List<List<string>>();
        foreach (var (id, size) in ids.Zip(sizes))
        {
            if (!dimensions.TryGetProperty(id, out var dimension) || !dimension.TryGetProperty("category", out var category))
            {
                return Bad($"dimension '{id}' has no category");
            }
            var codes = CategoryCodes(category);
            if (codes.Count != size)
            {
                return Bad(string.Create(CultureInfo.InvariantCulture, $"dimension '{id}' lists {codes.Count} categories but size says {size}"));
            }
            categories.Add(codes);
        }
        var role = root.TryGetProperty("role", out var r) ? r : default;
        var regionIndex = DimensionIndex(ids, role, "geo", "Region");
        var timeIndex = DimensionIndex(ids, role, "time", "Tid");
        if (regionIndex < 0 || timeIndex < 0)
        {
            return Bad("could not find a region dimension (role geo or 'Region') and a time dimension (role time or 'Tid')");
        }
        var fixedCategory = new int[ids.Count];
        for (var d = 0; d < ids.Count; d++)
        {
            if (d == regionIndex || d == timeIndex || sizes[d] == 1)
            {
                continue;
            }
            var chosen = contents is null ? -1 : categories[d].IndexOf(contents);
            if (chosen < 0)
            {
                return Bad(string.Create(CultureInfo.InvariantCulture, $"dimension '{ids[d]}' has {sizes[d]} categories ({string.Join(", ", categories[d].Take(8))}); choose one with --contents or filter the table"));
            }
            fixedCategory[d] = chosen;
        }
        var total = sizes.Aggregate(1L, (a, b) => a * b);
        var values = ReadValues(valueElement, total);
        if (values is null)
        {
            return Bad(string.Create(CultureInfo.InvariantCulture, $"\"value\" must be an array of {total} numbers or nulls (or an object of index → number); the file may be truncated"));
        }

        var (min, max) = IndicatorIds.RangeOf(indicatorId);
        var result = new List<MunicipalityIndicator>();
        var errors = new List<Error>();
        var skipped = 0;
        var missing = 0;
        var label = root.TryGetProperty("label", out var l) ? l.GetString() ?? "" : "";
        var source = $"SSB (JSON-stat {Path.GetFileName(path)}{(label.Length > 0 ? $": {label}" : "")})";
        var seen = new HashSet<(MunicipalityNumber, int)>();
        for (var regionPosition = 0; regionPosition < sizes[regionIndex]; regionPosition++)
        {
            var code = categories[regionIndex][regionPosition];
            var bare = code.StartsWith("K-", StringComparison.Ordinal) ? code[2..] : code;
            if (bare.Length != 4 || !MunicipalityNumber.TryParse(bare, out var number, out _))
            {
                skipped++;
                continue;
            }
            for (var timePosition = 0; timePosition < sizes[timeIndex]; timePosition++)
            {
                var timeCode = categories[timeIndex][timePosition];
                if (timeCode.Length < 4 || !int.TryParse(timeCode.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                {
                    return Bad($"time category '{timeCode}' does not start with a year");
                }
                var position = fixedCategory.ToArray();
                position[regionIndex] = regionPosition;
                position[timeIndex] = timePosition;
                var flat = 0L;
                for (var d = 0; d < ids.Count; d++)
                {
                    flat = flat * sizes[d] + position[d];
                }
                if (values[flat] is not { } value)
                {
                    missing++;
                    continue;
                }
                var where = $"{path} (region '{code}', time '{timeCode}')";
                if (value < min || value > max)
                {
                    errors.Add(Error.Invalid("jsonstat.range", string.Create(CultureInfo.InvariantCulture, $"{value} is outside {min}–{max} for '{indicatorId}'"), where));
                    continue;
                }
                var mapped = changes.ToCurrent(number, year);
                if (mapped.Count != 1 || !known.Contains(mapped[0]))
                {
                    errors.Add(Error.Invalid("jsonstat.kommunenummer", $"kommunenummer {number} of {year} does not map to exactly one municipality of 2024", where));
                    continue;
                }
                if (!seen.Add((mapped[0], year)))
                {
                    errors.Add(Error.Invalid("jsonstat.duplicate", $"two regions map to {mapped[0]} in {year}", where));
                    continue;
                }
                result.Add(new MunicipalityIndicator(mapped[0], new IndicatorValue(indicatorId, value, year, source)));
            }
        }
        if (errors.Count > 0)
        {
            return Result<Imported>.Fail(errors.Take(IndicatorCsv.MaxErrors).ToList());
        }
        if (result.Count == 0)
        {
            return Bad("the table holds no municipality values");
        }
        return new Imported(result, skipped, missing, label);
    }

    private static int DimensionIndex(List<string> ids, JsonElement role, string roleName, string fallback)
    {
        if (role.ValueKind == JsonValueKind.Object && role.TryGetProperty(roleName, out var names) && names.ValueKind == JsonValueKind.Array)
        {
            var first = names.EnumerateArray().Select(n => n.GetString()).FirstOrDefault();
            if (first is not null && ids.Contains(first))
            {
                return ids.IndexOf(first);
            }
        }
        return ids.FindIndex(id => id.Contains(fallback, StringComparison.OrdinalIgnoreCase));
    }

    private static List<string> CategoryCodes(JsonElement category)
    {
        if (category.TryGetProperty("index", out var index))
        {
            return index.ValueKind == JsonValueKind.Array
                ? index.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
                : index.EnumerateObject().OrderBy(p => p.Value.GetInt32()).Select(p => p.Name).ToList();
        }
        return category.TryGetProperty("label", out var label) ? label.EnumerateObject().Select(p => p.Name).ToList() : [];
    }

    private static decimal?[]? ReadValues(JsonElement element, long total)
    {
        var values = new decimal?[total];
        if (element.ValueKind == JsonValueKind.Array)
        {
            if (element.GetArrayLength() != total)
            {
                return null;
            }
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Number)
                {
                    values[i] = item.GetDecimal();
                }
                else if (item.ValueKind != JsonValueKind.Null)
                {
                    return null;
                }
                i++;
            }
            return values;
        }
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!long.TryParse(property.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= total || property.Value.ValueKind != JsonValueKind.Number)
                {
                    return null;
                }
                values[index] = property.Value.GetDecimal();
            }
            return values;
        }
        return null;
    }
}
