namespace Busetting.Planning;

/// <summary>Consequential steps: what a step will do (the confirmation's summary), and four eyes for approval and publication.</summary>
public sealed partial class YearHandler
{
    /// <summary>What a status step does, shown before it is confirmed.</summary>
    /// <param name="Run">The run the step concerns: the newest for consultation and approval, the approved one for publication.</param>
    /// <param name="Asked">Municipalities with a request above zero in that run.</param>
    /// <param name="AskedEm">Municipalities asked for EM in that run.</param>
    /// <param name="OpenProposals">Proposal packages not yet answered.</param>
    /// <param name="Agreed">Accepted proposal lines (agreed numbers) in the year.</param>
    /// <param name="ChangedFromPublished">Municipalities whose request differs from the published one (revisions); null before a first publication.</param>
    /// <param name="ConsultationOpenUntil">Approval while the consultation is still open: its deadline (a warning); otherwise null.</param>
    public sealed record StepSummary(YearStatus To, AllocationRun? Run, int Asked, int AskedEm, int OpenProposals, int Agreed, int? ChangedFromPublished,
        DateOnly? ConsultationOpenUntil = null);

    public async Task<StepSummary> Summary(SettlementYear year, YearStatus to)
    {
        var planningYear = await Year(year);
        var runId = to == YearStatus.Published ? planningYear?.ApprovedRunId : await db.Runs.Where(r => r.Year == year).MaxAsync(r => (int?)r.Id);
        var run = runId is null ? null : await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId);
        var lines = run is null ? [] : await db.RunLines.AsNoTracking().Where(l => l.RunId == run.Id).Select(l => new { l.Kommunenummer, l.Requested, l.RequestedEm }).ToListAsync();
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.Year == year).Select(p => new { p.Id, p.PackageId, p.Status }).ToListAsync();
        int? changed = null;
        if (planningYear?.PublishedRunId is { } published && run is not null && published != run.Id)
        {
            var before = await db.RunLines.AsNoTracking().Where(l => l.RunId == published).ToDictionaryAsync(l => l.Kommunenummer, l => l.Requested);
            changed = lines.Count(l => before.GetValueOrDefault(l.Kommunenummer) != l.Requested);
        }
        return new StepSummary(to, run, lines.Count(l => l.Requested > 0), lines.Count(l => l.RequestedEm > 0),
            proposals.Where(p => p.Status == ProposalStatus.Open).Select(p => p.PackageId ?? p.Id).Distinct().Count(),
            proposals.Count(p => p.Status == ProposalStatus.Accepted), changed,
            planningYear is null ? null : PlanningYearRules.ApprovalBeforeDeadline(to, planningYear.Status, planningYear.ConsultationDeadline, Today));
    }

    /// <summary>The year's open four-eyes request, if any.</summary>
    public Task<StepRequest?> OpenStepRequest(SettlementYear year) =>
        db.StepRequests.AsNoTracking().Where(r => r.Year == year && r.Status == StepRequestStatus.Open).OrderByDescending(r => r.Id).FirstOrDefaultAsync();

    /// <summary>Open four-eyes requests of every year that this actor could confirm (not their own).</summary>
    public async Task<List<StepRequest>> RequestsToConfirm(Actor actor) =>
        !Access.CanConfirmStep(actor) ? [] : await db.StepRequests.AsNoTracking()
            .Where(r => r.Status == StepRequestStatus.Open && r.RequestedByUserId != actor.Identity).OrderBy(r => r.Id).ToListAsync();

    /// <summary>A planner asks for the year to be approved or published; a second IMDi person confirms (<see cref="ConfirmStep"/>).</summary>
    public async Task<Result<StepRequest>> RequestStep(Actor actor, SettlementYear year, YearStatus to, int expectedVersion, string? reason)
    {
        if (!Access.CanPlan(actor))
        {
            return YearErrors.OnlyPlannersRequestSteps(actor);
        }
        if (FourEyesRules.CheckRequestable(to) is { } notRequestable)
        {
            return Say(actor, notRequestable);
        }
        var entity = await db.Years.AsNoTracking().FirstOrDefaultAsync(y => y.Year == year);
        var check = await CheckStep(actor, entity, year, to, expectedVersion, reason, null, null);
        if (!check.IsSuccess)
        {
            return Result<StepRequest>.Fail(check.Errors);
        }
        if (await OpenStepRequest(year) is { } open)
        {
            return YearErrors.StepAlreadyRequested(actor, open.RequestedBy, open.To);
        }
        var request = new StepRequest
        {
            Year = year, To = to, YearVersion = entity!.Version, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            RunId = to == YearStatus.Approved ? await db.Runs.Where(r => r.Year == year).MaxAsync(r => (int?)r.Id) : entity.ApprovedRunId,
            RequestedBy = actor.Name, RequestedByUserId = actor.Identity, RequestedAt = Now, Status = StepRequestStatus.Open, Version = 1,
        };
        db.StepRequests.Add(request);
        Audit(actor, AuditActions.YearStepRequest, year, null, new { to, request.RunId, request.YearVersion }, reason);
        return await Save(actor, request);
    }

    /// <summary>The second person confirms: the year moves as the request says, if nothing changed since it was made.</summary>
    public async Task<Result<PlanningYear>> ConfirmStep(Actor actor, int requestId, int expectedVersion)
    {
        if (!Access.CanConfirmStep(actor))
        {
            return YearErrors.OnlyImdiConfirmsSteps(actor);
        }
        var request = await db.StepRequests.FirstOrDefaultAsync(r => r.Id == requestId);
        if (request is null)
        {
            return YearErrors.RequestNotFound(actor, requestId);
        }
        if (FourEyesRules.CheckConfirmer(new UserId(request.RequestedByUserId), new UserId(actor.Identity), request.To) is { } ownRequest)
        {
            return Say(actor, ownRequest);
        }
        if (FourEyesRules.CheckStillOpen(request.Status == StepRequestStatus.Open, request.Version, expectedVersion, request.ClosedBy) is { } handled)
        {
            return Say(actor, handled);
        }
        if (await IssuedCredentialsToRequester(actor, request))
        {
            return YearErrors.IssuedRequestersCredentials(actor, request.RequestedBy, options.FourEyesCredentialPeriodDays, request.To);
        }
        var entity = await db.Years.FirstOrDefaultAsync(y => y.Year == request.Year);
        var newest = await db.Runs.Where(r => r.Year == request.Year).MaxAsync(r => (int?)r.Id);
        if (FourEyesRules.CheckNotStale(entity?.Version, request.YearVersion, request.To, newest, request.RunId, request.RequestedBy) is { } stale)
        {
            return Say(actor, stale);
        }
        var check = await CheckStep(actor, entity, request.Year, request.To, request.YearVersion, null, request.RunId, null);
        if (!check.IsSuccess)
        {
            return check;
        }
        request.Status = StepRequestStatus.Confirmed;
        request.ClosedBy = actor.Name;
        request.ClosedAt = Now;
        request.Version++;
        await ApplyStep(actor, check.Value, request.To, null, request.RunId, null, request);
        var saved = await Save(actor, check.Value);
        await figures.Invalidate(request.Year);
        return saved;
    }

    /// <summary>The requester withdraws the request, or another IMDi person declines it.</summary>
    public async Task<Result<StepRequest>> CloseStep(Actor actor, int requestId, int expectedVersion)
    {
        var request = await db.StepRequests.FirstOrDefaultAsync(r => r.Id == requestId);
        if (request is null)
        {
            return YearErrors.RequestNotFound(actor, requestId);
        }
        var own = request.RequestedByUserId == actor.Identity;
        if (!(own ? Access.CanPlan(actor) : Access.CanConfirmStep(actor)))
        {
            return YearErrors.OnlyImdiClosesRequests(actor);
        }
        if (request.Status != StepRequestStatus.Open || request.Version != expectedVersion)
        {
            return YearErrors.RequestAlreadyHandled(actor);
        }
        request.Status = own ? StepRequestStatus.Withdrawn : StepRequestStatus.Declined;
        request.ClosedBy = actor.Name;
        request.ClosedAt = Now;
        request.Version++;
        Audit(actor, own ? AuditActions.YearStepWithdraw : AuditActions.YearStepDecline, request.Year, null, new { request.Id, request.To, request.RequestedBy }, null);
        return await Save(actor, request);
    }

    /// <summary>
    /// Whether the confirmer issued the requester's credentials within <c>Planning:FourEyesCredentialPeriodDays</c>
    /// (<see cref="CredentialIssuers"/>): they could then have made the request themselves.
    /// </summary>
    private async Task<bool> IssuedCredentialsToRequester(Actor confirmer, StepRequest request)
    {
        var since = Now.AddDays(-options.FourEyesCredentialPeriodDays);
        var actions = CredentialIssuers.Actions.ToList();
        var entries = await db.Audit.AsNoTracking().Where(a => a.At >= since && actions.Contains(a.Action)).ToListAsync();
        if (entries.Count == 0)
        {
            return false;
        }
        var email = await db.Users.AsNoTracking().Where(u => u.Id == request.RequestedByUserId).Select(u => u.Email).FirstOrDefaultAsync();
        return entries.Any(e => CredentialIssuers.IssuedBy(e, confirmer, request.RequestedByUserId, email));
    }
}
