using Busetting.Data.Criteria;

namespace Busetting.Planning;

/// <summary>Criteria versions.</summary>
public sealed class CriteriaHandler(PlanningDependencies dependencies) : PlanningHandler(dependencies)
{
    public Task<CriteriaEntry?> CurrentCriteria(SettlementYear year) =>
        db.CriteriaVersions.AsNoTracking().Where(c => c.Year == year).OrderByDescending(c => c.Number).FirstOrDefaultAsync();

    public Task<List<CriteriaEntry>> CriteriaHistory(SettlementYear year) =>
        db.CriteriaVersions.AsNoTracking().Where(c => c.Year == year).OrderByDescending(c => c.Number).ToListAsync();

    public async Task<Result<CriteriaEntry>> AddCriteria(Actor actor, SettlementYear year, string json, string reason, int expectedNumber)
    {
        if (!Access.CanAdminister(actor))
        {
            return CriteriaErrors.OnlyAdministratorsChangeCriteria(actor);
        }
        if (RequiredReason(actor, "criteria.reason", reason, CriteriaErrors.NoReason) is { } noReason)
        {
            return noReason;
        }
        var parsed = CriteriaJson.Parse(json, Inv($"criteria {year}"));
        if (!parsed.IsSuccess)
        {
            return Result<CriteriaEntry>.Fail(parsed.Errors);
        }
        if (parsed.Value.Year != year.Value)
        {
            return CriteriaErrors.WrongYear(actor, parsed.Value.Year, year);
        }
        var problems = parsed.Value.Validate(Inv($"criteria {year}"));
        if (problems.Count > 0)
        {
            return Result<CriteriaEntry>.Fail(problems);
        }
        if (!await db.Years.AnyAsync(y => y.Year == year))
        {
            return YearNotFound(actor, year.Value);
        }
        var current = await db.CriteriaVersions.Where(c => c.Year == year).MaxAsync(c => (int?)c.Number) ?? 0;
        if (current != expectedNumber)
        {
            return CriteriaErrors.ChangedByOther(actor, year, current);
        }
        var entry = new CriteriaEntry { Year = year, Number = current + 1, Json = CriteriaJson.Write(parsed.Value), Reason = reason.Trim(), By = actor.Name, At = Now };
        db.CriteriaVersions.Add(entry);
        Audit(actor, AuditActions.CriteriaAdd, year, null, new { entry.Number, weights = parsed.Value.Criteria.ToDictionary(c => c.Id, c => c.Weight), parsed.Value.Rules.Floor }, reason);
        return await Save(actor, entry);
    }
}
