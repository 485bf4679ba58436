using Busetting.Data.Criteria;
using Busetting.Domain.Errors;
using Busetting.Domain.Primitives;
using Busetting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Busetting.Web.Services;

/// <summary>Planning years: status steps, deadline and lock, new years.</summary>
public sealed partial class PlanningService
{
    public async Task<Result<PlanningYear>> ChangeStatus(Actor actor, int year, YearStatus to, int expectedVersion, string? reason, int? runId = null)
    {
        if (!Access.CanPlan(actor))
        {
            return Error.Forbidden(Say(actor, $"bare IMDis planleggere flytter et planår mellom stegene", $"berre planleggjarane i IMDi flyttar eit planår mellom stega"));
        }
        if (TooLong(actor, "year.reason", reason, FieldLimits.Reason, "begrunnelsen", "grunngjevinga") is { } tooLong)
        {
            return tooLong;
        }
        var entity = await db.Years.FirstOrDefaultAsync(y => y.Year == year);
        if (entity is null)
        {
            return Error.NotFound("year", Say(actor, $"planåret {year} finnes ikke", $"planåret {year} finst ikkje"));
        }
        if (entity.Version != expectedVersion)
        {
            return Error.Conflict("year.version", Say(actor, $"planåret {year} er endret av en annen (nå {Ui.Status(actor.Language, entity.Status)}); last siden på nytt og prøv igjen", $"planåret {year} er endra av ein annan (no {Ui.Status(actor.Language, entity.Status)}); last sida på nytt og prøv igjen"));
        }
        if (!YearWorkflow.Allowed(entity.Status, to))
        {
            return Error.Invalid("year.status", Say(actor, $"et år med status «{Ui.Status(actor.Language, entity.Status)}» kan ikke gå til «{Ui.Status(actor.Language, to)}»", $"eit år med status «{Ui.Status(actor.Language, entity.Status)}» kan ikkje gå til «{Ui.Status(actor.Language, to)}»"));
        }
        var from = entity.Status;
        switch (to)
        {
            case YearStatus.Consultation when !await db.Runs.AnyAsync(r => r.Year == year):
                return Error.Invalid("year.status", Say(actor, $"kjør en fordeling før året sendes på høring", $"køyr ei fordeling før året blir sendt på høyring"));
            case YearStatus.Approved:
                var approve = runId ?? await db.Runs.Where(r => r.Year == year).MaxAsync(r => (int?)r.Id);
                if (approve is null || !await db.Runs.AnyAsync(r => r.Id == approve && r.Year == year))
                {
                    return Error.Invalid("year.run", Say(actor, $"fordelingskjøring {runId} hører ikke til {year}", $"fordelingskøyring {runId} høyrer ikkje til {year}"));
                }
                entity.ApprovedRunId = approve;
                break;
            case YearStatus.Published:
                entity.PublishedRunId = entity.ApprovedRunId;
                break;
            case YearStatus.Revised:
                entity.Revision++;
                entity.ApprovedRunId = null;
                break;
        }
        entity.Status = to;
        entity.Version++;
        db.YearStatusChanges.Add(new YearStatusChange { Year = year, From = from, To = to, Revision = entity.Revision, By = actor.Name, At = Now, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() });
        Audit(actor, "year.status", year, null, new { from, to, entity.Revision, entity.ApprovedRunId, entity.PublishedRunId }, reason);
        var saved = await Save(actor, entity);
        await figures.Invalidate(year);
        return saved;
    }

    public async Task<Result<PlanningYear>> SetDeadline(Actor actor, int year, DateOnly? deadline, bool locked, int expectedVersion)
    {
        if (!Access.CanPlan(actor))
        {
            return Error.Forbidden(Say(actor, $"bare IMDis planleggere setter frist og låser vedtak", $"berre planleggjarane i IMDi set frist og låser vedtak"));
        }
        var entity = await db.Years.FirstOrDefaultAsync(y => y.Year == year);
        if (entity is null)
        {
            return Error.NotFound("year", Say(actor, $"planåret {year} finnes ikke", $"planåret {year} finst ikkje"));
        }
        if (entity.Version != expectedVersion)
        {
            return Error.Conflict("year.version", Say(actor, $"planåret {year} er endret av en annen; last siden på nytt og prøv igjen", $"planåret {year} er endra av ein annan; last sida på nytt og prøv igjen"));
        }
        Audit(actor, "year.deadline", year, null, new { from = entity.DecisionDeadline, to = deadline, locked }, null);
        entity.DecisionDeadline = deadline;
        entity.DecisionsLocked = locked;
        entity.Version++;
        var saved = await Save(actor, entity);
        await figures.Invalidate(year);
        return saved;
    }

    public async Task<Result<PlanningYear>> CreateYear(Actor actor, int year)
    {
        if (!Access.CanAdminister(actor))
        {
            return Error.Forbidden(Say(actor, $"bare IMDis administratorer oppretter planår", $"berre administratorane i IMDi opprettar planår"));
        }
        if (!SettlementYear.TryCreate(year, out _))
        {
            return Error.Invalid("year", Say(actor, $"{year} er utenfor årene systemet dekker ({SettlementYear.Earliest}–{SettlementYear.Latest})", $"{year} er utanfor åra systemet dekkjer ({SettlementYear.Earliest}–{SettlementYear.Latest})"));
        }
        if (await db.Years.AnyAsync(y => y.Year == year))
        {
            return Error.Conflict("year.exists", Say(actor, $"planåret {year} finnes allerede", $"planåret {year} finst allereie"));
        }
        var previous = await db.CriteriaVersions.AsNoTracking().Where(c => c.Year < year).OrderByDescending(c => c.Year).ThenByDescending(c => c.Number).FirstOrDefaultAsync();
        var json = previous is null ? reference.DefaultCriteriaJson(year) : WithYear(previous.Json, year);
        var entity = new PlanningYear { Year = year, Status = YearStatus.Draft, Version = 1 };
        db.Years.Add(entity);
        db.CriteriaVersions.Add(new CriteriaEntry
        {
            Year = year, Number = 1, Json = json, By = actor.Name, At = Now,
            Reason = previous is null ? "Levert med systemet" : Inv($"Videreført fra {previous.Year} versjon {previous.Number}"),
        });
        Audit(actor, "year.create", year, null, new { criteriaFrom = previous?.Year }, null);
        return await Save(actor, entity);
    }

    private static string WithYear(string json, int year)
    {
        var parsed = CriteriaJson.Parse(json, "criteria").Value;
        return CriteriaJson.Write(parsed with { Year = year, Version = Inv($"{year}-1") });
    }
}
