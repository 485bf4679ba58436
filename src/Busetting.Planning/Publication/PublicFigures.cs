using System.Collections.Concurrent;

using Busetting.Planning.Tables;

namespace Busetting.Planning;

/// <summary>One municipality's public figures for a year: requested (and EM) from the published run or IMDi's tables, decided, settled.</summary>
public sealed record PublicRow(
    string Kommunenummer,
    string Name,
    string CountyNumber,
    string County,
    int? Population,
    int? Requested,
    int? RequestedEm,
    int? PlanNextYear,
    int? Decided,
    int? DecidedEm,
    int? Settled) : Tables.IMunicipalityRow;

/// <summary>Where a year's public figures come from.</summary>
public enum PublicSource
{
    /// <summary>A year planned in this system: the published run and the registered decisions.</summary>
    Busetting,
    /// <summary>A year before this system: IMDi's published key-figure tables and settlement statistics (shipped data).</summary>
    Imdi,
}

/// <summary>A year's public figures.</summary>
/// <param name="PublishedAt">When the figures shown were published; null when no status step says (IMDi's own years).</param>
/// <param name="Original">After a revision, each municipality's request as first published (by municipality number); null before one.</param>
public sealed record PublicYear(int Year, PublicSource Source, int Revision, DateOnly? Deadline, IReadOnlyList<PublicRow> Rows,
    DateTime? PublishedAt = null, IReadOnlyDictionary<string, int>? Original = null);

/// <summary>A year's public figures serialised once: the JSON bytes and their entity tag.</summary>
public sealed record PublicJson(byte[] Utf8, string ETag);

/// <summary>The public pages rendered from these figures, wherever they are cached (the web's output cache).</summary>
public interface IPublicPages
{
    /// <summary>Forget every cached public page at once.</summary>
    ValueTask Evict();
}

/// <summary>
/// The published numbers only. Cached per year with a stamp (year version, published run, newest decision). The stamp
/// is re-read from the database at most every <see cref="StampLifetime"/> (so other instances' writes show within that
/// time), and this instance's own writes invalidate at once. The public API serves pre-serialised bytes from memory.
/// </summary>
public sealed class PublicFigures(IServiceScopeFactory scopes, ReferenceStore reference, TimeProvider clock, IPublicPages pages)
{
    public static readonly TimeSpan StampLifetime = TimeSpan.FromSeconds(2);

    private sealed record Entry(string Stamp, DateTimeOffset CheckedAt, PublicYear? Year, PublicJson? Json);

    private readonly ConcurrentDictionary<int, Entry> _cache = new();

    /// <summary>How many years are cached (tests: never more than the years that exist).</summary>
    public int CachedYears => _cache.Count;

    /// <summary>Forget a year at once, and every cached public page (called after this instance changed something public).</summary>
    public async ValueTask Invalidate(SettlementYear year)
    {
        _cache.TryRemove(year.Value, out _);
        await pages.Evict();
    }

    public async Task<PublicJson?> Json(SettlementYear year)
    {
        await For(year);
        return _cache.TryGetValue(year.Value, out var entry) ? entry.Json : null;
    }

    public async Task<IReadOnlyList<int>> Years()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BusettingDb>();
        var planned = await db.Years.AsNoTracking().Where(y => y.PublishedRunId != null).Select(y => y.Year).ToListAsync();
        return planned.Select(y => y.Value).Concat(reference.SettledYears).Concat(reference.KeyFigureYears).Distinct().OrderDescending().ToList();
    }

    public async Task<PublicYear?> For(SettlementYear year)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(year.Value, out var fresh) && now - fresh.CheckedAt < StampLifetime)
        {
            return fresh.Year;
        }
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BusettingDb>();
        var planning = await db.Years.AsNoTracking().Where(y => y.Year == year)
            .Select(y => new { y.Version, y.PublishedRunId, y.Revision, y.DecisionDeadline }).FirstOrDefaultAsync();
        var newestDecision = planning?.PublishedRunId is null ? 0 : await db.Decisions.Where(d => d.Year == year).MaxAsync(d => (int?)d.Id) ?? 0;
        var stamp = $"{planning?.Version}:{planning?.PublishedRunId}:{newestDecision}";
        if (_cache.TryGetValue(year.Value, out var cached) && cached.Stamp == stamp)
        {
            _cache[year.Value] = cached with { CheckedAt = now };
            return cached.Year;
        }
        PublicYear? result;
        if (planning?.PublishedRunId is { } runId)
        {
            var lines = await db.RunLines.AsNoTracking().Where(l => l.RunId == runId)
                .Select(l => new { l.Kommunenummer, l.Requested, l.RequestedEm, l.PlanNextYear }).ToListAsync();
            var decisions = (await db.Decisions.AsNoTracking().Where(d => d.Year == year).ToListAsync())
                .GroupBy(d => d.Kommunenummer).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!);
            var rows = lines.Select(l =>
            {
                var m = reference.ByNumber[l.Kommunenummer];
                var decision = decisions.GetValueOrDefault(l.Kommunenummer);
                return new PublicRow(l.Kommunenummer.Value, m.Name, m.County.Value, m.CountyName, reference.Population(l.Kommunenummer, year.Value),
                    l.Requested, l.RequestedEm, l.PlanNextYear, decision?.Persons, decision?.Em, reference.Settled(l.Kommunenummer, year.Value));
            }).OrderBy(r => r.Kommunenummer, StringComparer.Ordinal).ToList();
            // The publication history (PublicationHandler) dates the figures and, after a revision, gives the original requests.
            var history = scope.ServiceProvider.GetRequiredService<PublicationHandler>();
            var publications = await history.Publications(year);
            var original = publications.Count > 1
                ? (await history.PublishedLines([publications[0]]))[publications[0].RunId].ToDictionary(l => l.Key.Value, l => l.Value.Requested)
                : null;
            result = new PublicYear(year.Value, PublicSource.Busetting, planning.Revision, planning.DecisionDeadline, rows,
                publications.Count > 0 ? publications[^1].At : null, original);
        }
        else if (reference.SettledYears.Contains(year.Value) || reference.KeyFigureYears.Contains(year.Value))
        {
            var rows = reference.Data.Municipalities.Select(m =>
            {
                var key = reference.KeyFigures(m.Number, year.Value);
                return new PublicRow(m.Number.Value, m.Name, m.County.Value, m.CountyName, reference.Population(m.Number, year.Value),
                    key?.Requested, null, null, key?.Decided, null, reference.Settled(m.Number, year.Value) ?? key?.Settled);
            }).ToList();
            result = new PublicYear(year.Value, PublicSource.Imdi, 0, null, rows);
        }
        else
        {
            result = null;
        }
        if (result is null && planning is null)
        {
            // A year that exists nowhere is not remembered: the cache holds at most one entry per real year.
            _cache.TryRemove(year.Value, out _);
            return null;
        }
        var json = result is null ? null : Serialize(result);
        _cache[year.Value] = new Entry(stamp, now, result, json);
        return result;
    }

    private static PublicJson Serialize(PublicYear y)
    {
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            new { year = y.Year, source = y.Source.ToString(), revision = y.Revision, decisionDeadline = y.Deadline, municipalities = y.Rows },
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        return new PublicJson(bytes, "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16] + "\"");
    }
}
