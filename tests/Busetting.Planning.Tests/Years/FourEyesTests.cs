namespace Busetting.Planning.Tests.Years;

/// <summary>Approval and publication need a second IMDi person (four eyes on, the default).</summary>
public sealed class FourEyesTests : PlanningTest
{
    [Theory, DatabaseData]
    public async Task Approval_PlannerAsksSecondPlannerConfirms_YearApprovedWithTheRunAsked(DatabaseProvider provider)
    {
        var (planning, run) = await OnConsultation(provider);

        var request = Ok(await Request(planning, People.Planner, YearStatus.Approved));
        Assert.Equal(YearStatus.Consultation, (await Year(planning)).Status);
        Assert.Equal(request.Id, (await planning.Years.OpenStepRequest(Places.Settlement))!.Id);
        Assert.Empty(await planning.Years.RequestsToConfirm(People.Planner));
        Assert.Single(await planning.Years.RequestsToConfirm(People.SecondPlanner));
        Ok(await Confirm(planning, People.SecondPlanner, request));

        var year = await Year(planning);
        Assert.Equal((YearStatus.Approved, run.Id), (year.Status, year.ApprovedRunId));
        var stored = await Host.Db(db => db.StepRequests.SingleAsync());
        Assert.Equal((StepRequestStatus.Confirmed, People.SecondPlanner.Name, People.Planner.UserId), (stored.Status, stored.ClosedBy, stored.RequestedByUserId));
        Assert.Equal(["year.step.request", "year.status"], (await Host.AuditActions()).TakeLast(2));
        Assert.Null(await planning.Years.OpenStepRequest(Places.Settlement));
    }

    [Theory, DatabaseData]
    public async Task Confirm_BySamePerson_RefusedAndTheYearStays(DatabaseProvider provider)
    {
        var (planning, _) = await OnConsultation(provider);
        var request = Ok(await Request(planning, People.Planner, YearStatus.Approved));

        var refused = Refused(await Confirm(planning, People.Planner, request), ErrorKind.Forbidden);

        Assert.Contains("en annen person i IMDi må bekrefte", refused.Message, StringComparison.Ordinal);
        Assert.Equal(YearStatus.Consultation, (await Year(planning)).Status);
        Assert.Equal(StepRequestStatus.Open, await Host.Db(db => db.StepRequests.Select(r => r.Status).SingleAsync()));
    }

    [Theory, DatabaseData]
    public async Task DirectApproval_WithFourEyesOn_Refused(DatabaseProvider provider)
    {
        var (planning, _) = await OnConsultation(provider);

        var direct = Refused(await Step(planning, People.Planner, YearStatus.Approved), ErrorKind.InvalidInput);
        Assert.Equal("year.four-eyes", direct.Code);
        Assert.Contains("krever en annen person i IMDi", direct.Message, StringComparison.Ordinal);
        Assert.Equal(YearStatus.Consultation, (await Year(planning)).Status);
    }

    [Theory, DatabaseData]
    public async Task Confirm_AfterANewRun_StaleAndRefused(DatabaseProvider provider)
    {
        var (planning, _) = await OnConsultation(provider);
        var request = Ok(await Request(planning, People.Planner, YearStatus.Approved));
        Ok(await Run(planning, People.SecondPlanner, "newer"));

        var refused = Refused(await Confirm(planning, People.Admin, request), ErrorKind.Conflict);

        Assert.Equal("step.stale", refused.Code);
        Assert.Equal(YearStatus.Consultation, (await Year(planning)).Status);
        Assert.Null((await Year(planning)).ApprovedRunId);
    }

    [Theory, DatabaseData]
    public async Task Confirm_AlreadyWithdrawn_ConflictNamingWhoClosedIt(DatabaseProvider provider)
    {
        var (planning, _) = await OnConsultation(provider);
        var request = Ok(await Request(planning, People.Planner, YearStatus.Approved));
        var withdrawn = Ok(await planning.Years.CloseStep(People.Planner, request.Id, request.Version));

        var refused = Refused(await Confirm(planning, People.Admin, request), ErrorKind.Conflict);

        Assert.Equal(StepRequestStatus.Withdrawn, withdrawn.Status);
        Assert.Equal("step.version", refused.Code);
        Assert.Contains(People.Planner.Name, refused.Message, StringComparison.Ordinal);
        Assert.Contains("year.step.withdraw", await Host.AuditActions());
    }

