namespace Busetting.Planning;

public sealed partial class YearHandler
{
    /// <summary>The facts that place the year on its stepper (<see cref="YearProgress"/>); null for a missing year.</summary>
    public async Task<YearFacts?> Facts(SettlementYear year)
    {
        if (await db.Years.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year) is not { } planningYear)
        {
            return null;
        }
        var needSet = await db.Needs.AnyAsync(n => n.Year == year);
        var newestRun = await db.Runs.Where(r => r.Year == year).OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync();
        var lettersMade = planningYear.ApprovedRunId is { } approved && await db.Letters.AnyAsync(l => l.Year == year && l.RunId == approved);
        return new YearFacts(planningYear.Status, needSet, newestRun, planningYear.PublishedRunId, lettersMade, planningYear.DecisionsLocked);
    }
}
