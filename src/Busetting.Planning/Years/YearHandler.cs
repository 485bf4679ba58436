using Busetting.Data.Criteria;

namespace Busetting.Planning;

/// <summary>Planning years: status steps, deadline and lock, new years (four eyes in YearHandler.Steps.cs).</summary>
public sealed partial class YearHandler(PlanningDependencies dependencies) : PlanningHandler(dependencies)
{
    /// <summary>Approval and publication need a second IMDi person (<c>Planning:FourEyes</c>, default on).</summary>
    public bool FourEyes => options.FourEyes;

    /// <summary>Every planning year, newest first.</summary>
    public Task<List<PlanningYear>> All() => db.Years.AsNoTracking().OrderByDescending(y => y.Year).ToListAsync();

    public Task<List<YearStatusChange>> StatusHistory(SettlementYear year) =>
        db.YearStatusChanges.AsNoTracking().Where(c => c.Year == year).OrderByDescending(c => c.Id).ToListAsync();

    /// <summary>Moves the year one step. With four eyes on (<see cref="PlanningOptions.FourEyes"/>), approval and
    /// publication go through <see cref="RequestStep"/> and <see cref="ConfirmStep"/> instead.</summary>
    /// <param name="consultationDeadline">The last day for proposals when the year goes on consultation; the year's
    /// current deadline is kept when none is given.</param>
    public async Task<Result<PlanningYear>> ChangeStatus(Actor actor, SettlementYear year, YearStatus to, int expectedVersion, string? reason, int? runId = null,
        DateOnly? consultationDeadline = null)
    {
        if (!Access.CanPlan(actor))
        {
            return YearErrors.OnlyPlannersMoveSteps(actor);
        }
        if (FourEyesRules.CheckDirectStep(options.FourEyes, to) is { } fourEyes)
        {
            return Say(actor, fourEyes);
        }
        var entity = await db.Years.FirstOrDefaultAsync(y => y.Year == year);
        var checkedStep = await CheckStep(actor, entity, year, to, expectedVersion, reason, runId, consultationDeadline);
        if (!checkedStep.IsSuccess)
        {
            return checkedStep;
        }
        await ApplyStep(actor, entity!, to, reason, runId, consultationDeadline, requestedBy: null);
        var saved = await Save(actor, entity!);
        await figures.Invalidate(year);
        return saved;
    }

    /// <summary>Everything that must hold before the year moves to <paramref name="to"/>; nothing is changed.</summary>
    private async Task<Result<PlanningYear>> CheckStep(Actor actor, PlanningYear? entity, SettlementYear year, YearStatus to, int expectedVersion, string? reason, int? runId,
        DateOnly? consultationDeadline)
    {
        if (ReasonTooLong(actor, "year.reason", reason) is { } tooLong)
        {
            return tooLong;
        }
        if (entity is null)
        {
            return YearNotFound(actor, year.Value);
        }
        if (entity.Version != expectedVersion)
        {
            return YearErrors.ChangedByOther(actor, year, entity.Status);
        }
        if (PlanningYearRules.CheckStep(entity.Status, to) is { } notAllowed)
        {
            return Say(actor, notAllowed);
        }
        switch (to)
        {
            case YearStatus.Consultation when PlanningYearRules.CheckConsultation(
                    PlanningYearRules.HasRunToConsult(await db.Runs.Where(r => r.Year == year).MaxAsync(r => (int?)r.Id), entity.PublishedRunId),
                    consultationDeadline ?? entity.ConsultationDeadline, Today, revision: entity.PublishedRunId is not null) is { } notReady:
                return Say(actor, notReady);
            case YearStatus.Approved:
                var approve = runId ?? await db.Runs.Where(r => r.Year == year).MaxAsync(r => (int?)r.Id);
                if (approve is null || !await db.Runs.AnyAsync(r => r.Id == approve && r.Year == year))
                {
                    return YearErrors.RunNotOfYear(actor, runId, year);
                }
                break;
        }
        return entity;
    }

