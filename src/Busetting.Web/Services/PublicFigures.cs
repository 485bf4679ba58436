using System.Collections.Concurrent;
using Busetting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Busetting.Web.Services;

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
    int? Settled);

/// <summary>Where a year's public figures come from.</summary>
public enum PublicSource
{
    /// <summary>A year planned in this system: the published run and the registered decisions.</summary>
    Busetting,
    /// <summary>A year before this system: IMDi's published key-figure tables and settlement statistics (shipped data).</summary>
    Imdi,
}

public sealed record PublicYear(int Year, PublicSource Source, int Revision, DateOnly? Deadline, IReadOnlyList<PublicRow> Rows);

/// <summary>
/// The published numbers only. Cached per year and invalidated by a cheap stamp (year version, newest decision), so
/// the public API serves from memory and never shows a draft.
/// </summary>
public sealed class PublicFigures(IServiceScopeFactory scopes, ReferenceStore reference)
{
    private readonly ConcurrentDictionary<int, (string Stamp, PublicYear? Year)> _cache = new();

    public async Task<IReadOnlyList<int>> Years()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BusettingDb>();
        var planned = await db.Years.AsNoTracking().Where(y => y.PublishedRunId != null).Select(y => y.Year).ToListAsync();
        return planned.Concat(reference.SettledYears).Concat(reference.KeyFigureYears).Distinct().OrderDescending().ToList();
    }

    public async Task<PublicYear?> For(int year)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BusettingDb>();
        var planning = await db.Years.AsNoTracking().Where(y => y.Year == year)
            .Select(y => new { y.Version, y.PublishedRunId, y.Revision, y.DecisionDeadline }).FirstOrDefaultAsync();
        var newestDecision = planning?.PublishedRunId is null ? 0 : await db.Decisions.Where(d => d.Year == year).MaxAsync(d => (int?)d.Id) ?? 0;
        var stamp = $"{planning?.Version}:{planning?.PublishedRunId}:{newestDecision}";
        if (_cache.TryGetValue(year, out var cached) && cached.Stamp == stamp)
        {
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
                return new PublicRow(l.Kommunenummer, m.Name, m.County.Value, m.CountyName, reference.Population(l.Kommunenummer, year),
                    l.Requested, l.RequestedEm, l.PlanNextYear, decision?.Persons, decision?.Em, reference.Settled(l.Kommunenummer, year));
            }).OrderBy(r => r.Kommunenummer, StringComparer.Ordinal).ToList();
            result = new PublicYear(year, PublicSource.Busetting, planning.Revision, planning.DecisionDeadline, rows);
        }
        else if (reference.SettledYears.Contains(year) || reference.KeyFigureYears.Contains(year))
        {
            var rows = reference.Data.Municipalities.Select(m =>
            {
                var key = reference.KeyFigures(m.Number.Value, year);
                return new PublicRow(m.Number.Value, m.Name, m.County.Value, m.CountyName, reference.Population(m.Number.Value, year),
                    key?.Requested, null, null, key?.Decided, null, reference.Settled(m.Number.Value, year) ?? key?.Settled);
            }).ToList();
            result = new PublicYear(year, PublicSource.Imdi, 0, null, rows);
        }
        else
        {
            result = null;
        }
        _cache[year] = (stamp, result);
        return result;
    }
}
