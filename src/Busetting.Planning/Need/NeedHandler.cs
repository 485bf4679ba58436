using System.Text.Json;
using Busetting.Domain.Need;

namespace Busetting.Planning;

/// <summary>The national need and its revisions.</summary>
public sealed class NeedHandler(PlanningDependencies dependencies) : PlanningHandler(dependencies)
{
    public sealed record NeedChange(NeedEntry Entry, NeedRevision? ComparedWithPublished);

    public async Task<Result<NeedChange>> AddNeed(Actor actor, SettlementYear year, int persons, int em, NeedForecast? forecast, string reason, int expectedNumber)
    {
        if (!Access.CanPlan(actor))
        {
            return NeedErrors.OnlyPlannersEnterNeed(actor);
        }
        if (RequiredReason(actor, "need.reason", reason, NeedErrors.NoReason) is { } noReason)
        {
            return noReason;
        }
        if (forecast is not null)
        {
            var calculated = forecast.Calculate();
            if (!calculated.IsSuccess)
            {
                return Result<NeedChange>.Fail(calculated.Errors);
            }
            (persons, em) = (calculated.Value.Need.Persons, calculated.Value.Need.Em);
        }
        var need = NationalNeed.Create(persons, em);
        if (!need.IsSuccess)
        {
            return Result<NeedChange>.Fail(need.Errors);
        }
        if (!await db.Years.AnyAsync(y => y.Year == year))
        {
            return YearNotFound(actor, year.Value);
        }
        var current = await db.Needs.Where(n => n.Year == year).MaxAsync(n => (int?)n.Number) ?? 0;
        if (current != expectedNumber)
        {
            return NeedErrors.ChangedByOther(actor, year, current);
        }
        var entry = new NeedEntry
        {
            Year = year, Number = current + 1, Persons = persons, Em = em, Reason = reason.Trim(), By = actor.Name, At = Now,
            ForecastJson = forecast is null ? null : JsonSerializer.Serialize(forecast, StoredExplanation.Json),
        };
        db.Needs.Add(entry);
        Audit(actor, AuditActions.NeedAdd, year, null, new { entry.Number, persons, em, forecast }, reason);
        var saved = await Save(actor, entry);
        if (!saved.IsSuccess)
        {
            return Result<NeedChange>.Fail(saved.Errors);
        }
        return new NeedChange(entry, await CompareWithPublished(year, entry));
    }

    /// <summary>The ±10 % trigger: the new need against the need behind the published requests.</summary>
    public async Task<NeedRevision?> CompareWithPublished(SettlementYear year, NeedEntry need)
    {
        var planningYear = await Year(year);
        if (planningYear?.PublishedRunId is not { } published)
        {
            return null;
        }
        var run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == published);
        return new NeedRevision(NationalNeed.Create(run.Persons, run.Em).Value, NationalNeed.Create(need.Persons, need.Em).Value);
    }

    public Task<NeedEntry?> CurrentNeed(SettlementYear year) =>
        db.Needs.AsNoTracking().Where(n => n.Year == year).OrderByDescending(n => n.Number).FirstOrDefaultAsync();

    /// <summary>The year's need revisions, newest first.</summary>
    public Task<List<NeedEntry>> All(SettlementYear year) =>
        db.Needs.AsNoTracking().Where(n => n.Year == year).OrderByDescending(n => n.Number).ToListAsync();
}