    /// <summary>Moves the year (checked by <see cref="CheckStep"/>), records the step and its audit entry, and closes
    /// any other open four-eyes request of the year (it was made against the old state). Not saved here.</summary>
    private async Task ApplyStep(Actor actor, PlanningYear entity, YearStatus to, string? reason, int? runId, DateOnly? consultationDeadline, StepRequest? requestedBy)
    {
        var from = entity.Status;
        switch (to)
        {
            case YearStatus.Consultation:
                entity.ConsultationDeadline = consultationDeadline ?? entity.ConsultationDeadline;
                break;
            case YearStatus.Approved:
                entity.ApprovedRunId = runId ?? await db.Runs.Where(r => r.Year == entity.Year).MaxAsync(r => (int?)r.Id);
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
        foreach (var open in await db.StepRequests.Where(r => r.Year == entity.Year && r.Status == StepRequestStatus.Open).ToListAsync())
        {
            if (open.Id != requestedBy?.Id)
            {
                open.Status = StepRequestStatus.Withdrawn;
                open.ClosedBy = actor.Name;
                open.ClosedAt = Now;
                open.Version++;
            }
        }
        var text = string.IsNullOrWhiteSpace(reason) ? requestedBy?.Reason : reason.Trim();
        db.YearStatusChanges.Add(new YearStatusChange { Year = entity.Year, From = from, To = to, Revision = entity.Revision, By = actor.Name, At = Now, Reason = text });
        Audit(actor, AuditActions.YearStatus, entity.Year, null, new
        {
            from, to, entity.Revision, entity.ApprovedRunId, entity.PublishedRunId, entity.ConsultationDeadline,
            requestedBy = requestedBy?.RequestedBy, request = requestedBy?.Id,
        }, text);
        if (to == YearStatus.Consultation)
        {
            // Written with the status step: stored together or not at all.
            await notifications.ConsultationOpened(db, entity.Year);
        }
    }

    /// <summary>The year a planner changes a setting of (a deadline): refused with <paramref name="forbidden"/> for anyone
    /// else, not found, or changed by another since the page was read (<paramref name="expectedVersion"/>).</summary>
    private async Task<Result<PlanningYear>> YearToChange(Actor actor, SettlementYear year, int expectedVersion, Func<Actor, Error> forbidden)
    {
        if (!Access.CanPlan(actor))
        {
            return forbidden(actor);
        }
        var entity = await db.Years.FirstOrDefaultAsync(y => y.Year == year);
        if (entity is null)
        {
            return YearNotFound(actor, year.Value);
        }
        if (entity.Version != expectedVersion)
        {
            return YearErrors.ChangedByOther(actor, year);
        }
        return entity;
    }

    /// <summary>Moves the consultation deadline (a later one reopens consultation for late proposals).</summary>
    public async Task<Result<PlanningYear>> SetConsultationDeadline(Actor actor, SettlementYear year, DateOnly? deadline, int expectedVersion)
    {
        var found = await YearToChange(actor, year, expectedVersion, YearErrors.OnlyPlannersSetConsultationDeadline);
        if (!found.IsSuccess)
        {
            return found;
        }
        var entity = found.Value;
        if (deadline is not { } d)
        {
            return YearErrors.NoConsultationDeadline(actor);
        }
        if (PlanningYearRules.CheckDeadlineNotPast(d, Today) is { } past)
        {
            return Say(actor, past);
        }
        Audit(actor, AuditActions.YearConsultationDeadline, year, null, new { from = entity.ConsultationDeadline, to = d }, null);
        entity.ConsultationDeadline = d;
        entity.Version++;
        return await Save(actor, entity);
    }

    public async Task<Result<PlanningYear>> SetDeadline(Actor actor, SettlementYear year, DateOnly? deadline, bool locked, int expectedVersion)
    {
        var found = await YearToChange(actor, year, expectedVersion, YearErrors.OnlyPlannersSetDeadline);
        if (!found.IsSuccess)
        {
            return found;
        }
        var entity = found.Value;
        Audit(actor, AuditActions.YearDeadline, year, null, new { from = entity.DecisionDeadline, to = deadline, locked }, null);
        entity.DecisionDeadline = deadline;
        entity.DecisionsLocked = locked;
        entity.Version++;
        var saved = await Save(actor, entity);
        await figures.Invalidate(year);
        return saved;
    }

    /// <summary>Creates a planning year from the number an administrator typed; a number outside the years the system covers is refused.</summary>
    public async Task<Result<PlanningYear>> CreateYear(Actor actor, int year)
    {
        if (!Access.CanAdminister(actor))
        {
            return YearErrors.OnlyAdministratorsCreateYears(actor);
        }
        if (!SettlementYear.TryCreate(year, out var settlement))
        {
            return YearErrors.OutsideCoveredYears(actor, year);
        }
        if (await db.Years.AnyAsync(y => y.Year == settlement))
        {
            return YearErrors.AlreadyExists(actor, settlement);
        }
        var previous = await CriteriaBefore(settlement);
        var json = previous is null ? reference.DefaultCriteriaJson(settlement) : WithYear(previous.Json, settlement);
        var entity = new PlanningYear { Year = settlement, Status = YearStatus.Draft, Version = 1 };
        db.Years.Add(entity);
        db.CriteriaVersions.Add(new CriteriaEntry
        {
            Year = settlement, Number = 1, Json = json, By = actor.Name, At = Now,
            Reason = previous is null ? "Levert med systemet" : Inv($"Videreført fra {previous.Year} versjon {previous.Number}"),
        });
        Audit(actor, AuditActions.YearCreate, settlement, null, new { criteriaFrom = previous?.Year.Value }, null);
        return await Save(actor, entity);
    }

    /// <summary>The newest criteria version of the latest year before <paramref name="year"/>; null when there is none.</summary>
    private async Task<CriteriaEntry?> CriteriaBefore(SettlementYear year)
    {
        // Newest first in SQL (on the stored number); the first one before the year is the one (a year column compares typed to typed only).
        await foreach (var entry in db.CriteriaVersions.AsNoTracking().OrderByDescending(c => c.Year).ThenByDescending(c => c.Number).AsAsyncEnumerable())
        {
            if (entry.Year.CompareTo(year) < 0)
            {
                return entry;
            }
        }
        return null;
    }

    private static string WithYear(string json, SettlementYear year)
    {
        var parsed = CriteriaJson.Parse(json, "criteria").Value;
        return CriteriaJson.Write(parsed with { Year = year.Value, Version = Inv($"{year}-1") });
    }
}