    [Theory, DatabaseData]
    public async Task CloseStep_AnotherImdiPersonDeclines_CountyMayNot(DatabaseProvider provider)
    {
        var (planning, _) = await OnConsultation(provider);
        var request = Ok(await Request(planning, People.Planner, YearStatus.Approved));

        Refused(await planning.Years.CloseStep(People.Vestland, request.Id, request.Version), ErrorKind.Forbidden);
        Refused(await Confirm(planning, People.Ks, request), ErrorKind.Forbidden);
        var declined = Ok(await planning.Years.CloseStep(People.Admin, request.Id, request.Version));

        Assert.Equal((StepRequestStatus.Declined, People.Admin.Name), (declined.Status, declined.ClosedBy));
        Assert.Equal(YearStatus.Consultation, (await Year(planning)).Status);
        Assert.Contains("year.step.decline", await Host.AuditActions());
    }

    [Theory, DatabaseData]
    public async Task Request_WhileAnotherIsOpen_Conflict(DatabaseProvider provider)
    {
        var (planning, _) = await OnConsultation(provider);
        Ok(await Request(planning, People.Planner, YearStatus.Approved));

        var refused = Refused(await Request(planning, People.SecondPlanner, YearStatus.Approved), ErrorKind.Conflict);

        Assert.Equal("step.open", refused.Code);
        Assert.Equal(1, await Host.Db(db => db.StepRequests.CountAsync()));
    }

    [Theory, DatabaseData]
    public async Task Request_ForConsultation_NotRequestable(DatabaseProvider provider)
    {
        var (planning, _) = await WithRun(provider);

        Refused(await Request(planning, People.Planner, YearStatus.Consultation), ErrorKind.InvalidInput);
        Refused(await Request(planning, People.Admin, YearStatus.Approved), ErrorKind.Forbidden);

        Assert.Equal(0, await Host.Db(db => db.StepRequests.CountAsync()));
    }

    [Theory, DatabaseData]
    public async Task Confirm_ByWhoeverIssuedTheRequestersCredentials_Refused_AnotherPersonMayConfirm(DatabaseProvider provider)
    {
        var (planning, _) = await OnConsultation(provider);
        var created = Ok(await Host.InScope<UserAdminService, Result<(AppUser User, string Password)>>(users =>
            users.Create(People.Admin, new UserAdminService.NewUser("ny.planlegger@test.busetting.no", "Ny planlegger", RoleNames.Planner, null, null))));
        var newPlanner = new Actor("Ny planlegger", Role.Planner, null, null, UserId: created.User.Id);
        var request = Ok(await Request(planning, newPlanner, YearStatus.Approved));

        var refused = Refused(await Confirm(planning, People.Admin, request), ErrorKind.Forbidden);

        Assert.Contains("du har gitt Ny planlegger passord eller innlogging de siste 30 dagene", refused.Message, StringComparison.Ordinal);
        Assert.Equal(YearStatus.Consultation, (await Year(planning)).Status);
        Ok(await Confirm(planning, People.SecondPlanner, request));
        Assert.Equal(YearStatus.Approved, (await Year(planning)).Status);
    }

    [Theory, DatabaseData]
    public async Task Confirm_CredentialsIssuedLongerAgoThanThePeriod_Allowed(DatabaseProvider provider)
    {
        var (planning, _) = await OnConsultation(provider, new Dictionary<string, string?> { ["Planning:FourEyesCredentialPeriodDays"] = "2" });
        var created = Ok(await Host.InScope<UserAdminService, Result<(AppUser User, string Password)>>(users =>
            users.Create(People.Admin, new UserAdminService.NewUser("ny@test.busetting.no", "Ny", RoleNames.Planner, null, null))));
        Host.Clock.Advance(TimeSpan.FromDays(3));
        var request = Ok(await Request(planning, new Actor("Ny", Role.Planner, null, null, UserId: created.User.Id), YearStatus.Approved));

        Ok(await Confirm(planning, People.Admin, request));

        Assert.Equal(YearStatus.Approved, (await Year(planning)).Status);
    }

    [Theory, DatabaseData]
    public async Task Publication_ConfirmedByTheAdministrator_PublishesTheApprovedRun(DatabaseProvider provider)
    {
        var (planning, run) = await Published(provider);

        var year = await Year(planning);
        Assert.Equal((YearStatus.Published, run.Id, 0), (year.Status, year.PublishedRunId, year.Revision));
        var requests = await Host.Db(db => db.StepRequests.OrderBy(r => r.Id).ToListAsync());
        Assert.Equal([YearStatus.Approved, YearStatus.Published], requests.Select(r => r.To));
        Assert.All(requests, r => Assert.Equal(StepRequestStatus.Confirmed, r.Status));
        Assert.Equal(3, (await Host.AuditActions()).Count(a => a == "year.status"));
    }
}
