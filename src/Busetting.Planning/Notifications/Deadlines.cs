namespace Busetting.Planning;

/// <summary>A municipality asked in the published run that has not registered a council decision.</summary>
public sealed record Unanswered(MunicipalityNumber Kommunenummer, int Requested, int RequestedEm);

/// <summary>Who has not answered: the base of the reminders, the overdue e-mail and the "ikke svart etter fristen" page.</summary>
public static class Deadlines
{
    /// <summary>Municipalities with a request (persons or EM) in the year's published run and no decision of any version, by number.</summary>
    public static async Task<List<Unanswered>> Unanswered(BusettingDb db, SettlementYear year)
    {
        var runId = await db.Years.AsNoTracking().Where(y => y.Year == year).Select(y => y.PublishedRunId).FirstOrDefaultAsync();
        if (runId is null)
        {
            return [];
        }
        var decided = await db.Decisions.AsNoTracking().Where(d => d.Year == year).Select(d => d.Kommunenummer).Distinct().ToListAsync();
        var lines = await db.RunLines.AsNoTracking().Where(l => l.RunId == runId && (l.Requested > 0 || l.RequestedEm > 0))
            .Select(l => new { l.Kommunenummer, l.Requested, l.RequestedEm }).ToListAsync();
        var done = decided.ToHashSet();
        return lines.Where(l => !done.Contains(l.Kommunenummer)).OrderBy(l => l.Kommunenummer)
            .Select(l => new Unanswered(l.Kommunenummer, l.Requested, l.RequestedEm)).ToList();
    }
}
