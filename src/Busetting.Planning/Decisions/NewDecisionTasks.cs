namespace Busetting.Planning;

/// <summary>A council decision above the adjusted request after a revision: the municipality is asked for a new decision.</summary>
/// <param name="Decided">Persons in the council's current decision.</param>
/// <param name="Requested">The adjusted (published) request.</param>
/// <param name="Deadline">The year's decision deadline; null when IMDi has not set one.</param>
/// <param name="Revision">The revision that adjusted the request.</param>
public sealed record NewDecisionTask(int Decided, int Requested, DateOnly? Deadline, int Revision);

/// <summary>Finds the <see cref="NewDecisionTask"/> of a year's municipalities (<see cref="DecisionRules.NeedsNewDecision"/>), read-only.</summary>
internal static class NewDecisionTasks
{
    public static async Task<Dictionary<MunicipalityNumber, NewDecisionTask>> For(BusettingDb db, SettlementYear year, MunicipalityNumber? only = null)
    {
        var planningYear = await db.Years.AsNoTracking().FirstOrDefaultAsync(y => y.Year == year);
        if (planningYear is not { Revision: > 0, PublishedRunId: { } published })
        {
            return [];
        }
        // When the adjusted requests were published: the year's latest step to Published.
        var publishedAt = await db.YearStatusChanges.AsNoTracking().Where(c => c.Year == year && c.To == YearStatus.Published)
            .MaxAsync(c => (DateTime?)c.At);
        if (publishedAt is not { } at)
        {
            return [];
        }
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.Year == year && (only == null || d.Kommunenummer == only)).ToListAsync();
        var requested = await db.RunLines.AsNoTracking().Where(l => l.RunId == published && (only == null || l.Kommunenummer == only))
            .ToDictionaryAsync(l => l.Kommunenummer, l => l.Requested);
        return decisions.GroupBy(d => d.Kommunenummer).Select(g => g.MaxBy(d => d.Version)!)
            .Where(d => DecisionRules.NeedsNewDecision(planningYear.Revision, d.Persons, d.At, requested.GetValueOrDefault(d.Kommunenummer), at))
            .ToDictionary(d => d.Kommunenummer, d => new NewDecisionTask(d.Persons, requested.GetValueOrDefault(d.Kommunenummer), planningYear.DecisionDeadline, planningYear.Revision));
    }
}
